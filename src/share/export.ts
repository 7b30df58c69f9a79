/**
 * Exports, all in the browser: any table or result as CSV or Parquet, the whole gold
 * layer as one zip of Parquet files, and a Blob handed to the person as a download.
 * CSV is written from Arrow here (RFC 4180 quoting, decimals from their exact digits,
 * dates as YYYY-MM-DD, null as an empty field and an empty string as ""; columns Arrow
 * cannot carry exactly come as DuckDB's text, see export/export-rows.ts); Parquet goes
 * through arrowToParquet (hyparquet-writer), since DuckDB-WASM has no parquet extension
 * offline. Charts: src/ui/chart-export.ts makes the SVG/PNG, downloadBlob saves it.
 */
import { Type, type DataType, type Table } from 'apache-arrow';
import type { EngineApi } from '../engine/api.ts';
import { decimalToBigInt } from '../client/arrow-decode.ts';
import { decimalText } from '../export/arrow-to-json.ts';
import { quoteQualified } from '../engine/sql-quote.ts';
import { exportRows } from '../export/export-rows.ts';

export type TableFormat = 'csv' | 'parquet';

export function arrowToCsv(table: Table): string {
  const fields = table.schema.fields;
  const vectors = fields.map((_, i) => table.getChildAt(i)!);
  const writers = fields.map((f) => csvWriter(f.type));
  const lines = [fields.map((f) => csvField(f.name)).join(',')];
  for (let row = 0; row < table.numRows; row++) {
    lines.push(
      vectors
        .map((vector, c) => {
          const value = vector.get(row);
          return value === null || value === undefined ? '' : csvField(writers[c]!(value));
        })
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** A field quoted when it must be; an empty string is quoted so it reads back apart from null. */
export function csvField(text: string): string {
  return text === '' || /[",\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

function csvWriter(type: DataType): (value: unknown) => string {
  switch (type.typeId) {
    case Type.Decimal: {
      const { scale } = type as unknown as { scale: number };
      return (v) => decimalText(decimalToBigInt(v), scale);
    }
    case Type.Bool:
      return (v) => (v ? 'true' : 'false');
    case Type.Date:
      return (v) => new Date(Number(v)).toISOString().slice(0, 10);
    case Type.Timestamp:
      return (v) =>
        new Date(Number(v))
          .toISOString()
          .replace('T', ' ')
          .replace(/\.000Z$|Z$/, '');
    case Type.Int:
    case Type.Float:
      return (v) => String(v);
    case Type.Utf8:
    case Type.LargeUtf8:
      return (v) => String(v);
    default:
      return (v) =>
        typeof v === 'string'
          ? v
          : JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? String(x) : x));
  }
}

/** Every row of a relation (a quoted name, as `CellResult.relation` holds), ready for the format's writer. */
export function relationTable(engine: EngineApi, relation: string, format: TableFormat = 'csv'): Promise<Table> {
  return exportRows(engine, relation, format);
}

export async function exportRelation(
  engine: EngineApi,
  relation: string,
  format: TableFormat,
): Promise<Blob> {
  const table = await relationTable(engine, relation, format);
  return format === 'csv'
    ? new Blob([arrowToCsv(table)], { type: 'text/csv;charset=utf-8' })
    : new Blob([(await parquetWriter())(table) as BlobPart], { type: 'application/vnd.apache.parquet' });
}

/** `gold.customer_360.parquet`, as the headless runner names its files. */
export function exportFileName(table: string, format: TableFormat): string {
  return `${table.replace(/[^A-Za-z0-9_.-]+/g, '_')}.${format}`;
}

/**
 * Every table of a layer as Parquet files in one zip (Parquet is compressed already, so
 * the zip only stores). Throws when the layer holds no table yet.
 */
export async function layerZip(
  engine: EngineApi,
  schema = 'gold',
): Promise<{ blob: Blob; files: string[] }> {
  const tables = (await engine.catalog())
    .filter((t) => t.schema === schema)
    .map((t) => `${t.schema}.${t.name}`);
  if (tables.length === 0)
    throw new Error(`There is no ${schema} table yet: run the notebook first.`);
  const arrowToParquet = await parquetWriter();
  const entries: Record<string, Uint8Array> = {};
  for (const table of tables) {
    entries[exportFileName(table, 'parquet')] = arrowToParquet(
      await relationTable(engine, quoteQualified(table), 'parquet'),
    );
  }
  const { zipSync } = await import('fflate');
  const zipped = zipSync(entries, { level: 0 });
  return {
    blob: new Blob([zipped as BlobPart], { type: 'application/zip' }),
    files: Object.keys(entries),
  };
}

/** The Parquet writer (hyparquet-writer) loads on the first Parquet export, not with the page. */
async function parquetWriter() {
  return (await import('../export/arrow-to-parquet.ts')).arrowToParquet;
}

/** Hands a Blob to the person as a file download (nothing leaves the browser). */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
