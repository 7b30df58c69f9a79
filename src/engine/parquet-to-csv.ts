/**
 * A Parquet file → the same rows as CSV text, so bronze loads it as it loads any file: every
 * value as text, typed later in silver. DuckDB-WASM has no Parquet reader built in (its
 * parquet extension would be downloaded at run time), so hyparquet reads the file here.
 *
 * Values are written as DuckDB writes them to CSV: dates as 2017-01-31, timestamps with
 * their microseconds, decimals with all their places (from the column's scale), nulls as
 * empty fields and empty strings as "". A decimal of more than 15 significant digits is
 * read through a double by hyparquet and may lose its last digits.
 */
import { parquetMetadata, parquetReadObjects, parquetSchema, type ParquetParsers } from 'hyparquet';

export async function parquetToCsv(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  const fields = parquetSchema(metadata).children.map((child) => child.element);
  const scales = new Map(fields.map((f) => [f.name, isDecimal(f) ? (f.scale ?? 0) : null]));
  const rows = await parquetReadObjects({ file, metadata, parsers: TEXT_PARSERS, utf8: true });
  const lines = [fields.map((f) => csvField(f.name)).join(',')];
  for (const row of rows) {
    lines.push(fields.map((f) => csvField(valueText(row[f.name], scales.get(f.name) ?? null))).join(','));
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** Dates and timestamps as text from the start: a JavaScript Date would drop microseconds. */
const TEXT_PARSERS: Partial<ParquetParsers> = {
  dateFromDays: (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10),
  timestampFromMilliseconds: (millis: bigint) => timestampText(BigInt(millis) * 1000n),
  timestampFromMicroseconds: (micros: bigint) => timestampText(BigInt(micros)),
  timestampFromNanoseconds: (nanos: bigint) => timestampText(BigInt(nanos) / 1000n),
};

function timestampText(micros: bigint): string {
  const seconds = micros / 1_000_000n - (micros % 1_000_000n < 0n ? 1n : 0n);
  const fraction = Number(micros - seconds * 1_000_000n);
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');
  return fraction === 0 ? whole : `${whole}.${String(fraction).padStart(6, '0').replace(/0+$/, '')}`;
}

function isDecimal(element: { converted_type?: string; logical_type?: { type: string } }): boolean {
  return element.converted_type === 'DECIMAL' || element.logical_type?.type === 'DECIMAL';
}

/** Null as null (an empty field); anything else as the text DuckDB would write. */
function valueText(value: unknown, scale: number | null): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return scale !== null && scale <= 100 ? value.toFixed(scale) : String(value);
  if (typeof value === 'bigint' || typeof value === 'boolean' || typeof value === 'string') return String(value);
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  if (value instanceof Uint8Array) return [...value].map((b) => `\\x${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** A CSV field: quoted when it holds a comma, a quote or a line break, or is empty text. */
function csvField(text: string | null): string {
  if (text === null) return '';
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
