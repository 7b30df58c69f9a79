/**
 * An Arrow table → a JSON array of row objects: numbers as JSON numbers (decimals written
 * from their exact digits, so 12407.9545 stays 12407.9545), dates as YYYY-MM-DD, text as
 * strings, nulls as null.
 */
import { Type, type DataType, type Table } from 'apache-arrow';
import { decimalToBigInt, formatDecimal } from '../client/arrow-decode.ts';

export function arrowToJson(table: Table): string {
  const fields = table.schema.fields;
  const vectors = fields.map((_, i) => table.getChildAt(i)!);
  const writers = fields.map((f) => jsonWriter(f.type));
  const keys = fields.map((f) => JSON.stringify(f.name));
  const lines: string[] = [];
  for (let row = 0; row < table.numRows; row++) {
    const parts = vectors.map((vector, c) => {
      const value = vector.get(row);
      return `${keys[c]}:${value === null || value === undefined ? 'null' : writers[c]!(value)}`;
    });
    lines.push(`{${parts.join(',')}}`);
  }
  return lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`;
}

function jsonWriter(type: DataType): (value: unknown) => string {
  switch (type.typeId) {
    case Type.Decimal: {
      const { scale } = type as unknown as { scale: number };
      return (v) => decimalText(decimalToBigInt(v), scale);
    }
    case Type.Int:
      return (v) => String(v);
    case Type.Float:
      return (v) => (Number.isFinite(Number(v)) ? String(v) : 'null');
    case Type.Bool:
      return (v) => (v ? 'true' : 'false');
    case Type.Date:
      return (v) => JSON.stringify(new Date(Number(v)).toISOString().slice(0, 10));
    case Type.Timestamp:
      return (v) => JSON.stringify(new Date(Number(v)).toISOString());
    default:
      return (v) => JSON.stringify(typeof v === 'string' ? v : String(v));
  }
}

/** Plain decimal digits (no grouping) valid as a JSON number: -1234.5000. */
export function decimalText(scaled: bigint, scale: number): string {
  return formatDecimal(scaled, scale, false);
}
