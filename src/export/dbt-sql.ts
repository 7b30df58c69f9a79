/**
 * The SQL of a dbt model from a notebook cell's: the `CREATE … AS` wrapper stripped (dbt
 * materialises), notebook tables turned into `{{ ref('…') }}`, and the `read_csv` call a
 * bronze source reads its files with.
 */
import type { CsvOverrides, TextEncoding } from '../engine/api.ts';
import { matchesFilePattern } from '../analysis/bronze-spec.ts';
import { tokenizeSql, type Token } from '../analysis/sql-tokens.ts';
import { quoteLiteral } from '../engine/sql-quote.ts';

/** `CREATE [OR REPLACE] [TEMP] TABLE|VIEW [IF NOT EXISTS] name AS <select>` → the select. */
export function selectOf(statement: string): { kind: 'table' | 'view'; body: string } | null {
  const tokens = tokenizeSql(statement);
  let i = 0;
  const word = (text: string) =>
    tokens[i]?.kind === 'word' && tokens[i]!.text.toLowerCase() === text;
  if (!word('create')) return null;
  i++;
  if (word('or')) i += 2;
  if (word('temp') || word('temporary')) i++;
  let kind: 'table' | 'view';
  if (word('table')) kind = 'table';
  else if (word('view')) kind = 'view';
  else return null;
  i++;
  if (word('if')) i += 3;
  // schema . name
  i += tokens[i + 1]?.text === '.' ? 3 : 1;
  if (!word('as')) return null;
  return { kind, body: statement.slice(tokens[i]!.end) };
}

/** Replaces notebook tables (`silver.sales`, `"silver"."sales"`) by `{{ ref('silver_sales') }}`. */
export function withRefs(
  sql: string,
  modelOf: ReadonlyMap<string, string>,
): { sql: string; refs: string[] } {
  const tokens = tokenizeSql(sql);
  const refs: string[] = [];
  let out = '';
  let at = 0;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, dot, b] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (!isName(a) || dot.text !== '.' || dot.kind !== 'symbol' || !isName(b)) continue;
    if (i > 0 && tokens[i - 1]!.kind === 'symbol' && tokens[i - 1]!.text === '.') continue; // db.schema.table: leave it
    const model = modelOf.get(`${a.text.toLowerCase()}.${b.text.toLowerCase()}`);
    if (!model) continue;
    out += sql.slice(at, a.start) + `{{ ref(${quoteLiteral(model)}) }}`;
    at = b.end;
    if (!refs.includes(model)) refs.push(model);
    i += 2;
  }
  return { sql: out + sql.slice(at), refs };
}

function isName(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'quoted';
}

/** The `read_csv(…)` a source reads the files with: every column as text, the file name kept. */
export function readCsvCall(
  patterns: readonly string[],
  dataPath: string,
  overrides: CsvOverrides,
  detected: TextEncoding | null,
): string {
  const paths = patterns.map((p) => quoteLiteral(`${dataPath}/${p}`));
  const options = [
    paths.length === 1 ? paths[0]! : `[${paths.join(', ')}]`,
    'all_varchar = true',
    'filename = true',
  ];
  if (paths.length > 1 || patterns.some((p) => /[*?]/.test(p)))
    options.push('union_by_name = true');
  const encoding = overrides.encoding ?? detected;
  if (encoding && encoding !== 'utf-8') options.push(`encoding = ${quoteLiteral(encoding)}`);
  if (overrides.delimiter !== undefined)
    options.push(`delim = ${quoteLiteral(overrides.delimiter)}`);
  if (overrides.quote !== undefined) options.push(`quote = ${quoteLiteral(overrides.quote)}`);
  if (overrides.escape !== undefined) options.push(`escape = ${quoteLiteral(overrides.escape)}`);
  if (overrides.header !== undefined) options.push(`header = ${overrides.header}`);
  if (overrides.skip !== undefined) options.push(`skip = ${overrides.skip}`);
  return `read_csv(${options.join(', ')})`;
}

/** The encoding every file matching the patterns was found in, when they agree. */
export function encodingOf(
  patterns: readonly string[],
  files: ReadonlyMap<string, TextEncoding> | undefined,
): TextEncoding | null {
  if (!files) return null;
  const found = new Set(
    [...files]
      .filter(([name]) => patterns.some((p) => matchesFilePattern(name, p)))
      .map(([, e]) => e),
  );
  return found.size === 1 ? [...found][0]! : null;
}

/** `silver.sales` → `silver_sales`: dbt model names are unique across folders. */
export function modelName(table: string): string {
  return snake(table.replace('.', '_'));
}

/** A name dbt accepts: lower case ASCII letters, digits and underscores. */
export function snake(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, '_$1');
}
