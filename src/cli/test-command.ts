/**
 * `medallion test NOTEBOOK [--data DIR]`: run every cell, then report each data test: pass
 * or fail, how many rows fail, a few of them, and the author's hint. Exits 1 when a test
 * fails or a cell does not finish, 2 when expected data files are missing.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseNotebook } from '../notebook/format.ts';
import { notebookTitle } from '../notebook/types.ts';
import { createNodeEngine } from '../engine/node-engine.ts';
import { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import type { CellTestResult } from '../runtime/cell-state.ts';
import { columnsOf, displayRows } from '../client/arrow-decode.ts';
import { dataFilesIn, resolveNotebook, SAMPLE_DIR } from './locate.ts';
import { missingFiles, readByNotebook } from './run-command.ts';

const SAMPLE_SHOWN = 5;
const CELL_WIDTH = 24;
const LINE_WIDTH = 120;

export async function testCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { data: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new Error('Name one notebook: medallion test NOTEBOOK [--data DIR]');

  const notebookPath = resolveNotebook(positionals[0]!);
  const notebook = parseNotebook(readFileSync(notebookPath, 'utf8'));
  const dataDir = values.data ?? SAMPLE_DIR;
  const files = dataFilesIn([dataDir]).filter((f) => readByNotebook(notebook, f.name));
  const runtime = new NotebookRuntime(await createNodeEngine(), notebook);
  const missing = missingFiles(runtime, files.map((f) => f.name));
  if (missing.length > 0) {
    console.error(missing.map((m) => `Missing data: ${m}, expected in ${dataDir}`).join('\n'));
    return 2;
  }
  await runtime.addFiles(files.map((f) => ({ name: f.name, handle: f.path })), false);
  await runtime.runAll();

  const out: string[] = [`${notebookTitle(notebook)}: data tests on ${dataDir}`, ''];
  let passed = 0;
  let failed = 0;
  const unfinished: string[] = [];
  for (const cell of runtime.notebook.cells) {
    if (cell.kind === 'markdown') continue;
    const state = runtime.state(cell.id);
    const name = runtime.analysis.get(cell.id)?.defines ?? cell.id;
    if (cell.kind !== 'test') {
      if (state.status !== 'done') unfinished.push(`  ${state.status.padEnd(8)} ${name}: ${firstLine(state.message)}`);
      continue;
    }
    const table = runtime.analysis.get(cell.id)?.references[0] ?? '?';
    out.push(`${table}  (test cell ${cell.id})`);
    if (!state.tests) {
      // Not run: a problem in the cell, or a table it checks failed upstream.
      failed++;
      out.push(`  FAIL  ${state.status}: ${firstLine(state.message)}`, '');
      continue;
    }
    for (const test of state.tests) {
      if (test.passed) {
        passed++;
        out.push(`  pass  ${test.name}`);
      } else {
        failed++;
        out.push(`  FAIL  ${test.name}`, `        ${test.summary}`);
        if (test.hint) out.push(`        hint: ${test.hint}`);
        out.push(...sampleLines(test).map((line) => `        ${line}`));
      }
    }
    out.push('');
  }
  if (unfinished.length > 0) out.push('Cells that did not finish:', ...unfinished, '');
  const total = passed + failed;
  out.push(
    total === 0
      ? 'medallion: this notebook declares no data tests.'
      : `medallion: ${passed} of ${total} tests passed${failed > 0 ? `, ${failed} failed` : ''}.`,
  );
  console.log(out.join('\n'));
  return failed > 0 || unfinished.length > 0 ? 1 : 0;
}

/** The first offending rows as an aligned text table. */
function sampleLines(test: CellTestResult): string[] {
  if (test.sample.numRows === 0) return [];
  const names = columnsOf(test.sample).map((c) => c.name);
  const rows = displayRows(test.sample).slice(0, SAMPLE_SHOWN);
  const cut = (text: string) => (text.length > CELL_WIDTH ? `${text.slice(0, CELL_WIDTH - 1)}…` : text);
  const cells = [names, ...rows.map((r) => r.map((v) => v ?? 'null'))].map((r) => r.map(cut));
  const widths = names.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
  const lines = cells.map((r) => r.map((v, c) => v.padEnd(widths[c]!)).join(' | ').trimEnd().slice(0, LINE_WIDTH));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('-+-').slice(0, LINE_WIDTH));
  if (test.failures > rows.length) lines.push(`… ${(test.failures - rows.length).toLocaleString('en-US')} more`);
  return lines;
}

function firstLine(message: string | null): string {
  return (message ?? '').split('\n')[0] ?? '';
}
