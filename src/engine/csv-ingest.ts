/**
 * Bronze ingest: files → one table of raw text. Every value stays the text it was
 * (all_varchar), each row carries its source file name, and silver does all typing.
 * Encoding is detected per file (a glob may mix encodings), the dialect is sniffed by
 * DuckDB and checked against the file's first lines (csv-dialect.ts), a bronze cell may
 * override any of it per file, and lines DuckDB cannot read are kept aside and reported
 * with their line numbers and text, not silently lost.
 */
import type {
  CsvDialect,
  CsvOverrides,
  FileIngestReport,
  IngestOptions,
  IngestProgress,
  IngestResult,
  RejectedLine,
  TextEncoding,
} from './api.ts';
import type { Table } from 'apache-arrow';
import { QueryCancelledError, type DuckSession } from './duck-session.ts';
import { detectEncoding, type ByteReader } from './detect-encoding.ts';
import { quoteIdent, quoteLiteral, quoteQualified } from './sql-quote.ts';
import { describeColumns } from './describe.ts';
import { delimiterName, guessDialect, splitFields } from './csv-dialect.ts';
import { matchesFilePattern } from '../analysis/bronze-spec.ts';

export const SOURCE_FILE_COLUMN = '_source_file';

export interface IngestFile {
  readonly name: string;
  readonly reader: ByteReader;
  /** What DuckDB reads for this file: the registered name (WASM) or its path (native). */
  readonly sqlPath: string;
}

/** What the engine tells ingest about its DuckDB: memory left, and how far a load has read. */
export interface IngestHooks {
  /** Bytes a new table may take, or null when there is no cap (native DuckDB spills to disk). */
  readonly memoryBudget: () => Promise<number | null>;
  /** Bytes DuckDB has read of a file so far (cumulative), when the backend can tell. */
  readonly bytesRead: (sqlPath: string) => number | null;
  /** The running statement's progress (0 to 1), when DuckDB reports it. */
  readonly queryProgress: () => number | null;
}

const NO_HOOKS: IngestHooks = { memoryBudget: async () => null, bytesRead: () => null, queryProgress: () => null };

/**
 * Memory a bronze table takes per byte of CSV: every value is a VARCHAR (16 bytes each,
 * plus the text when longer than 12), so short fields cost more than their text.
 * Measured in DuckDB-WASM 1.32: 2.1× for the sales files, 1.9× for customers, more for tiny files.
 */
export const TABLE_BYTES_PER_FILE_BYTE = 2.5;
/** How often the loading phase reports bytes read. */
const PROGRESS_MS = 250;

interface Prepared {
  readonly file: IngestFile;
  readonly encoding: TextEncoding;
  readonly bom: boolean;
  readonly sniffed: Sniffed | null;
  readonly overrides: CsvOverrides;
  readonly skippedLines: readonly string[];
  readonly warnings: readonly string[];
  /** Bytes per line in the file's first bytes, to estimate rows from bytes while loading. */
  readonly bytesPerLine: number | null;
}

/** Bytes of a file's start read for the dialect check and the preamble's text. */
const HEAD_BYTES = 64 * 1024;
/** How a read treats lines it cannot parse: set them aside in the rejects table, skip them, or fail. */
type CsvErrors = 'store' | 'ignore' | 'fail';

/** Rejected lines listed per file; the count beyond is still reported. */
const REJECTS_LISTED = 1000;

/** What DuckDB's sniffer found: the dialect and the header's column names. */
interface Sniffed {
  readonly dialect: CsvDialect;
  readonly columns: readonly string[];
}

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

/**
 * Reports bytes read while DuckDB loads the files: from the bytes the backend saw DuckDB
 * read (WASM), else from DuckDB's query progress (native). Stays quiet when neither is known.
 * Rows are estimated from those bytes and each file's bytes per line (null if unknown).
 */
function loadMeter(
  prepared: readonly Prepared[],
  bytesTotal: number,
  hooks: IngestHooks,
  report: (bytesDone: number, rowsEstimate: number | null) => void,
): { stop(): void } {
  const start = new Map(prepared.map((p) => [p.file.sqlPath, hooks.bytesRead(p.file.sqlPath)]));
  const perLineKnown = prepared.every((p) => p.bytesPerLine !== null);
  const rowsOf = (p: Prepared, bytes: number) => (p.bytesPerLine ? bytes / p.bytesPerLine : 0);
  report(0, perLineKnown ? 0 : null);
  const timer = setInterval(() => {
    let done = 0;
    let rows = 0;
    let known = false;
    for (const p of prepared) {
      const before = start.get(p.file.sqlPath);
      const now = hooks.bytesRead(p.file.sqlPath);
      if (before === null || before === undefined || now === null) continue;
      known = true;
      const read = Math.min(p.file.reader.size, now - before);
      done += read;
      rows += rowsOf(p, read);
    }
    if (!known) {
      const fraction = hooks.queryProgress();
      if (fraction === null) return;
      done = fraction * bytesTotal;
      rows = prepared.reduce((sum, p) => sum + fraction * rowsOf(p, p.file.reader.size), 0);
    }
    report(Math.min(bytesTotal, Math.round(done)), perLineKnown ? Math.round(rows) : null);
  }, PROGRESS_MS);
  return { stop: () => clearInterval(timer) };
}

/**
 * Bytes per line in a file's first bytes (a preamble and the header count as lines): what
 * a row costs there, roughly. A line cut off at the sample's end does not count.
 */
export function bytesPerLine(sampleBytes: number, sampleText: string, complete: boolean): number | null {
  const lines = sampleText.split(/\r\n|\n|\r/);
  if (!complete || lines.at(-1) === '') lines.pop();
  return lines.length > 0 && sampleBytes > 0 ? sampleBytes / lines.length : null;
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

/** The settings for one file: the cell's `all`, then every matching per-file entry in order. */
export function overridesFor(fileName: string, options: IngestOptions): CsvOverrides {
  let merged: CsvOverrides = { ...(options.all ?? {}) };
  for (const entry of options.files ?? []) {
    if (matchesFilePattern(fileName, entry.pattern)) merged = { ...merged, ...entry.options };
  }
  return merged;
}

/**
 * Decides how to read one file: DuckDB's sniffer (told whatever the cell set), checked
 * against a count of fields per line. When the sniffer settles for one column, or for a
 * delimiter that splits the lines less consistently than another, the line count wins
 * and the report says so.
 */
async function prepare(
  session: DuckSession,
  file: IngestFile,
  detected: { encoding: TextEncoding; bom: boolean },
  overrides: CsvOverrides,
): Promise<Prepared> {
  const warnings: string[] = [];
  const encoding = overrides.encoding ?? detected.encoding;
  if (overrides.encoding && overrides.encoding !== detected.encoding) {
    warnings.push(`Read as ${overrides.encoding}, as the cell says; its bytes look like ${detected.encoding}.`);
  } else if (!overrides.encoding && encoding === 'latin-1') {
    warnings.push('Not valid UTF-8: read as Latin-1 (Windows-1252), the encoding of most spreadsheet exports.');
  }
  const head = await headText(file.reader, encoding, detected.bom);
  let sniffed = await sniff(session, file.sqlPath, encoding, overrides);
  const guess = guessDialect(head.text, overrides, head.complete);

  if (guess && guess.columns.length > 1 && overrides.delimiter === undefined) {
    const total = sampleLineCount(head.text);
    const fits = sniffed ? fittingLines(head.text, sniffed) : 0;
    if (!sniffed || sniffed.columns.length <= 1 || guess.score > fits) {
      const columns = (n: number) => (n === 1 ? 'one column' : `${n} columns`);
      const before = !sniffed
        ? `DuckDB's sniffer found no dialect that fits every line`
        : sniffed.columns.length <= 1
          ? "DuckDB's sniffer read each whole line as one column"
          : `DuckDB's sniffer proposed ${columns(sniffed.columns.length)} split on ${delimiterName(sniffed.dialect.delimiter)}` +
            `${sniffed.dialect.skipRows > 0 ? ` after skipping ${sniffed.dialect.skipRows} lines` : ''}, which fits ${fits} of the first ${total} lines`;
      const retry = await sniff(session, file.sqlPath, encoding, { ...overrides, delimiter: guess.delimiter, skip: overrides.skip ?? guess.skip, header: overrides.header ?? guess.header });
      sniffed = retry && retry.columns.length === guess.columns.length && retry.dialect.skipRows === guess.skip ? retry : fromGuess(guess, overrides);
      warnings.push(
        `${before}; ${columns(guess.columns.length)} split on ${delimiterName(guess.delimiter)}${guess.skip > 0 ? `, header on line ${guess.skip + 1},` : ''} fit ${guess.score} of the first ${total} lines, so the file was read that way. ` +
          'Lines with a different number of fields are set aside and listed, not loaded.',
      );
    }
  } else if (!sniffed && guess && overrides.delimiter !== undefined) {
    sniffed = fromGuess(guess, overrides);
  }

  const skip = sniffed?.dialect.skipRows ?? 0;
  const skippedLines = head.text.split(/\r\n|\n|\r/).slice(0, skip);
  if (skip > 0) {
    const shown = skippedLines.slice(0, 3).map((l) => `"${l.length > 80 ? `${l.slice(0, 80)}…` : l}"`).join(', ');
    warnings.push(`${skip} line${skip === 1 ? '' : 's'} before the header ${skip === 1 ? 'was' : 'were'} skipped: ${shown}${skip > 3 ? ', …' : ''}.`);
  }
  const perLine = bytesPerLine(head.bytes, head.text, head.complete);
  return { file, encoding, bom: detected.bom, sniffed, overrides, skippedLines, warnings, bytesPerLine: perLine };
}

/** Lines of the sample (header included) that a sniffed dialect reads as full rows. */
function fittingLines(head: string, sniffed: Sniffed): number {
  const { delimiter, quote, skipRows } = sniffed.dialect;
  return head
    .split(/\r\n|\n|\r/)
    .slice(skipRows, 100)
    .filter((line) => line.trim() !== '' && splitFields(line, delimiter, quote).length === sniffed.columns.length).length;
}

function sampleLineCount(head: string): number {
  return head.split(/\r\n|\n|\r/).slice(0, 100).filter((l) => l.trim() !== '').length;
}

function fromGuess(guess: NonNullable<ReturnType<typeof guessDialect>>, overrides: CsvOverrides): Sniffed {
  return {
    dialect: {
      delimiter: guess.delimiter,
      quote: overrides.quote ?? '"',
      escape: overrides.escape ?? overrides.quote ?? '"',
      header: guess.header,
      skipRows: guess.skip,
      newline: '',
    },
    columns: guess.columns,
  };
}

/** The first bytes of a file as text, how many bytes that was, and whether that is the whole file. */
async function headText(
  reader: ByteReader,
  encoding: TextEncoding,
  bom: boolean,
): Promise<{ text: string; bytes: number; complete: boolean }> {
  const end = Math.min(reader.size, HEAD_BYTES);
  const bytes = await reader.read(0, end);
  const label = encoding === 'latin-1' ? 'windows-1252' : encoding === 'utf-16' ? 'utf-16le' : 'utf-8';
  let text = new TextDecoder(label).decode(bytes);
  if (bom && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, bytes: end, complete: end === reader.size };
}

/**
 * read_csv for one file. With a sniffed dialect the file is read once, with that dialect
 * and every column as text; without one (the sniffer failed) DuckDB detects on its own,
 * told whatever the cell set, and its error, if any, says what is wrong with the file.
 */
function readCsv({ file, encoding, sniffed, overrides }: Prepared, errors: CsvErrors): string {
  const options = [
    quoteLiteral(file.sqlPath),
    'all_varchar = true',
    `encoding = ${quoteLiteral(encoding)}`,
    // An empty quoted field is an empty string, not a null: bronze keeps the raw text.
    'allow_quoted_nulls = false',
    'filename = true',
  ];
  if (sniffed) {
    const { dialect, columns } = sniffed;
    options.push(
      'auto_detect = false',
      `delim = ${quoteLiteral(dialect.delimiter)}`,
      `quote = ${quoteLiteral(dialect.quote)}`,
      `escape = ${quoteLiteral(dialect.escape)}`,
      `header = ${dialect.header}`,
      `skip = ${dialect.skipRows}`,
      `columns = {${columns.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ')}}`,
    );
  } else {
    options.push(...dialectOptions({ header: true, ...overrides }));
  }
  if (errors === 'store') {
    options.push("store_rejects = true, rejects_table = '_ingest_rejects', rejects_scan = '_ingest_reject_scans'");
  } else if (errors === 'ignore') {
    options.push('ignore_errors = true');
  }
  return `read_csv(${options.join(', ')})`;
}

/** read_csv / sniff_csv options for the dialect settings a cell gave. */
function dialectOptions(overrides: CsvOverrides): string[] {
  const options: string[] = [];
  if (overrides.delimiter !== undefined) options.push(`delim = ${quoteLiteral(overrides.delimiter)}`);
  if (overrides.quote !== undefined) options.push(`quote = ${quoteLiteral(overrides.quote)}`);
  if (overrides.escape !== undefined) options.push(`escape = ${quoteLiteral(overrides.escape)}`);
  if (overrides.header !== undefined) options.push(`header = ${overrides.header}`);
  if (overrides.skip !== undefined) options.push(`skip = ${Math.max(0, Math.floor(overrides.skip))}`);
  return options;
}

async function sniff(session: DuckSession, sqlPath: string, encoding: TextEncoding, overrides: CsvOverrides): Promise<Sniffed | null> {
  try {
    const settings = ['', ...dialectOptions(overrides)].join(', ');
    const row = (
      await session.table(
        `SELECT Delimiter, Quote, Escape, HasHeader, SkipRows, NewLineDelimiter, Columns
         FROM sniff_csv(${quoteLiteral(sqlPath)}, encoding = ${quoteLiteral(encoding)}, all_varchar = true${settings})`,
      )
    ).get(0);
    if (!row) return null;
    const empty = (value: unknown) => (String(value) === '(empty)' ? '' : String(value));
    const columns = (row['Columns'] as { toArray(): { name: string }[] }).toArray().map((c) => String(c.name));
    return {
      dialect: {
        delimiter: empty(row['Delimiter']),
        quote: empty(row['Quote']),
        escape: empty(row['Escape']),
        header: Boolean(row['HasHeader']),
        skipRows: Number(row['SkipRows']),
        newline: String(row['NewLineDelimiter']),
      },
      columns,
    };
  } catch (error) {
    if (error instanceof QueryCancelledError) throw error;
    return null; // the load itself will say what is wrong with the file
  }
}

/** Rejected lines per file name; `names` maps the paths DuckDB read back to the names given. */
async function readRejects(session: DuckSession, names: ReadonlyMap<string, string>): Promise<Map<string, { listed: RejectedLine[]; total: number }>> {
  const byFile = new Map<string, { listed: RejectedLine[]; total: number }>();
  try {
    const rows = await session.table(
      // One entry per line: DuckDB records a ragged line once per extra field, with its first reason.
      `SELECT file, line, reason, text, total FROM (
         SELECT file, line, reason, text,
                count(*) OVER (PARTITION BY file) AS total,
                row_number() OVER (PARTITION BY file ORDER BY line) AS n
         FROM (
           SELECT s.file_path AS file, e.line AS line,
                  arg_min(e.error_message, coalesce(e.column_idx, 0)) AS reason, arg_min(e.csv_line, coalesce(e.column_idx, 0)) AS text
           FROM _ingest_rejects e JOIN _ingest_reject_scans s USING (scan_id, file_id)
           GROUP BY 1, 2
         )
       ) WHERE n <= ${REJECTS_LISTED} ORDER BY file, line`,
    );
    for (const row of rows) {
      const file = names.get(String(row['file'])) ?? String(row['file']);
      const entry = byFile.get(file) ?? { listed: [], total: Number(row['total']) };
      const text = row['text'] === null ? undefined : String(row['text']).replace(/\r?\n$/, '');
      const line = Number(row['line']);
      const spans = text === undefined ? 0 : text.split(/\r\n|\n|\r/).length - 1;
      const reason =
        String(row['reason']) +
        (spans > 0 ? ` Lines ${line}–${line + spans} were read as one row: a quote opened on line ${line} is not closed. If it is a stray character, set "quote" to "" for this file.` : '');
      entry.listed.push({ line, reason, ...(text === undefined ? {} : { text: text.length > 500 ? `${text.slice(0, 500)}…` : text }) });
      byFile.set(file, entry);
    }
  } catch {
    // No rejects table means nothing was rejected.
  }
  return byFile;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLines(message: string): string {
  return message.split('\n').filter((l) => l.trim() !== '').slice(0, 3).join(' ');
}
