/**
 * Dates as whole days since 1970-01-01 (UTC). Plain integers keep the order plan in typed
 * arrays and make "days between" exact; no time zone can shift a date by one.
 */

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const MS_PER_DAY = 86_400_000;

export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function civil(dayNo: number): CivilDate {
  const d = new Date(dayNo * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD`. */
export function isoDate(dayNo: number): string {
  const { year, month, day } = civil(dayNo);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Full years completed on `onDay` by someone born on `bornDay`. */
export function ageOn(bornDay: number, onDay: number): number {
  const b = civil(bornDay);
  const o = civil(onDay);
  const beforeBirthday = o.month < b.month || (o.month === b.month && o.day < b.day);
  return o.year - b.year - (beforeBirthday ? 1 : 0);
}

/**
 * Memoises a day → text formatter. Sales files repeat a few hundred distinct dates millions
 * of times at large scales, and `Date` objects are the slow part.
 */
export function memoDateFormat(format: (d: CivilDate) => string): (dayNo: number) => string {
  const cache = new Map<number, string>();
  return (dayNo) => {
    let text = cache.get(dayNo);
    if (text === undefined) {
      text = format(civil(dayNo));
      cache.set(dayNo, text);
    }
    return text;
  };
}
