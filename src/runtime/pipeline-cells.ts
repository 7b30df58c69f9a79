/**
 * Running the pipeline's cells: a bronze cell loads its files, a SQL cell makes its table
 * or keeps its query's result, a test cell runs its data tests. Each returns the cell's new
 * state; scheduling, staleness and errors stay with the runtime (notebook-runtime.ts).
 */
import type { EngineApi, IngestProgress } from '../engine/api.ts';
import type { Cell } from '../notebook/types.ts';
import type { CellAnalysis } from '../analysis/analyze-notebook.ts';
import { parseBronzeSpec, type DataUrl } from '../analysis/bronze-spec.ts';
import { parseTestSpec } from '../analysis/test-spec.ts';
import { bindParams, type ParamValue } from '../analysis/params.ts';
import { quoteQualified } from '../engine/sql-quote.ts';
import { decodeIpc } from '../client/arrow-decode.ts';
import type { CellState, CellTestResult } from './cell-state.ts';

/** Rows of a result shown (and sent across from the engine) before the grid pages on. */
export const PREVIEW_ROWS = 200;

/** Loads a bronze cell's files into its table, after fetching any it names by URL. */
export async function runBronzeCell(
  engine: EngineApi,
  cell: Cell,
  analysis: CellAnalysis,
  fetchUrls: (urls: readonly DataUrl[]) => Promise<void>,
  onProgress: (progress: IngestProgress) => void,
): Promise<Partial<CellState>> {
  const started = performance.now();
  if (analysis.problems.length > 0) throw new Error(analysis.problems.join(' '));
  const { options, urls } = parseBronzeSpec(cell.source);
  await fetchUrls(urls);
  const ingest = await engine.ingest(analysis.defines!, analysis.files, onProgress, options);
  const relation = quoteQualified(ingest.table);
  const preview = decodeIpc(await engine.page(relation, 0, PREVIEW_ROWS));
  return { ingest, result: { relation, rows: ingest.rows, preview, elapsedMs: performance.now() - started } };
}

/** A test cell's results, and a message naming the tests that failed (null when none did). */
export async function runTestCell(
  engine: EngineApi,
  cell: Cell,
  analysis: CellAnalysis,
): Promise<{ tests: CellTestResult[]; failure: string | null }> {
  if (analysis.problems.length > 0) throw new Error(analysis.problems.join(' '));
  const spec = parseTestSpec(cell.source);
  const results = await engine.runTests(spec.table!, spec.tests);
  const tests = results.map((r) => ({ ...r, sample: decodeIpc(r.sample) }));
  const failed = tests.filter((t) => !t.passed);
  if (failed.length === 0) return { tests, failure: null };
  const failure =
    `${failed.length} of ${tests.length} test${tests.length === 1 ? '' : 's'} failed: ` +
    failed.map((t) => `${t.name}: ${t.summary}`).join(' ');
  return { tests, failure };
}

/** Runs a SQL cell with its parameters bound: the table or view it makes, or its query's result. */
export async function runSqlCell(
  engine: EngineApi,
  cell: Cell,
  analysis: CellAnalysis,
  params: ReadonlyMap<string, ParamValue>,
): Promise<Partial<CellState>> {
  const result = await engine.run(bindParams(cell.source, params), {
    defines: analysis.defines,
    definesKind: analysis.definesKind,
    resultName: `cell_result_${cell.id.replace(/[^A-Za-z0-9_]/g, '_')}`,
    previewRows: PREVIEW_ROWS,
  });
  const preview = decodeIpc(result.preview);
  const rows = result.rows >= 0 ? result.rows : preview.numRows;
  return { result: { relation: result.relation, rows, preview, elapsedMs: result.elapsedMs } };
}
