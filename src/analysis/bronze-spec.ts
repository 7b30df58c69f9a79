/**
 * A bronze cell names the table it fills and the files it reads, and may say how to read
 * them when detection gets a file wrong:
 *
 *   table: bronze.sales
 *   files: AW_Sales*.csv
 *   options: {delimiter: ";", encoding: latin-1, skip: 2, header: true}
 *   options AW_Sales_2016.csv: {quote: ""}
 *   materialize: false
 *   urls: https://example.org/aw/AW_Sales_2016.csv, https://example.org/aw/AW_Sales_2017.csv
 *
 * `urls` names where the files can be fetched when nobody has added them (a shared
 * notebook's data): each URL gives the file named by its last path segment, fetched only
 * once the person allows network access. Without `files:`, the cell reads those files.
 * `files` takes names or globs (`*`, `?`), several separated by commas or on several
 * `files:` lines. `options:` applies to every file; `options NAME_OR_GLOB:` to the files
 * it matches, over the general ones. Option values are YAML: `encoding` (utf-8, latin-1,
 * utf-16), `delimiter` (a character, or tab/comma/semicolon/pipe), `quote` and `escape`
 * (a character, "" for none), `header` (true/false), `skip` (lines before the header).
 * `materialize: false` makes the table a view that reads the files in place on every query,
 * for files too large to load into the browser's memory. Lines starting with `#` are comments.
 */
import { loadYaml } from './load-yaml.ts';
import type { CsvOverrides, IngestOptions, TextEncoding } from '../engine/api.ts';

export interface BronzeSpec {
  readonly table: string | null;
  readonly files: readonly string[];
  /** Files the cell can fetch when they were not added: file name → http(s) URL. */
  readonly urls: readonly DataUrl[];
  /** How to read the files, when the cell says; absent when everything is detected. */
  readonly options?: IngestOptions;
  /** Problems in words, for the cell to show. */
  readonly problems: readonly string[];
}

export interface DataUrl {
  readonly name: string;
  readonly url: string;
}

export function parseBronzeSpec(source: string): BronzeSpec {
  let table: string | null = null;
  const files: string[] = [];
  const urls: DataUrl[] = [];
  const problems: string[] = [];
  let all: CsvOverrides | undefined;
  const perFile: { pattern: string; options: CsvOverrides }[] = [];
  let materialize: boolean | undefined;
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
    } else if (key === 'urls' || key === 'url') {
      for (const url of value.split(/[\s,]+/).filter((u) => u !== '')) {
        const name = fileNameOfUrl(url);
        if (name === null) problems.push(`"${url}" is not an http(s) URL of a file.`);
        else urls.push({ name, url });
      }
    } else if (key === 'materialize') {
      const flag = value.toLowerCase();
      if (flag === 'true' || flag === 'false') materialize = flag === 'true';
      else problems.push(`materialize must be true or false, not "${value}".`);
    } else if (key === 'options' || key.startsWith('options ')) {
      const pattern = line.slice('options'.length, colon).trim();
      const parsed = parseCsvOverrides(value);
      problems.push(...parsed.problems.map((p) => `${pattern ? `Options for ${pattern}` : 'Options'}: ${p}`));
      if (pattern === '') all = { ...all, ...parsed.options };
      else perFile.push({ pattern, options: parsed.options });
    } else {
      problems.push(`Line "${line}" is not understood; a bronze cell has "table:", "files:", "urls:", "options:" and "materialize:" lines.`);
    }
  }
  if (table === null) problems.push('No "table:" line: name the bronze table this cell fills.');
  if (files.length === 0 && urls.length > 0) files.push(...urls.map((u) => u.name));
  if (files.length === 0) problems.push('No "files:" line: name the files (or a glob) this cell reads.');
  for (const { name, url } of urls) {
    if (!files.some((pattern) => matchesFilePattern(name, pattern)))
      problems.push(`${url} gives the file ${name}, which no "files:" entry names.`);
  }
  if (all === undefined && perFile.length === 0 && materialize === undefined) return { table, files, urls, problems };
  const options: IngestOptions = {
    ...(all ? { all } : {}),
    ...(perFile.length > 0 ? { files: perFile } : {}),
    ...(materialize === undefined ? {} : { materialize }),
  };
  return { table, files, urls, options, problems };
}

/** The files a notebook's bronze cells can fetch by URL, each name once (the first cell's URL wins). */
export function dataUrlsOf(cells: readonly { readonly kind: string; readonly source: string }[]): DataUrl[] {
  const found = new Map<string, DataUrl>();
  for (const cell of cells) {
    if (cell.kind !== 'bronze') continue;
    for (const entry of parseBronzeSpec(cell.source).urls) if (!found.has(entry.name)) found.set(entry.name, entry);
  }
  return [...found.values()];
}

/** The file an http(s) URL names: its last path segment, decoded; null when it names none. */
export function fileNameOfUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const last = parsed.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || null;
  } catch {
    return last || null;
  }
}

/** The text of a bronze cell; options, if any, written back in the form the parser reads. */
export function formatBronzeSpec(table: string, files: readonly string[], options?: IngestOptions): string {
  const lines = [`table: ${table}`, `files: ${files.join(', ')}`];
  if (options?.all && Object.keys(options.all).length > 0) lines.push(`options: ${formatCsvOverrides(options.all)}`);
  for (const entry of options?.files ?? []) {
    if (Object.keys(entry.options).length > 0) lines.push(`options ${entry.pattern}: ${formatCsvOverrides(entry.options)}`);
  }
  if (options?.materialize !== undefined) lines.push(`materialize: ${options.materialize}`);
  return lines.join('\n');
}

const ENCODINGS: Record<string, TextEncoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'latin-1': 'latin-1', latin1: 'latin-1', 'iso-8859-1': 'latin-1',
  'windows-1252': 'latin-1', cp1252: 'latin-1', 'utf-16': 'utf-16', utf16: 'utf-16',
};
const DELIMITER_NAMES: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ' };
const OPTION_KEYS = ['encoding', 'delimiter', 'quote', 'escape', 'header', 'skip'];

/** `{delimiter: ";", skip: 2}` → overrides, with a sentence for each value not understood. */
export function parseCsvOverrides(text: string): { options: CsvOverrides; problems: string[] } {
  let raw: unknown;
  try {
    raw = loadYaml(text.trim().startsWith('{') ? text : `{${text}}`);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { options: {}, problems: [`write them as {delimiter: ";", skip: 1} (${message}).`] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { options: {}, problems: ['write them as {delimiter: ";", skip: 1}.'] };
  }
  const options: { -readonly [K in keyof CsvOverrides]: CsvOverrides[K] } = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const k = key.toLowerCase();
    if (!OPTION_KEYS.includes(k)) {
      problems.push(`"${key}" is not an option; use ${OPTION_KEYS.join(', ')}.`);
    } else if (k === 'encoding') {
      const encoding = ENCODINGS[String(value).toLowerCase()];
      if (encoding) options.encoding = encoding;
      else problems.push(`encoding "${String(value)}" is not known; use utf-8, latin-1 or utf-16.`);
    } else if (k === 'delimiter') {
      const text = typeof value === 'string' ? (DELIMITER_NAMES[value.toLowerCase()] ?? value) : '';
      if (text.length === 1) options.delimiter = text;
      else problems.push('delimiter must be one character (quote it: ";"), or tab, comma, semicolon, pipe.');
    } else if (k === 'quote' || k === 'escape') {
      const text = value === null || value === 'none' ? '' : typeof value === 'string' ? value : null;
      if (text !== null && text.length <= 1) options[k] = text;
      else problems.push(`${k} must be one character, or "" for none.`);
    } else if (k === 'header') {
      if (typeof value === 'boolean') options.header = value;
      else problems.push('header must be true or false.');
    } else if (k === 'skip') {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) options.skip = value;
      else problems.push('skip must be a whole number of lines (0 or more).');
    }
  }
  return { options, problems };
}

export function formatCsvOverrides(options: CsvOverrides): string {
  const parts: string[] = [];
  if (options.encoding !== undefined) parts.push(`encoding: ${options.encoding}`);
  if (options.delimiter !== undefined) parts.push(`delimiter: ${options.delimiter === '\t' ? 'tab' : JSON.stringify(options.delimiter)}`);
  if (options.quote !== undefined) parts.push(`quote: ${JSON.stringify(options.quote)}`);
  if (options.escape !== undefined) parts.push(`escape: ${JSON.stringify(options.escape)}`);
  if (options.header !== undefined) parts.push(`header: ${options.header}`);
  if (options.skip !== undefined) parts.push(`skip: ${options.skip}`);
  return `{${parts.join(', ')}}`;
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
