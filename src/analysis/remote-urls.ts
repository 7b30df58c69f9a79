/**
 * What a cell would fetch from the network, found before it runs: URLs in SQL string
 * literals and quoted identifiers (`read_csv('https://…')`, `FROM "s3://…"`, `ATTACH
 * 'hf://…'`), extension installs (`INSTALL spatial` downloads from extensions.duckdb.org),
 * settings that turn extension downloads back on, and URLs in a spec cell's text. The
 * runtime refuses to run such a cell until the person allows network access.
 *
 * Pure and conservative: a URL in a YAML title counts too (the person can allow it). It
 * cannot see a URL built at run time (`'https' || '://…'`); that is for the engine's own
 * guard (see the report on issue 5).
 */
import type { Cell } from '../notebook/types.ts';
import type { ParamValue } from './params.ts';
import { tokenizeSql, type Token } from './sql-tokens.ts';

/** Schemes DuckDB (or one of its extensions) reads over the network. */
const SCHEMES = [
  'https?',
  's3[an]?',
  'gcs',
  'gs',
  'r2',
  'az',
  'azure',
  'abfss?',
  'hf',
  'ftp',
  'wss?',
];
const URL_START = new RegExp(`^\\s*(?:${SCHEMES.join('|')})://`, 'i');
const URL_IN_TEXT = new RegExp(`\\b(?:${SCHEMES.join('|')})://[^\\s'"\`<>()\\[\\]{},;]*`, 'gi');
/** Settings that would let DuckDB download extensions again, or from elsewhere. */
const NETWORK_SETTINGS = new Set([
  'autoinstall_known_extensions',
  'autoload_known_extensions',
  'custom_extension_repository',
  'autoinstall_extension_repository',
  'builtin_httpfs',
]);

/** Everything a SQL text would fetch, in order of first mention, each once. */
export function remoteUrlsInSql(sql: string): string[] {
  const tokens = tokenizeSql(sql);
  const found: string[] = [];
  const add = (what: string) => {
    if (!found.includes(what)) found.push(what);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if ((token.kind === 'string' || token.kind === 'quoted') && URL_START.test(token.text))
      add(token.text.trim());
    if (isWord(token, 'install') && !isWord(tokens[i - 1], 'force')) {
      add(extensionDownload(tokens, i + 1));
    } else if (isWord(token, 'force') && isWord(tokens[i + 1], 'install')) {
      add(extensionDownload(tokens, i + 2));
    } else if (
      (isWord(token, 'set') || isWord(token, 'reset') || isWord(token, 'pragma')) &&
      statementStart(tokens, i)
    ) {
      let at = i + 1;
      if (
        isWord(tokens[at], 'global') ||
        isWord(tokens[at], 'session') ||
        isWord(tokens[at], 'local')
      )
        at++;
      const name = tokens[at]?.text.toLowerCase();
      if (name && NETWORK_SETTINGS.has(name)) add(`the setting ${name} (extension downloads)`);
    }
  }
  return found;
}

/** URLs anywhere in a text (spec cells: YAML with SQL inside), each once. */
export function remoteUrlsInText(text: string): string[] {
  return [...new Set(text.match(URL_IN_TEXT) ?? [])];
}

/** What a cell would fetch: SQL cells by their tokens, other code cells by their text. */
export function remoteUrlsOfCell(cell: Cell): string[] {
  if (cell.kind === 'markdown') return [];
  // Asked for every cell on every redraw (the network banner): a cell's text does not
  // change without a new cell object, so tokenizing it once is enough.
  let urls = urlsByCell.get(cell);
  if (!urls) {
    urls = cell.kind === 'sql' ? remoteUrlsInSql(cell.source) : remoteUrlsInText(cell.source);
    urlsByCell.set(cell, urls);
  }
  return [...urls];
}

const urlsByCell = new WeakMap<Cell, string[]>();

/**
 * URLs among parameter values: a link carries input values, so `read_csv($src)` with
 * `src = 'https://…'` fetches as surely as a literal would.
 */
export function remoteUrlsInValues(values: Iterable<ParamValue>): string[] {
  const found: string[] = [];
  for (const value of values) {
    const texts =
      typeof value === 'string'
        ? [value]
        : Array.isArray(value)
          ? (value as readonly string[])
          : [];
    for (const text of texts)
      if (URL_START.test(text) && !found.includes(text.trim())) found.push(text.trim());
  }
  return found;
}

/** One sentence for the cell's state: what it would fetch and how to let it. */
export function networkRefusal(urls: readonly string[]): string {
  const shown =
    urls.slice(0, 3).join(', ') + (urls.length > 3 ? ` and ${urls.length - 3} more` : '');
  return (
    `Not run: it reads ${shown} from the network, and network access is off for this notebook. ` +
    'If you trust where it points, choose "Allow network access" at the top of the notebook, then run it again.'
  );
}

function extensionDownload(tokens: readonly Token[], at: number): string {
  const name = tokens[at]?.text ?? 'an extension';
  return `extension ${name} (downloaded from extensions.duckdb.org)`;
}

function isWord(token: Token | undefined, word: string): boolean {
  return token !== undefined && token.kind === 'word' && token.text.toLowerCase() === word;
}

/** True when token `i` starts a statement (first token, or right after a `;`). */
function statementStart(tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  return previous === undefined || (previous.kind === 'symbol' && previous.text === ';');
}
