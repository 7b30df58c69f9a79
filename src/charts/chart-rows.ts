/**
 * A chart's Arrow result → plain rows for Plot. Charts aggregate in SQL, so these are
 * tens or hundreds of rows, never raw data: converting decimals to numbers here only
 * affects drawing, and tooltips and KPI cards format exact values elsewhere.
 */
import { Type, type Table } from 'apache-arrow';
import { decimalToBigInt } from '../client/arrow-decode.ts';

export type ChartRow = Record<string, string | number | boolean | Date | null>;

export interface ChartData {
  readonly rows: ChartRow[];
  /** Column name → kind, to pick scales and formats. */
  readonly kinds: ReadonlyMap<string, 'number' | 'date' | 'text' | 'boolean'>;
}

export function chartData(table: Table): ChartData {
  const kinds = new Map<string, 'number' | 'date' | 'text' | 'boolean'>();
  const converters = table.schema.fields.map((field) => {
    const type = field.type;
    switch (type.typeId) {
      case Type.Decimal: {
        const scale = 10 ** (type as unknown as { scale: number }).scale;
        kinds.set(field.name, 'number');
        return (v: unknown) => Number(decimalToBigInt(v)) / scale;
      }
      case Type.Int:
      case Type.Float:
        kinds.set(field.name, 'number');
        return (v: unknown) => Number(v);
      case Type.Date:
      case Type.Timestamp:
        kinds.set(field.name, 'date');
        return (v: unknown) => new Date(Number(v));
      case Type.Bool:
        kinds.set(field.name, 'boolean');
        return (v: unknown) => Boolean(v);
      default:
        kinds.set(field.name, 'text');
        return (v: unknown) => String(v);
    }
  });
  const vectors = table.schema.fields.map((_, i) => table.getChildAt(i)!);
  const rows: ChartRow[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: ChartRow = {};
    table.schema.fields.forEach((field, c) => {
      const value = vectors[c]!.get(r);
      row[field.name] = value === null || value === undefined ? null : (converters[c]!(value) as ChartRow[string]);
    });
    rows.push(row);
  }
  return { rows, kinds };
}
