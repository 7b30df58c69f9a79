/**
 * A chart's Arrow result → plain rows for Plot. Charts aggregate in SQL, so these are
 * tens or hundreds of rows, never raw data: converting decimals to numbers here only
 * affects drawing, and tooltips and KPI cards format exact values elsewhere.
 */
import { Type, type Table } from 'apache-arrow';
import { cellText, decimalToBigInt } from '../client/arrow-decode.ts';

export type ChartRow = Record<string, string | number | boolean | Date | null>;

export interface ChartData {
  readonly rows: ChartRow[];
  /** Column name → kind, to pick scales and formats. */
  readonly kinds: ReadonlyMap<string, 'number' | 'date' | 'text' | 'boolean'>;
}

export function chartData(table: Table): ChartData {
  const kinds = new Map<string, 'number' | 'date' | 'text' | 'boolean'>();
  const readers = table.schema.fields.map((field, c): ((row: number) => ChartRow[string]) => {
    const vector = table.getChildAt(c)!;
    const type = field.type;
    const read = (convert: (v: unknown) => ChartRow[string]) => (row: number) => {
      const value = vector.get(row);
      return value === null || value === undefined ? null : convert(value);
    };
    switch (type.typeId) {
      case Type.Decimal: {
        const scale = 10 ** (type as unknown as { scale: number }).scale;
        kinds.set(field.name, 'number');
        return read((v) => Number(decimalToBigInt(v)) / scale);
      }
      case Type.Int:
      case Type.Float:
        kinds.set(field.name, 'number');
        return read(Number);
      case Type.Date:
      case Type.Timestamp:
        kinds.set(field.name, 'date');
        return read((v) => new Date(Number(v)));
      case Type.Bool:
        kinds.set(field.name, 'boolean');
        return read(Boolean);
      default:
        // Text, and what the grid shows as DuckDB's text: a TIME as 13:45:01.5, not microseconds.
        kinds.set(field.name, 'text');
        return cellText(vector, type);
    }
  });
  const rows: ChartRow[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: ChartRow = {};
    table.schema.fields.forEach((field, c) => (row[field.name] = readers[c]!(r)));
    rows.push(row);
  }
  return { rows, kinds };
}
