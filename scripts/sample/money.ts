/**
 * Money as bigint counts of 1/10000 (four decimal places, the precision of the source
 * files' costs). Floats would drift over millions of lines; the truth must be exact.
 */

export const SCALE = 10_000n;

/** Parses a non-negative decimal with up to 4 places: "13.0863" → 130863n. */
export function parseMoney(text: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(text);
  if (!m) throw new Error(`not a money literal: ${text}`);
  const whole = m[1] as string;
  const frac = (m[2] ?? '').padEnd(4, '0');
  return BigInt(whole) * SCALE + BigInt(frac);
}

/** Always four places, as the truth files print money: 124079545n → "12407.9545". */
export function formatMoney4(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / SCALE;
  const frac = (abs % SCALE).toString().padStart(4, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/**
 * The shortest exact form, as the products file prints prices: 349900n → "34.99",
 * 1200000n → "120". This is the "up to 4 places" quirk of the source.
 */
export function formatMoneyShort(units: bigint): string {
  const text = formatMoney4(units).replace(/0+$/, '');
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

/** a / b rounded half away from zero (half-up for the positive values we divide). */
export function divRoundHalfUp(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new Error('divisor must be positive');
  const negative = a < 0n;
  const abs = negative ? -a : a;
  const q = (2n * abs + b) / (2n * b);
  return negative ? -q : q;
}

/** basis-point ratio of an amount, rounded half-up to a unit: used for product costs. */
export function applyRatio(units: bigint, basisPoints: number): bigint {
  return divRoundHalfUp(units * BigInt(basisPoints), 10_000n);
}
