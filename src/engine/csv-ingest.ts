/**
 * Bronze ingest: files → one table of raw text. Every value stays the text it was
 * (all_varchar), each row carries its source file name, and silver does all typing.
 * Encoding is detected per file (a glob may mix encodings), the dialect is sniffed by
 * DuckDB and checked against the file's first lines (csv-dialect.ts), a bronze cell may
 * override any of it per file (csv-prepare.ts), and lines DuckDB cannot read are kept
 * aside and reported with their line numbers and text, not silently lost (csv-rejects.ts).
 */
import type { FileIngestReport, IngestOptions, IngestProgress, IngestResult } from './api.ts';
import type { Table } from 'apache-arrow';
import { QueryCancelledError, type DuckSession } from './duck-session.ts';
import { detectEncoding } from './detect-encoding.ts';
import { quoteIdent, quoteLiteral, quoteQualified } from './sql-quote.ts';
import { describeColumns } from './describe.ts';
import {
  overridesFor,
  prepare,
  readCsv,
  SOURCE_FILE_COLUMN,
  type CsvErrors,
  type IngestFile,
  type Prepared,
} from './csv-prepare.ts';
import { loadMeter, type LoadReadings } from './load-meter.ts';
import { readRejects } from './csv-rejects.ts';

/** What the engine tells ingest about its DuckDB: memory left, and how far a load has read. */
export interface IngestHooks extends LoadReadings {
  /** Bytes a new table may take, or null when there is no cap (native DuckDB spills to disk). */
  readonly memoryBudget: () => Promise<number | null>;
}

const NO_HOOKS: IngestHooks = { memoryBudget: async () => null, bytesRead: () => null, queryProgress: () => null };

/**
 * Memory a bronze table takes per byte of CSV: every value is a VARCHAR (16 bytes each,
 * plus the text when longer than 12), so short fields cost more than their text.
 * Measured in DuckDB-WASM 1.32: 2.1× for the sales files, 1.9× for customers, more for tiny files.
 */
export const TABLE_BYTES_PER_FILE_BYTE = 2.5;

export async function ingestFiles(
  session: DuckSession,
  table: string,
  files: readonly IngestFile[],
  onProgress: (progress: IngestProgress) => void,
  options: IngestOptions = {},
  hooks: IngestHooks = NO_HOOKS,
): Promise<IngestResult> {
  const started = performance.now();
  if (files.length === 0) throw new Error(`No files to load into ${table}.`);
  const prepared: Prepared[] = [];
  const bytesTotal = files.reduce((sum, f) => sum + f.reader.size, 0);
  const materialize = options.materialize !== false;
  // Whether the table fits depends only on the files' sizes: say so before reading a byte.
  if (materialize) await checkFits(table, files, await hooks.memoryBudget());
  let bytesBefore = 0;
  const unreadable: string[] = [];
  for (const [fileIndex, file] of files.entries()) {
    const progress = (phase: IngestProgress['phase'], done: number) =>
      onProgress({ file: file.name, fileIndex, fileCount: files.length, phase, bytesDone: bytesBefore + done, bytesTotal });
    try {
      const detected = await detectEncoding(file.reader, (done) => progress('detecting', done));
      prepared.push(await prepare(session, file, detected, overridesFor(file.name, options)));
    } catch (error) {
      unreadable.push(`${file.name} could not be read: ${messageOf(error)}`);
    }
    bytesBefore += file.reader.size;
  }
  if (unreadable.length > 0) throw new Error(unreadable.join('\n'));

  const [schema] = table.split('.');
  await session.execute(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema!)}`);
  await session.execute('DROP TABLE IF EXISTS _ingest_rejects');
  await session.execute('DROP TABLE IF EXISTS _ingest_reject_scans');
  await dropOtherKind(session, table, materialize ? 'TABLE' : 'VIEW');
  const names = files.map((f) => f.name).join(', ');
  const loading = (bytesDone: number, rowsEstimate: number | null) =>
    onProgress({
      file: names,
      fileIndex: files.length - 1,
      fileCount: files.length,
      phase: 'loading',
      bytesDone,
      bytesTotal,
      ...(rowsEstimate === null ? {} : { rowsEstimate }),
    });
  const source = quoteIdent(SOURCE_FILE_COLUMN);
  // Each file's rows carry its name as given, not the path DuckDB read (native engine).
  const union = (errors: CsvErrors) =>
    prepared
      .map((p) => `SELECT * EXCLUDE (filename), ${quoteLiteral(p.file.name)} AS ${source} FROM ${readCsv(p, errors)}`)
      .join('\nUNION ALL BY NAME\n');
  const rowsPerFile = new Map<string, number>();
  const meter = loadMeter(prepared, bytesTotal, hooks, loading);
  try {
    let counts: Table;
    if (materialize) {
      await session.execute(
        `CREATE OR REPLACE TABLE ${quoteQualified(table)} AS SELECT * EXCLUDE (${source}), ${source} FROM (${union('store')})`,
      );
      counts = await session.table(`SELECT ${source} AS f, count(*) AS n FROM ${quoteQualified(table)} GROUP BY 1`);
    } else {
      // Read in place on every query. Lines DuckDB cannot read are skipped, as a load skips
      // them; one counting scan now gives the rows per file and lists those lines.
      await session.execute(
        `CREATE OR REPLACE VIEW ${quoteQualified(table)} AS SELECT * EXCLUDE (${source}), ${source} FROM (${union('ignore')})`,
      );
      counts = await session.table(`SELECT ${source} AS f, count(*) AS n FROM (${union('store')}) GROUP BY 1`);
    }
    for (const row of counts) rowsPerFile.set(String(row['f']), Number(row['n']));
  } catch (error) {
    if (error instanceof QueryCancelledError) throw error;
    throw new Error(await explainFailure(session, prepared, error), { cause: error });
  } finally {
    meter.stop();
  }

  const rejected = await readRejects(session, new Map(files.map((f) => [f.sqlPath, f.name])));
  const columns = await describeColumns(session, quoteQualified(table));
  const reports: FileIngestReport[] = prepared.map(({ file, encoding, bom, sniffed, overrides, skippedLines, warnings }) => {
    const lines = rejected.get(file.name) ?? { listed: [], total: 0 };
    const rejectWarnings =
      lines.total === 0
        ? []
        : [
            `${lines.total.toLocaleString('en-US')} line${lines.total === 1 ? '' : 's'} could not be read as rows and ${lines.total === 1 ? 'was' : 'were'} set aside, not loaded` +
              (lines.listed[0] ? ` (line ${lines.listed[0].line}: ${lines.listed[0].reason})` : '') +
              (lines.total > lines.listed.length ? `; the first ${lines.listed.length} are listed.` : '.'),
          ];
    return {
      file: file.name,
      encoding,
      bom,
      dialect: sniffed?.dialect ?? null,
      rows: rowsPerFile.get(file.name) ?? 0,
      columns: sniffed?.columns ?? columns.map((c) => c.name).filter((c) => c !== SOURCE_FILE_COLUMN),
      rejected: lines.listed,
      error: null,
      overrides: Object.keys(overrides).length > 0 ? overrides : null,
      skippedLines,
      warnings: [...warnings, ...rejectWarnings],
    };
  });
  const rows = [...rowsPerFile.values()].reduce((a, b) => a + b, 0);
  onProgress({ file: '', fileIndex: files.length - 1, fileCount: files.length, phase: 'done', bytesDone: bytesTotal, bytesTotal, rows });
  return {
    table,
    rows,
    columns,
    files: reports,
    elapsedMs: performance.now() - started,
    materialized: materialize,
  };
}

/**
 * Refuses a load that would not fit in the engine's memory (DuckDB-WASM cannot grow past
 * its heap, and running out kills the engine), offering to read the files in place.
 */
async function checkFits(table: string, files: readonly IngestFile[], budget: number | null): Promise<void> {
  if (budget === null) return;
  const bytes = files.reduce((sum, f) => sum + f.reader.size, 0);
  const needed = bytes * TABLE_BYTES_PER_FILE_BYTE;
  if (needed <= budget) return;
  const what = files.length === 1 ? files[0]!.name : `${files.length} files`;
  throw new Error(
    `${what} (${formatBytes(bytes)}) would need about ${formatBytes(needed)} of memory as a table, ` +
      `more than the engine has left (about ${formatBytes(budget)}). ` +
      `Add the line "materialize: false" to the ${table} cell to query the file${files.length === 1 ? '' : 's'} in place instead: ` +
      'nothing is loaded, and every query reads the file again (slower, but it fits).',
  );
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Drops a view of that name before a table is made (or a table before a view): CREATE OR REPLACE cannot change the kind. */
async function dropOtherKind(session: DuckSession, qualified: string, keep: 'TABLE' | 'VIEW'): Promise<void> {
  const [schema, name] = qualified.split('.') as [string, string];
  const where = `schema_name = ${quoteLiteral(schema)} AND database_name = current_database()`;
  const kind = await session.scalar(
    `SELECT 'VIEW' FROM duckdb_views() WHERE ${where} AND view_name = ${quoteLiteral(name)}
     UNION ALL SELECT 'TABLE' FROM duckdb_tables() WHERE ${where} AND table_name = ${quoteLiteral(name)}`,
  );
  if (kind === 'VIEW' && keep !== 'VIEW') await session.execute(`DROP VIEW ${quoteQualified(qualified)}`);
  else if (kind === 'TABLE' && keep !== 'TABLE') await session.execute(`DROP TABLE ${quoteQualified(qualified)}`);
}

/** Only on failure: read each file alone, so the message names the file(s) at fault. */
async function explainFailure(session: DuckSession, prepared: readonly Prepared[], error: unknown): Promise<string> {
  const problems: string[] = [];
  for (const p of prepared) {
    try {
      await session.execute(`SELECT count(*) FROM ${readCsv(p, 'fail')}`);
    } catch (fileError) {
      problems.push(`${p.file.name} could not be read: ${firstLines(messageOf(fileError))}`);
    }
  }
  return problems.length > 0 ? problems.join('\n') : firstLines(messageOf(error));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLines(message: string): string {
  return message.split('\n').filter((l) => l.trim() !== '').slice(0, 3).join(' ');
}
