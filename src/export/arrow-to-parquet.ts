/**
 * An Arrow table → Parquet bytes, with hyparquet-writer (DuckDB's parquet extension is not
 * built into DuckDB-WASM and cannot be fetched offline). Decimals stay exact: they are
 * written as scaled integers with their precision and scale, never through a float.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { Type, type DataType, type Table } from 'apache-arrow';
import { decimalToBigInt } from '../client/arrow-decode.ts';

type SchemaElement = Parameters<typeof parquetWriteBuffer>[0] extends { schema?: (infer S)[] } ? S : never;

export function arrowToParquet(table: Table): Uint8Array {
  const schema: SchemaElement[] = [{ name: 'root', num_children: table.numCols } as SchemaElement];
  const columnData = table.schema.fields.map((field, index) => {
    const vector = table.getChildAt(index)!;
    const values: unknown[] = new Array(table.numRows);
    for (let row = 0; row < table.numRows; row++) values[row] = vector.get(row);
    const { element, convert } = parquetColumn(field.name, field.type);
    schema.push(element);
    return { name: field.name, data: values.map((v) => (v === null || v === undefined ? null : convert(v))) };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, schema } as Parameters<typeof parquetWriteBuffer>[0]));
}

function parquetColumn(name: string, type: DataType): { element: SchemaElement; convert: (v: unknown) => unknown } {
  const optional = { name, repetition_type: 'OPTIONAL' } as const;
  switch (type.typeId) {
    case Type.Decimal: {
      const { precision, scale } = type as unknown as { precision: number; scale: number };
      const element = precision <= 18
        ? { ...optional, type: 'INT64', converted_type: 'DECIMAL', precision, scale }
        : { ...optional, type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, converted_type: 'DECIMAL', precision, scale };
      return { element: element as SchemaElement, convert: decimalToBigInt };
    }
    case Type.Int: {
      const { bitWidth } = type as unknown as { bitWidth: number };
      return bitWidth === 64
        ? { element: { ...optional, type: 'INT64' } as SchemaElement, convert: (v) => BigInt(v as bigint) }
        : { element: { ...optional, type: 'INT32' } as SchemaElement, convert: (v) => Number(v) };
    }
    case Type.Float:
      return { element: { ...optional, type: 'DOUBLE' } as SchemaElement, convert: Number };
    case Type.Bool:
      return { element: { ...optional, type: 'BOOLEAN' } as SchemaElement, convert: Boolean };
    case Type.Date:
      return {
        element: { ...optional, type: 'INT32', converted_type: 'DATE' } as SchemaElement,
        convert: (v) => Math.round(Number(v) / 86_400_000),
      };
    case Type.Timestamp:
      return {
        element: { ...optional, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' } as SchemaElement,
        convert: (v) => BigInt(Math.round(Number(v))),
      };
    default:
      return {
        element: { ...optional, type: 'BYTE_ARRAY', converted_type: 'UTF8' } as SchemaElement,
        convert: (v) => (typeof v === 'string' ? v : JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? String(x) : x))),
      };
  }
}
