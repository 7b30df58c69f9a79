/**
 * How to read one CSV file, decided before loading: the encoding (detected, or the cell's),
 * the dialect DuckDB's sniffer finds, checked against a count of fields per line of the
 * file's start (csv-dialect.ts), the lines before the header, and the `read_csv` call
 * that reads the file with all of it, every column as text.
 */
import type { CsvDialect, CsvOverrides, IngestOptions, TextEncoding } from './api.ts';
import { QueryCancelledError, type DuckSession } from './duck-session.ts';
import type { ByteReader } from './detect-encoding.ts';
import { quoteLiteral } from './sql-quote.ts';
import { delimiterName, guessDialect, splitFields } from './csv-dialect.ts';
import { matchesFilePattern } from '../analysis/bronze-spec.ts';

/** The column of a bronze table that holds the name of the file each row came from. */
export const SOURCE_FILE_COLUMN = '_source_file';

export interface IngestFile {
  readonly name: string;
  readonly reader: ByteReader;
  /** What DuckDB reads for this file: the registered name (WASM) or its path (native). */
  readonly sqlPath: string;
}

/** One file, ready to load: how it will be read, and what the report says about that. */
export interface Prepared {
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
export type CsvErrors = 'store' | 'ignore' | 'fail';

/** What DuckDB's sniffer found: the dialect and the header's column names. */
interface Sniffed {
  readonly dialect: CsvDialect;
  readonly columns: readonly string[];
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
export async function prepare(
  session: DuckSession,
  file: IngestFile,
  detected: { encoding: TextEncoding; bom: boolean },
  overrides: CsvOverrides,
): Promise<Prepared> {
  const warnings: string[] = [];
  // Loads as a table without rows; without a word, that looks like a lost file.
  if (file.reader.size === 0) warnings.push('The file is empty (0 bytes): there is nothing to load.');
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

  if (sniffed) {
    warnings.push(...renamedHeaders(head.text, sniffed));
    const own = ownSourceColumn(sniffed);
    sniffed = own.sniffed;
    if (own.warning) warnings.push(own.warning);
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

/**
 * Header names DuckDB replaced, for the report: an empty one becomes `column<i>`, a repeated
 * one `<name>_1`. Compared with the header line as written (trimmed, as DuckDB trims it).
 */
function renamedHeaders(head: string, sniffed: Sniffed): string[] {
  const { delimiter, quote, skipRows, header } = sniffed.dialect;
  const line = header ? head.split(/\r\n|\n|\r/)[skipRows] : undefined;
  if (line === undefined) return [];
  const written = splitFields(line, delimiter, quote).map((name) => name.trim());
  // A header split differently (a quoted line break) says nothing about renaming.
  if (written.length !== sniffed.columns.length) return [];
  const renamed = written.flatMap((name, i) =>
    name === sniffed.columns[i] ? [] : [`column ${i + 1} (${name === '' ? 'empty' : `"${name}"`}) is ${sniffed.columns[i]}`],
  );
  return renamed.length === 0 ? [] : [`Header names that were repeated or empty got new ones: ${renamed.join(', ')}.`];
}

/**
 * A file with a column of its own named like SOURCE_FILE_COLUMN (a bronze table exported
 * and read again) would hide which file each row came from: its column gets a new name.
 * DuckDB's names are case-insensitive, so `_Source_File` collides too.
 */
function ownSourceColumn(sniffed: Sniffed): { sniffed: Sniffed; warning: string | null } {
  const taken = new Set(sniffed.columns.map((c) => c.toLowerCase()));
  const at = sniffed.columns.findIndex((c) => c.toLowerCase() === SOURCE_FILE_COLUMN);
  if (at < 0) return { sniffed, warning: null };
  const old = sniffed.columns[at]!;
  let n = 1;
  while (taken.has(`${old}_${n}`.toLowerCase())) n++;
  const columns = sniffed.columns.map((c, i) => (i === at ? `${old}_${n}` : c));
  return {
    sniffed: { ...sniffed, columns },
    warning: `The file has its own column "${old}"; bronze keeps the name ${SOURCE_FILE_COLUMN} for the file each row came from, so that column is ${columns[at]}.`,
  };
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
export function readCsv({ file, encoding, sniffed, overrides }: Prepared, errors: CsvErrors): string {
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

/**
 * Bytes per line in a file's first bytes (a preamble and the header count as lines): what
 * a row costs there, roughly. A line cut off at the sample's end does not count.
 */
export function bytesPerLine(sampleBytes: number, sampleText: string, complete: boolean): number | null {
  const lines = sampleText.split(/\r\n|\n|\r/);
  if (!complete || lines.at(-1) === '') lines.pop();
  return lines.length > 0 && sampleBytes > 0 ? sampleBytes / lines.length : null;
}

