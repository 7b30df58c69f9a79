/** Number and date formats for axes, tooltips and cards. */
import type { AxisFormat } from './chart-spec.ts';

const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const currencyCompact = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const month = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatterFor(format: AxisFormat | undefined, compact = false): ((value: unknown) => string) | undefined {
  switch (format) {
    case 'currency':
      return (v) => (compact ? currencyCompact : currency).format(Number(v));
    case 'integer':
      return (v) => integer.format(Number(v));
    case 'number':
      return (v) => number.format(Number(v));
    case 'percent':
      return (v) => percent.format(Number(v));
    case 'date':
      return (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
    case 'month':
      return (v) => (v instanceof Date ? month.format(v) : String(v));
    default:
      return undefined;
  }
}
