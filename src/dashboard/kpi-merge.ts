/**
 * KPI cards often read the same rows: `SELECT sum(revenue) FROM gold.filtered_sales`,
 * `SELECT count(DISTINCT order_number) FROM gold.filtered_sales`, … Asked as one query
 * (`SELECT sum(revenue), count(DISTINCT order_number) FROM gold.filtered_sales`) DuckDB
 * reads and filters those rows once. On DuckDB-WASM the scan costs most of each card's
 * time (five cards of the Customer 360 dashboard: 19 ms apart, 6 ms together), so the
 * runtime asks cards that share everything from FROM on together.
 *
 * Only the plain shape is merged: one statement `SELECT <one expression> FROM …` with at
 * most a WHERE, no grouping, ordering, limit, set operation or CTE. Anything else runs
 * on its own, as written.
 */
import { splitStatements, tokenizeSql, type Token } from '../analysis/sql-tokens.ts';

export interface KpiQuery {
  readonly id: string;
  readonly sql: string;
}

export interface MergedKpiQuery {
  /** The cards answered, in the order of the merged query's columns. */
  readonly ids: readonly string[];
  readonly sql: string;
}

/** Words that end a SELECT's FROM … WHERE part: a query using one is not merged. */
const NOT_MERGED = new Set([
  'group', 'having', 'qualify', 'window', 'order', 'limit', 'offset', 'union', 'except', 'intersect', 'sample', 'tablesample',
]);
/** Words that may end an expression (other trailing words may be a bare alias). */
const ENDS_EXPRESSION = new Set(['end', 'null', 'true', 'false']);

/** Groups of two or more cards whose queries can be one; cards in no group run alone. */
export function mergeKpiQueries(queries: readonly KpiQuery[]): MergedKpiQuery[] {
  const groups = new Map<string, { ids: string[]; expressions: string[]; from: string }>();
  for (const query of queries) {
    const parts = kpiQueryParts(query.sql);
    if (parts === null) continue;
    const group = groups.get(parts.key) ?? { ids: [], expressions: [], from: parts.from };
    group.ids.push(query.id);
    group.expressions.push(parts.expression);
    groups.set(parts.key, group);
  }
  return [...groups.values()]
    .filter((group) => group.ids.length > 1)
    .map((group) => ({
      ids: group.ids,
      sql: `SELECT\n${group.expressions.map((e, i) => `  (${e}) AS kpi_${i}`).join(',\n')}\n${group.from}`,
    }));
}

interface KpiQueryParts {
  /** The one selected expression, without its alias. */
  readonly expression: string;
  /** `FROM …` to the end, as written. */
  readonly from: string;
  /** The FROM part's tokens, so spacing and comments do not keep two cards apart. */
  readonly key: string;
}

function kpiQueryParts(sql: string): KpiQueryParts | null {
  const statements = splitStatements(sql);
  if (statements.length !== 1) return null;
  const text = sql.slice(statements[0]!.start, statements[0]!.end);
  const tokens = tokenizeSql(text);
  const depths = depthsOf(tokens);
  if (depths.some((d) => d < 0) || depths.length === 0) return null; // unbalanced parentheses
  if (!isWord(tokens[0], 'select') || isWord(tokens[1], 'distinct') || isWord(tokens[1], 'all')) return null;
  const top = (i: number) => depths[i] === 0;
  const from = tokens.findIndex((t, i) => top(i) && isWord(t, 'from'));
  if (from < 2) return null;
  let expressionEnd = from;
  // `expr AS name`: the merged query names its columns itself.
  if (from >= 4 && top(from - 2) && isWord(tokens[from - 2], 'as')) expressionEnd = from - 2;
  const expression = tokens.slice(1, expressionEnd);
  const topLevel = expression.filter((_, i) => top(i + 1));
  if (topLevel.some((t) => t.kind === 'symbol' && t.text === ',')) return null; // several columns
  if (topLevel.some((t) => isWord(t, 'columns') || isWord(t, 'exclude') || isWord(t, 'replace'))) return null;
  const last = expression[expression.length - 1]!;
  if (last.kind === 'symbol' && last.text === '*') return null; // `*`, `t.*`
  if ((last.kind === 'word' && !ENDS_EXPRESSION.has(last.text.toLowerCase())) || last.kind === 'quoted') {
    return null; // maybe a bare alias (`sum(x) total`); a column alone is cheap anyway
  }
  const rest = tokens.slice(from);
  if (rest.some((t, i) => top(from + i) && t.kind === 'word' && NOT_MERGED.has(t.text.toLowerCase()))) return null;
  return {
    expression: text.slice(expression[0]!.start, last.end),
    from: text.slice(tokens[from]!.start),
    key: rest.map((t) => `${t.kind}:${t.kind === 'word' ? t.text.toLowerCase() : t.text}`).join(' '),
  };
}

/** Parenthesis depth before each token (a closing parenthesis belongs to the outer level). */
function depthsOf(tokens: readonly Token[]): number[] {
  let depth = 0;
  return tokens.map((t) => {
    if (t.kind === 'symbol' && t.text === ')') depth--;
    const at = depth;
    if (t.kind === 'symbol' && t.text === '(') depth++;
    return at;
  });
}

function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === word;
}
