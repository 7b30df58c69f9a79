/**
 * `medallion run NOTEBOOK`: every cell in dependency order on DuckDB-WASM in Node (or on
 * native DuckDB with `--engine native`, multi-threaded and spilling to disk), with a
 * directory's files standing in for dropped files, then one file per table written out.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseNotebook } from '../notebook/format.ts';
import type { Notebook } from '../notebook/types.ts';
import { analyzeNotebook } from '../analysis/analyze-notebook.ts';
import { matchesFilePattern } from '../analysis/bronze-spec.ts';
import { createEngine, ENGINE_OPTIONS } from './engine-choice.ts';
import { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { dataFilesIn, resolveNotebook, SAMPLE_DIR } from './locate.ts';
import { writeTable, type OutputFormat } from './write-table.ts';

export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      out: { type: 'string', default: 'out' },
      format: { type: 'string', default: 'csv' },
      layers: { type: 'string', default: 'gold' },
      // The notebook's `urls:` and remote reads, off unless asked for, as in the page.
      'allow-network': { type: 'boolean', default: false },
      ...ENGINE_OPTIONS,
    },
  });
  const format = values.format as OutputFormat;
  if (!['csv', 'json', 'parquet'].includes(format)) throw new Error(`--format must be csv, json or parquet, not "${format}".`);
  if (!['gold', 'all'].includes(values.layers!)) throw new Error(`--layers must be gold or all, not "${values.layers}".`);
  if (positionals.length !== 1) throw new Error('Name one notebook: medallion run NOTEBOOK');

  const notebookPath = resolveNotebook(positionals[0]!);
  const notebook = parseNotebook(readFileSync(notebookPath, 'utf8'));
  const dataDir = values.data ?? SAMPLE_DIR;
  // Only the files the notebook's bronze cells read stand in for dropped files; anything
  // else in the folder (notes, other exports) is left alone.
  const files = dataFilesIn([dataDir]).filter((f) => readByNotebook(notebook, f.name));

  const started = performance.now();
  const engine = await createEngine(values);
  const runtime = new NotebookRuntime(engine, notebook);
  if (values['allow-network']) runtime.allowNetwork();
  // A file the notebook can fetch by URL is not missing when the network is allowed.
  const fetchable = values['allow-network'] ? runtime.dataUrls().map((u) => u.name) : [];
  const missing = missingFiles(runtime, [...files.map((f) => f.name), ...fetchable]);
  if (missing.length > 0) {
    console.error(missing.map((m) => `Missing data: ${m}, expected in ${dataDir}`).join('\n'));
    if (!values['allow-network'] && runtime.dataUrls().length > 0)
      console.error('The notebook says where some of its files can be fetched: add --allow-network to fetch them.');
    return 2;
  }
  await runtime.addFiles(files.map((f) => ({ name: f.name, handle: f.path })), false);
  const engineReady = performance.now();
  await runtime.runAll();

  let failed = 0;
  for (const cell of runtime.notebook.cells) {
    if (cell.kind === 'markdown') continue;
    const state = runtime.state(cell.id);
    const name = runtime.analysis.get(cell.id)?.defines ?? cell.id;
    if (state.status === 'done') {
      const rows = state.result ? `${state.result.rows.toLocaleString('en-US')} rows` : '';
      const ms = state.result ? `${(state.result.elapsedMs / 1000).toFixed(2)} s` : '';
      console.error(`  done     ${name.padEnd(28)} ${rows.padStart(16)} ${ms.padStart(8)}`);
    } else {
      failed++;
      console.error(`  ${state.status.padEnd(8)} ${name}\n           ${(state.message ?? '').split('\n').join('\n           ')}`);
    }
  }
  if (failed > 0) {
    console.error(`medallion: ${failed} cell(s) did not finish; no tables written.`);
    return 1;
  }

  await mkdir(values.out!, { recursive: true });
  const schemas = values.layers === 'all' ? ['bronze', 'silver', 'gold'] : ['gold'];
  const tables = (await runtime.catalog())
    .filter((t) => schemas.includes(t.schema))
    .map((t) => `${t.schema}.${t.name}`);
  for (const table of tables) console.log(await writeTable(engine, table, values.out!, format));
  const total = (performance.now() - started) / 1000;
  const pipeline = (performance.now() - engineReady) / 1000;
  const info = await engine.info();
  const on = `${info.engine === 'native' ? 'native DuckDB' : 'DuckDB-WASM'} ${info.duckdbVersion}, ${info.threads ?? 1} thread${info.threads === 1 ? '' : 's'}`;
  console.error(`medallion: ${tables.length} tables written to ${values.out} in ${total.toFixed(2)} s (pipeline and export ${pipeline.toFixed(2)} s; ${on}).`);
  return 0;
}

export function readByNotebook(notebook: Notebook, fileName: string): boolean {
  return [...analyzeNotebook(notebook).values()].some((a) => a.files.some((p) => matchesFilePattern(fileName, p)));
}

/** Bronze patterns that no file in the data directory matches. */
export function missingFiles(runtime: NotebookRuntime, names: readonly string[]): string[] {
  const missing: string[] = [];
  for (const analysis of runtime.analysis.values()) {
    for (const pattern of analysis.files) {
      if (!names.some((n) => matchesFilePattern(n, pattern))) missing.push(`${pattern} (read by ${analysis.defines})`);
    }
  }
  return missing;
}
