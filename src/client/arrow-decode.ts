/**
 * Arrow IPC bytes → columns and cell values the page can show. Decimals arrive as scaled
 * integers (12407.9545 as 124079545), so they are formatted from the type's scale, never
 * through a float; dates are days or milliseconds since the epoch and shown as UTC dates;
 * times, timestamps, intervals and bytes are shown as DuckDB prints them (arrow-text.ts).
 */
import {
  DataType,
  Precision,
  tableFromIPC,
  Type,
  type Field,
  type Interval,
  type Table,
  type Time,
  type Timestamp,
  type Vector,
} from 'apache-arrow';
import { blobText, intervalAt, timestampText, timeText } from './arrow-text.ts';
import { isNested, nestedText } from './arrow-nested-text.ts';

export interface ResultColumn {
  readonly name: string;
  readonly type: DataType;
  /** Short type label for column headers. */
  readonly label: string;
  readonly numeric: boolean;
}

export function decodeIpc(bytes: Uint8Array): Table {
  return tableFromIPC(bytes);
}

export function columnsOf(table: Table): ResultColumn[] {
  return table.schema.fields.map((field) => ({
    name: field.name,
    type: field.type,
    label: typeLabel(field.type),
    numeric: isNumeric(field.type),
  }));
}

/** Rows as arrays of display strings (null stays null so the grid can show it apart). */
export function displayRows(table: Table): (string | null)[][] {
  const cells = table.schema.fields.map((field, i) => cellText(table.getChildAt(i)!, field.type));
  const rows: (string | null)[][] = [];
  for (let r = 0; r < table.numRows; r++) rows.push(cells.map((text) => text(r)));
  return rows;
}

/**
 * A column's display text by row. Intervals are read from their buffer (arrow-text.ts);
 * lists, structs and maps by walking their child vectors, each value inside written as
 * DuckDB writes it there (numbers without thousands separators).
 */
export function cellText(column: Vector, type: DataType, inside = false): (row: number) => string | null {
  if (DataType.isInterval(type)) return (row) => intervalAt(column as Vector<Interval>, row);
  if (isNested(type)) {
    const scalar = (items: Vector, at: number) => cellText(items, items.type as DataType, true)(at);
    return (row) => (column.isValid(row) ? nestedText(column, row, scalar) : null);
  }
  return (row) => formatValue(column.get(row), type, inside);
}

/**
 * A scalar value as the grid shows it. `inside` is for a value within a list, struct or
 * map, written as DuckDB writes it there: numbers without thousands separators.
 */
function formatValue(value: unknown, type: DataType, inside: boolean): string | null {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case Type.Decimal:
      return formatDecimal(decimalToBigInt(value), (type as unknown as { scale: number }).scale, !inside);
    case Type.Date:
      return new Date(Number(value)).toISOString().slice(0, 10);
    case Type.Timestamp:
      return timestampText(value, type as Timestamp);
    case Type.Time:
      return timeText(value, type as Time);
    case Type.Binary:
    case Type.LargeBinary:
      return blobText(value as Uint8Array);
    case Type.Bool:
      return value ? 'true' : 'false';
    case Type.Float:
      return inside ? String(Number(value)) : formatFloat(Number(value));
    default:
      return typeof value === 'object' ? JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v)) : String(value);
  }
}

/** Exact decimal text with thousands separators: 1234567.5 (scale 2) → "1,234,567.50". */
export function formatDecimal(scaled: bigint, scale: number, grouped = true): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const whole = grouped ? groupThousands(integer) : integer;
  const fraction = scale > 0 ? '.' + digits.slice(digits.length - scale) : '';
  return (negative ? '-' : '') + whole + fraction;
}

/** Arrow's decimal value (a little-endian array of 32-bit words, two's complement) → bigint. */
export function decimalToBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  const words = value as Uint32Array;
  let result = 0n;
  for (let i = words.length - 1; i >= 0; i--) result = (result << 32n) | BigInt(words[i]!);
  const bits = BigInt(words.length * 32);
  if (words.length > 0 && (words[words.length - 1]! & 0x80000000) !== 0) result -= 1n << bits;
  return result;
}

function formatFloat(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function groupThousands(integer: string): string {
  const negative = integer.startsWith('-');
  const digits = negative ? integer.slice(1) : integer;
  return (negative ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function isNumeric(type: DataType): boolean {
  return [Type.Int, Type.Float, Type.Decimal].includes(type.typeId);
}

function typeLabel(type: DataType): string {
  if (DataType.isDecimal(type)) return `decimal(${type.precision},${type.scale})`;
  if (DataType.isInt(type)) return `${type.isSigned ? 'int' : 'uint'}${type.bitWidth}`;
  if (DataType.isFloat(type)) return type.precision === Precision.DOUBLE ? 'double' : 'float';
  if (DataType.isTimestamp(type)) return type.timezone ? 'timestamptz' : 'timestamp';
  if (DataType.isList(type)) return `${typeLabel(type.children[0]!.type)}[]`;
  if (DataType.isFixedSizeList(type)) return `${typeLabel(type.children[0]!.type)}[${type.listSize}]`;
  if (DataType.isStruct(type)) return `struct(${type.children.map((f) => `${f.name} ${typeLabel(f.type)}`).join(', ')})`;
  if (DataType.isMap(type)) {
    const [key, value] = type.children[0]!.type.children as Field[];
    return `map(${typeLabel(key!.type)}, ${typeLabel(value!.type)})`;
  }
  switch (type.typeId) {
    case Type.Utf8:
    case Type.LargeUtf8:
      return 'text';
    case Type.Date:
      return 'date';
    case Type.Time:
      return 'time';
    case Type.Interval:
      return 'interval';
    case Type.Binary:
    case Type.LargeBinary:
      return 'blob';
    case Type.Bool:
      return 'bool';
    default:
      return String(type).toLowerCase();
  }
}
