/** Where notebooks, sample data and data files are on disk. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_DIR = path.join(PACKAGE_ROOT, 'public', 'sample');

/** A path to a notebook, or the name of a bundled one. */
export function resolveNotebook(nameOrPath: string): string {
  const candidates = [
    nameOrPath,
    path.join(PACKAGE_ROOT, 'notebooks', nameOrPath),
    path.join(PACKAGE_ROOT, 'notebooks', `${nameOrPath}.md`),
  ];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!found) throw new Error(`Notebook "${nameOrPath}" not found (looked for ${candidates.join(', ')}).`);
  return found;
}

const DATA_EXTENSIONS = /\.(csv|tsv|txt|parquet)$/i;

/** The data files of a directory (not recursive), or the named files themselves. */
export function dataFilesIn(inputs: readonly string[]): { name: string; path: string }[] {
  const files: { name: string; path: string }[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) throw new Error(`${input} does not exist.`);
    if (statSync(input).isDirectory()) {
      for (const entry of readdirSync(input).sort()) {
        const full = path.join(input, entry);
        if (DATA_EXTENSIONS.test(entry) && statSync(full).isFile()) files.push({ name: entry, path: full });
      }
    } else {
      files.push({ name: path.basename(input), path: input });
    }
  }
  return files;
}
