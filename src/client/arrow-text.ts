/**
 * DuckDB's text for the Arrow values JavaScript has no plain form of, so the grid shows
 * what DuckDB would print: a TIME as `13:45:01.5` (Arrow gives microseconds since
 * midnight), a TIMESTAMP with its microseconds and, with a zone, `+00` (Arrow gives float
 * milliseconds, in UTC), an INTERVAL as `1 year 2 months 3 days 04:05:06.789` (apache-arrow
 * 17 reads only half of each month-day-nanosecond value, so the buffer is read here), and
 * a BLOB with bytes outside printable ASCII as `\xAA`.
 */
import { IntervalUnit, TimeUnit, type Interval, type Time, type Timestamp, type Vector } from 'apache-arrow';

const MICROS_PER_SECOND = 1_000_000n;

/** `2024-03-05 14:07:09.123456`, and `+00` after it for a timestamp with a zone. */
export function timestampText(value: unknown, type: Timestamp): string {
  // Arrow hands milliseconds as a float whose fraction holds the microseconds.
  const micros = BigInt(Math.round(Number(value) * 1000));
  const seconds = floorDiv(micros, MICROS_PER_SECOND);
  const date = new Date(Number(seconds) * 1000).toISOString();
  return `${date.slice(0, 10)} ${date.slice(11, 19)}${fraction(micros - seconds * MICROS_PER_SECOND)}${type.timezone ? '+00' : ''}`;
}

/** `13:45:01.5`: a time of day from its count of the type's unit since midnight. */
export function timeText(value: unknown, type: Time): string {
  const count = BigInt(value as bigint | number);
  const micros =
    type.unit === TimeUnit.SECOND ? count * MICROS_PER_SECOND
    : type.unit === TimeUnit.MILLISECOND ? count * 1000n
    : type.unit === TimeUnit.NANOSECOND ? count / 1000n
    : count;
  return clockText(micros);
}

/** The interval at `row` of an Interval vector, or null. */
export function intervalAt(vector: Vector<Interval>, row: number): string | null {
  if (!vector.isValid(row)) return null;
  let index = row;
  for (const data of vector.data) {
    if (index >= data.length) {
      index -= data.length;
      continue;
    }
    const words = unslicedWords(data.values as unknown as Int32Array, data.type.unit, data.offset);
    index += data.offset;
    switch (data.type.unit) {
      case IntervalUnit.MONTH_DAY_NANO: {
        const at = index * 4;
        const nanos = BigInt.asIntN(64, (BigInt(words[at + 3]!) << 32n) | BigInt(words[at + 2]! >>> 0));
        return intervalText(words[at]!, words[at + 1]!, nanos / 1000n);
      }
      case IntervalUnit.DAY_TIME:
        return intervalText(0, words[index * 2]!, BigInt(words[index * 2 + 1]!) * 1000n);
      default:
        return intervalText(words[index]!, 0, 0n);
    }
  }
  return null;
}

/**
 * The interval buffer as it was before any slicing. A slice (a list's items are one) moves
 * the buffer by `offset` values of Arrow's stride for the unit, which for MONTH_DAY_NANO is
 * 3 words though a value has 4; so the start is undone and values are counted from there.
 */
function unslicedWords(values: Int32Array, unit: IntervalUnit, offset: number): Int32Array {
  const arrowStride = 1 + unit;
  return new Int32Array(values.buffer, values.byteOffset - offset * arrowStride * 4);
}

/** As DuckDB prints an interval: years, months and days in words, then the time, if any. */
export function intervalText(months: number, days: number, micros: bigint): string {
  const parts: string[] = [];
  const years = Math.trunc(months / 12);
  const unit = (n: number, word: string) => `${n} ${word}${Math.abs(n) === 1 ? '' : 's'}`;
  if (years !== 0) parts.push(unit(years, 'year'));
  if (months % 12 !== 0) parts.push(unit(months % 12, 'month'));
  if (days !== 0) parts.push(unit(days, 'day'));
  if (micros !== 0n || parts.length === 0) parts.push(micros < 0n ? `-${clockText(-micros)}` : clockText(micros));
  return parts.join(' ');
}

/** Bytes as DuckDB prints a BLOB: printable ASCII as is, the rest (and \ ' ") as `\xAA`. */
export function blobText(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    const plain = byte >= 32 && byte <= 126 && byte !== 0x5c && byte !== 0x27 && byte !== 0x22;
    text += plain ? String.fromCharCode(byte) : `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return text;
}

/** `HH:MM:SS` and the microseconds, if any; hours may pass 24 (an interval's time). */
function clockText(micros: bigint): string {
  const seconds = micros / MICROS_PER_SECOND;
  const two = (n: bigint) => String(n).padStart(2, '0');
  return `${two(seconds / 3600n)}:${two((seconds / 60n) % 60n)}:${two(seconds % 60n)}${fraction(micros % MICROS_PER_SECOND)}`;
}

/** `.123456` with trailing zeros dropped, or nothing for a whole second. */
function fraction(micros: bigint): string {
  return micros === 0n ? '' : `.${String(micros).padStart(6, '0').replace(/0+$/, '')}`;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
