/**
 * A relation's rows for a file writer (CSV, JSON, Parquet). The writers turn Arrow values
 * into text or Parquet types for decimals, integers, doubles, booleans, dates and text;
 * any other column comes as DuckDB's own text of each value, so a TIME, an INTERVAL or a
 * BLOB is written as DuckDB prints it instead of as an Arrow object's insides.
 */
import { DataType, Precision, Type, type Table } from 'apache-arrow';
import type { EngineApi } from '../engine/api.ts';
import { decodeIpc } from '../client/arrow-decode.ts';
import { quoteIdent } from '../engine/sql-quote.ts';

export type ExportFormat = 'csv' | 'json' | 'parquet';

/** Every row of `relation` (a quoted name or a parenthesised query), decoded. */
export async function exportRows(engine: EngineApi, relation: string, format: ExportFormat): Promise<Table> {
  const schema = decodeIpc(await engine.query(`SELECT * FROM ${relation} LIMIT 0`)).schema;
  const asText = schema.fields.filter((f) => writtenAsText(f.type, format)).map((f) => quoteIdent(f.name));
  const replace = asText.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ');
  return decodeIpc(await engine.query(`SELECT *${asText.length > 0 ? ` REPLACE (${replace})` : ''} FROM ${relation}`));
}

/**
 * Whether a column goes to the writer as text. Text formats also take timestamps as text:
 * JavaScript dates hold milliseconds, where DuckDB keeps microseconds and says the zone.
 * CSV takes 32-bit floats as text (as doubles 0.1 prints 0.10000000149011612); JSON has
 * no lists or structs from Arrow here. Parquet's INT64 is signed: a UBIGINT above 2^63
 * does not fit.
 */
function writtenAsText(type: DataType, format: ExportFormat): boolean {
  if (DataType.isInt(type)) return format === 'parquet' && type.bitWidth === 64 && !type.isSigned;
  if (DataType.isFloat(type)) return format === 'csv' && type.precision !== Precision.DOUBLE;
  if (DataType.isTimestamp(type)) return format !== 'parquet';
  if (DataType.isList(type) || DataType.isStruct(type) || DataType.isMap(type)) return format === 'json';
  return !WRITTEN_AS_IS.has(type.typeId);
}

const WRITTEN_AS_IS = new Set([Type.Decimal, Type.Bool, Type.Date, Type.Utf8, Type.LargeUtf8]);
