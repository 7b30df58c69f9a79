/**
 * `medallion export-dbt NOTEBOOK --out DIR [--data DIR]`: the notebook as a dbt project
 * (src/export/dbt-project.ts). With data files (by default the bundled sample, for a
 * notebook that uses it) their encodings are detected so the sources read them right.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TextEncoding } from '../engine/api.ts';
import { detectEncoding } from '../engine/detect-encoding.ts';
import { pathReader } from '../engine/node-files.ts';
import { exportDbtProject } from '../export/dbt-project.ts';
import { parseNotebook } from '../notebook/format.ts';
import { dataFilesIn, resolveNotebook, SAMPLE_DIR } from './locate.ts';
import { readByNotebook } from './run-command.ts';

export async function exportDbtCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, data: { type: 'string' } },
  });
  if (positionals.length !== 1 || !values.out)
    throw new Error('Say which notebook and where: medallion export-dbt NOTEBOOK --out DIR');
  const notebook = parseNotebook(readFileSync(resolveNotebook(positionals[0]!), 'utf8'));
  const dataDir = values.data ?? (notebook.meta['data'] === 'sample' ? SAMPLE_DIR : null);
  const encodings = new Map<string, TextEncoding>();
  if (dataDir) {
    for (const file of dataFilesIn([dataDir]).filter((f) => readByNotebook(notebook, f.name))) {
      encodings.set(
        file.name,
        (await detectEncoding(await pathReader(path.resolve(file.path)))).encoding,
      );
    }
  }
  const project = exportDbtProject(notebook, { files: encodings });
  for (const [file, text] of project.files) {
    const target = path.join(values.out, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  console.error(
    `medallion: dbt project "${project.projectName}" written to ${values.out}: ${project.models.length} models` +
      (project.skipped.length > 0
        ? `, ${project.skipped.length} cells left out (see README.md)`
        : '') +
      '.',
  );
  return 0;
}
