/**
 * The Customer 360 pipeline (bronze → silver → gold, no dashboard cells) on DuckDB-WASM's
 * Node build, files read in place from disk. Returns seconds for the run, engine start
 * excluded. native-pipeline.ts runs the same cells through the same code on native DuckDB.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createNodeEngine } from '../src/engine/node-engine.ts';
import { parseNotebook } from '../src/notebook/format.ts';
import { NotebookRuntime } from '../src/runtime/notebook-runtime.ts';
import type { Notebook } from '../src/notebook/types.ts';
import type { EngineApi } from '../src/engine/api.ts';

/**
 * The notebook's data pipeline only: the dashboard cells measure something else. With
 * `inPlace`, the bronze cells say `materialize: false` (views reading the files on every
 * query), the way past DuckDB-WASM's 4 GB heap when the loaded tables would not fit.
 */
export function pipelineNotebook(inPlace = false): Notebook {
  const notebook = parseNotebook(readFileSync('notebooks/customer-360.md', 'utf8'));
  const dashboardStart = notebook.cells.findIndex((c) => c.id === 'dashboard-intro');
  const cells = notebook.cells
    .slice(0, dashboardStart < 0 ? undefined : dashboardStart)
    .filter((c) => c.kind === 'bronze' || c.kind === 'sql')
    .map((c) => (inPlace && c.kind === 'bronze' ? { ...c, source: `${c.source}\nmaterialize: false` } : c));
  return { ...notebook, cells };
}

export async function runWasmPipeline(dataDir: string, inPlace = false): Promise<{ seconds: number; startSeconds: number; rows: number }> {
  const started = performance.now();
  const engine = await createNodeEngine();
  const ready = performance.now();
  return { ...(await runPipelineOn(engine, dataDir, inPlace)), startSeconds: (ready - started) / 1000 };
}

/** Runs the pipeline on a ready engine (DuckDB-WASM or native): the timed part is runAll. */
export async function runPipelineOn(engine: EngineApi, dataDir: string, inPlace = false): Promise<{ seconds: number; rows: number }> {
  const runtime = new NotebookRuntime(engine, pipelineNotebook(inPlace));
  const files = readdirSync(dataDir).filter((f) => f.startsWith('AW_'));
  await runtime.addFiles(files.map((f) => ({ name: f, handle: path.join(dataDir, f) })), false);
  const t0 = performance.now();
  await runtime.runAll();
  const seconds = (performance.now() - t0) / 1000;
  const failed = runtime.notebook.cells.filter((c) => runtime.state(c.id).status !== 'done');
  if (failed.length > 0) throw new Error(`pipeline failed: ${failed.map((c) => `${c.id}: ${runtime.state(c.id).message}`).join('; ')}`);
  const c360 = runtime.notebook.cells.find((c) => c.id === 'gold-customer-360')!;
  return { seconds, rows: runtime.state(c360.id).result?.rows ?? 0 };
}
