/**
 * A bronze cell names the table it fills and the files it reads:
 *
 *   table: bronze.sales
 *   files: AW_Sales*.csv
 *
 * `files` takes names or globs (`*`, `?`), several separated by commas or on several
 * `files:` lines. Lines starting with `#` are comments.
 */

export interface BronzeSpec {
  readonly table: string | null;
  readonly files: readonly string[];
  /** Problems in words, for the cell to show. */
  readonly problems: readonly string[];
}

export function parseBronzeSpec(source: string): BronzeSpec {
  let table: string | null = null;
  const files: string[] = [];
  const problems: string[] = [];
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    const key = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    const value = colon > 0 ? line.slice(colon + 1).trim() : '';
    if (key === 'table') {
      table = value.toLowerCase();
      if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(table)) {
        problems.push(`"${value}" is not a table name like bronze.sales.`);
      }
    } else if (key === 'files') {
      files.push(...value.split(',').map((f) => f.trim()).filter((f) => f !== ''));
    } else {
      problems.push(`Line "${line}" is not understood; a bronze cell has "table:" and "files:" lines.`);
    }
  }
  if (table === null) problems.push('No "table:" line: name the bronze table this cell fills.');
  if (files.length === 0) problems.push('No "files:" line: name the files (or a glob) this cell reads.');
  return { table, files, problems };
}

export function formatBronzeSpec(table: string, files: readonly string[]): string {
  return `table: ${table}\nfiles: ${files.join(', ')}`;
}

/** Whether a file name matches a name or glob, case-insensitively as Windows users expect. */
export function matchesFilePattern(fileName: string, pattern: string): boolean {
  const regex = new RegExp(
    '^' +
      pattern
        .split('')
        .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('') +
      '$',
    'i',
  );
  return regex.test(fileName);
}
