/** How numbers, sizes and times read on the page (en-US grouping, as the contract shows). */

const integer = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return integer.format(n);
}

/** `18,148 rows`, `1 row`. */
export function formatRows(n: number): string {
  return `${integer.format(n)} ${n === 1 ? 'row' : 'rows'}`;
}

/** `0.12 s`: seconds read faster than milliseconds once runs take a while. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Delimiters in words: a tab or a space is invisible as a character. */
export function delimiterName(delimiter: string): string {
  switch (delimiter) {
    case ',':
      return 'comma';
    case ';':
      return 'semicolon';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    case ' ':
      return 'space';
    default:
      return JSON.stringify(delimiter);
  }
}

export function encodingName(encoding: string | null, bom: boolean): string {
  if (encoding === null) return 'unknown';
  const name = encoding.toUpperCase().replace('LATIN-1', 'Latin-1');
  return bom ? `${name} with BOM` : name;
}
