/**
 * Exact decimal text for KPI cards: values arrive from Arrow as scaled integers (or plain
 * integers/floats) and are rounded and grouped as text, so a total of $2,031,266.99 is
 * never the float 2031266.9899999.
 */
import { Type, type DataType } from 'apache-arrow';
import { decimalToBigInt } from '../client/arrow-decode.ts';

/** An Arrow value → plain decimal text ("2031266.9900", "42", "0.125"), or null. */
export function valueToDecimalText(value: unknown, type: DataType): string | null {
  if (value === null || value === undefined) return null;
  if (type.typeId === Type.Decimal) {
    const scale = (type as unknown as { scale: number }).scale;
    const scaled = decimalToBigInt(value);
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0');
    const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
    return negative ? `-${text}` : text;
  }
  if (typeof value === 'bigint') return value.toString();
  const number = Number(value);
  return Number.isFinite(number) ? String(number) : null;
}

/** Rounds decimal text half away from zero to `places` and groups thousands. */
export function roundDecimalText(text: string, places: number): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  if (/e/i.test(text)) return Number(text).toLocaleString('en-US', { maximumFractionDigits: places });
  const padded = (fraction + '0'.repeat(places + 1)).slice(0, places + 1);
  let units = BigInt(whole + padded.slice(0, places));
  if (Number(padded[places]) >= 5) units += 1n;
  const digits = units.toString().padStart(places + 1, '0');
  const intPart = digits.slice(0, digits.length - places).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fracPart = places > 0 ? `.${digits.slice(digits.length - places)}` : '';
  const isZero = /^[0,]*$/.test(intPart) && /^\.?0*$/.test(fracPart);
  return `${negative && !isZero ? '-' : ''}${intPart}${fracPart}`;
}
