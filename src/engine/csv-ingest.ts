/**
 * Bronze ingest: files → one table of raw text. Every value stays the text it was
 * (all_varchar), each row carries its source file name, and silver does all typing.
 * Encoding is detected per file (a glob may mix encodings), the dialect is sniffed by
 * DuckDB, and lines DuckDB cannot read are kept aside and reported, not silently lost.
 */
import type { CsvDialect, FileIngestReport, IngestProgress, IngestResult, TextEncoding } from './api.ts';
import type { DuckSession } from './duck-session.ts';
import { detectEncoding, type ByteReader } from './detect-encoding.ts';
import { quoteIdent, quoteLiteral, quoteQualified } from './sql-quote.ts';
import { describeColumns } from './describe.ts';

export const SOURCE_FILE_COLUMN = '_source_file';

export interface IngestFile {
  readonly name: string;
  readonly reader: ByteReader;
}

interface Prepared {
  readonly file: IngestFile;
  readonly encoding: TextEncoding;
  readonly bom: boolean;
  readonly sniffed: Sniffed | null;
}

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
): Promise<IngestResult> {
  const started = performance.now();
  if (files.length === 0) throw new Error(`No files to load into ${table}.`);
  const prepared: Prepared[] = [];
  const bytesTotal = files.reduce((sum, f) => sum + f.reader.size, 0);
  let bytesBefore = 0;
  const unreadable: string[] = [];
  for (const [fileIndex, file] of files.entries()) {
    const progress = (phase: IngestProgress['phase'], done: number) =>
      onProgress({ file: file.name, fileIndex, fileCount: files.length, phase, bytesDone: bytesBefore + done, bytesTotal });
    try {
      const { encoding, bom } = await detectEncoding(file.reader, (done) => progress('detecting', done));
      prepared.push({ file, encoding, bom, sniffed: sniff(session, file.name, encoding) });
    } catch (error) {
      unreadable.push(`${file.name} could not be read: ${messageOf(error)}`);
    }
    bytesBefore += file.reader.size;
  }
  if (unreadable.length > 0) throw new Error(unreadable.join('\n'));

  const [schema] = table.split('.');
  session.table(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema!)}`);
  session.table('DROP TABLE IF EXISTS _ingest_rejects');
  session.table('DROP TABLE IF EXISTS _ingest_reject_scans');
  onProgress({ file: files.map((f) => f.name).join(', '), fileIndex: files.length - 1, fileCount: files.length, phase: 'loading', bytesDone: bytesTotal, bytesTotal });
  const selects = prepared.map(
    (p) => `SELECT * EXCLUDE (filename), filename AS ${quoteIdent(SOURCE_FILE_COLUMN)} FROM ${readCsv(p, true)}`,
  );
  try {
    const union = selects.join('\nUNION ALL BY NAME\n');
    const source = quoteIdent(SOURCE_FILE_COLUMN);
    await session.execute(
      `CREATE OR REPLACE TABLE ${quoteQualified(table)} AS SELECT * EXCLUDE (${source}), ${source} FROM (${union})`,
    );
  } catch (error) {
    throw new Error(await explainFailure(session, prepared, error), { cause: error });
  }

  const rowsPerFile = new Map<string, number>();
  for (const row of session.table(
    `SELECT ${quoteIdent(SOURCE_FILE_COLUMN)} AS f, count(*) AS n FROM ${quoteQualified(table)} GROUP BY 1`,
  )) {
    rowsPerFile.set(String(row['f']), Number(row['n']));
  }
  const rejected = readRejects(session);
  const columns = describeColumns(session, quoteQualified(table));
  const reports: FileIngestReport[] = prepared.map(({ file, encoding, bom, sniffed }) => ({
    file: file.name,
    encoding,
    bom,
    dialect: sniffed?.dialect ?? null,
    rows: rowsPerFile.get(file.name) ?? 0,
    columns: columns.map((c) => c.name).filter((c) => c !== SOURCE_FILE_COLUMN),
    rejected: rejected.get(file.name) ?? [],
    error: null,
  }));
  onProgress({ file: '', fileIndex: files.length - 1, fileCount: files.length, phase: 'done', bytesDone: bytesTotal, bytesTotal });
  return {
    table,
    rows: [...rowsPerFile.values()].reduce((a, b) => a + b, 0),
    columns,
    files: reports,
    elapsedMs: performance.now() - started,
  };
}

/** Only on failure: read each file alone, so the message names the file(s) at fault. */
async function explainFailure(session: DuckSession, prepared: readonly Prepared[], error: unknown): Promise<string> {
  const problems: string[] = [];
  for (const p of prepared) {
    try {
      await session.execute(`SELECT count(*) FROM ${readCsv(p, false)}`);
    } catch (fileError) {
      problems.push(`${p.file.name} could not be read: ${firstLines(messageOf(fileError))}`);
    }
  }
  return problems.length > 0 ? problems.join('\n') : firstLines(messageOf(error));
}

/**
 * read_csv for one file. With a sniffed dialect the file is read once, with that dialect
 * and every column as text; without one (the sniffer failed) DuckDB detects on its own
 * and its error, if any, says what is wrong with the file.
 */
function readCsv({ file, encoding, sniffed }: Prepared, keepRejects: boolean): string {
  const options = [
    quoteLiteral(file.name),
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
    options.push('header = true');
  }
  if (keepRejects) {
    options.push("store_rejects = true, rejects_table = '_ingest_rejects', rejects_scan = '_ingest_reject_scans'");
  }
  return `read_csv(${options.join(', ')})`;
}

function sniff(session: DuckSession, name: string, encoding: TextEncoding): Sniffed | null {
  try {
    const row = session
      .table(
        `SELECT Delimiter, Quote, Escape, HasHeader, SkipRows, NewLineDelimiter, Columns
         FROM sniff_csv(${quoteLiteral(name)}, encoding = ${quoteLiteral(encoding)}, all_varchar = true)`,
      )
      .get(0);
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
  } catch {
    return null; // the load itself will say what is wrong with the file
  }
}

function readRejects(session: DuckSession): Map<string, { line: number; reason: string }[]> {
  const byFile = new Map<string, { line: number; reason: string }[]>();
  try {
    const rows = session.table(
      `SELECT s.file_path AS file, e.line AS line, e.error_message AS reason
       FROM _ingest_rejects e JOIN _ingest_reject_scans s USING (scan_id, file_id) ORDER BY 1, 2 LIMIT 10000`,
    );
    for (const row of rows) {
      const file = String(row['file']);
      const list = byFile.get(file) ?? [];
      list.push({ line: Number(row['line']), reason: String(row['reason']) });
      byFile.set(file, list);
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
