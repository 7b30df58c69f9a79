import type { ValueFormat } from './kpi-spec.ts';
import { roundDecimalText } from './decimal-text.ts';

/** Plain decimal text, as KPI values that are numbers arrive ("2031266.9900", "-3", "1e-7"). */
const DECIMAL = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/**
 * A KPI value as a card shows it: a number formatted ("$2,031,266.99", "2,303", "12.5%");
 * a value that is not a number (a date, a country) as it came.
 */
export function formatKpiValue(text: string | null, format: ValueFormat): string {
  if (text === null) return '—';
  if (!DECIMAL.test(text)) return text;
  switch (format) {
    case 'currency': {
      const rounded = roundDecimalText(text, 2);
      return rounded.startsWith('-') ? `-$${rounded.slice(1)}` : `$${rounded}`;
    }
    case 'integer':
      return roundDecimalText(text, 0);
    case 'percent':
      return `${roundDecimalText(String(Number(text) * 100), 1)}%`;
    case 'number':
      return roundDecimalText(text, 2);
  }
}

/** "+12.3%" / "−4.0%" change against the previous period, or null when there is none. */
export function formatChange(current: string | null, previous: string | null): string | null {
  if (current === null || previous === null || !DECIMAL.test(current) || !DECIMAL.test(previous)) return null;
  if (Number(previous) === 0) return null;
  const change = (Number(current) - Number(previous)) / Math.abs(Number(previous));
  const text = `${Math.abs(change * 100).toFixed(1)}%`;
  return change >= 0 ? `+${text}` : `−${text}`;
}
