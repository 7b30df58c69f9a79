/**
 * The shape of a silver cell's query, read from tokens: its output columns with the
 * expression that makes each, the table it reads, its WHERE condition and the key it
 * deduplicates on (`QUALIFY row_number() OVER (PARTITION BY …) = 1`, or `SELECT
 * DISTINCT`). Enough for the cleaning report to replay each expression on the bronze
 * rows; anything more unusual yields partial answers, never wrong ones.
 */
import { splitStatements, tokenizeSql, type Token } from './sql-tokens.ts';

export interface SelectItem {
  /** The output column name, when it can be told (`expr AS name`, a bare column). */
  readonly alias: string | null;
  /** The expression as written. */
  readonly expression: string;
  /** `*`, `t.*`, `* EXCLUDE (…)`, `COLUMNS(…)`: columns pass through by name. */
  readonly star: boolean;
}

export interface SelectShape {
  readonly distinct: boolean;
  readonly items: readonly SelectItem[];
  /** The first table in FROM, lower case, and its alias. */
  readonly from: { readonly table: string; readonly alias: string | null } | null;
  /** FROM has a join or several tables. */
  readonly joins: boolean;
  readonly where: string | null;
  /** Expressions in `QUALIFY row_number() OVER (PARTITION BY …)`. */
  readonly partitionBy: readonly string[] | null;
  /** `WITH name AS (body)` of the statement: name (lower case) → body. */
  readonly ctes: ReadonlyMap<string, string>;
}

const CLAUSE_END = new Set(['group', 'having', 'qualify', 'window', 'order', 'limit', 'offset', 'union', 'except', 'intersect']);
const NOT_ALIAS = new Set([
  'end', 'null', 'true', 'false', 'where', 'from', 'join', 'left', 'right', 'inner', 'outer', 'full', 'cross', 'natural',
  'on', 'using', 'positional', 'asof', 'anti', 'semi', 'lateral', ...CLAUSE_END,
]);

/** The shape of the main SELECT of the last statement in `sql`, or null when there is none. */
export function selectShape(sql: string): SelectShape | null {
  const statements = splitStatements(sql);
  const last = statements[statements.length - 1];
  if (!last) return null;
  const text = sql.slice(last.start, last.end);
  const tokens = tokenizeSql(text);
  const depths = depthsOf(tokens);

  // The main SELECT is the shallowest one (CTE bodies and subqueries sit deeper).
  let select = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (isWord(tokens[i], 'select') && (select < 0 || depths[i]! < depths[select]!)) select = i;
  }
  if (select < 0) return null;
  const depth = depths[select]!;
  const atDepth = (i: number) => depths[i] === depth;
  const find = (from: number, test: (t: Token) => boolean) => {
    for (let i = from; i < tokens.length; i++) {
      if (atDepth(i) && test(tokens[i]!)) return i;
      if (depths[i]! < depth) return -1; // the enclosing parenthesis closed
    }
    return -1;
  };
  const end = (() => {
    for (let i = select; i < tokens.length; i++) if (depths[i]! < depth) return i;
    return tokens.length;
  })();

  let listStart = select + 1;
  let distinct = false;
  if (isWord(tokens[listStart], 'distinct')) {
    distinct = true;
    listStart++;
    if (isWord(tokens[listStart], 'on')) return null; // DISTINCT ON: keep it simple, report counts only
  } else if (isWord(tokens[listStart], 'all')) listStart++;

  const fromAt = find(listStart, (t) => isWord(t, 'from'));
  const listEnd = fromAt < 0 ? end : fromAt;
  const items = splitAt(tokens, depths, depth, listStart, listEnd).map((range) => item(text, tokens, range));

  let from: SelectShape['from'] = null;
  let joins = false;
  let where: string | null = null;
  let partitionBy: string[] | null = null;
  if (fromAt >= 0) {
    const whereAt = find(fromAt + 1, (t) => isWord(t, 'where'));
    const clauseAt = find(fromAt + 1, (t) => t.kind === 'word' && CLAUSE_END.has(t.text.toLowerCase()));
    const fromEnd = [whereAt, clauseAt, end].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b));
    from = fromItem(tokens, fromAt + 1, fromEnd);
    for (let i = fromAt + 1; i < fromEnd; i++) {
      if (atDepth(i) && (isWord(tokens[i], 'join') || (tokens[i]!.kind === 'symbol' && tokens[i]!.text === ','))) joins = true;
    }
    if (whereAt >= 0) {
      const whereEnd = find(whereAt + 1, (t) => t.kind === 'word' && CLAUSE_END.has(t.text.toLowerCase()));
      const stop = whereEnd >= 0 ? whereEnd : end;
      if (stop > whereAt + 1) where = text.slice(tokens[whereAt + 1]!.start, tokens[stop - 1]!.end);
    }
    const qualifyAt = find(fromAt + 1, (t) => isWord(t, 'qualify'));
    if (qualifyAt >= 0) partitionBy = partitionOf(text, tokens, depths, qualifyAt);
  }
  return { distinct, items, from, joins, where, partitionBy, ctes: ctesOf(text, tokens, depths, depth, select) };
}

/**
 * The shape as seen from the table the query really reads: when the main SELECT reads a
 * CTE that only filters or deduplicates a table (`lines AS (SELECT * FROM bronze.sales
 * QUALIFY …)`), its table, condition and key become the query's own. The CTE's name is
 * kept as the table's alias so `lines.col` still resolves.
 */
export function sourceShape(sql: string): SelectShape | null {
  const shape = selectShape(sql);
  const name = shape?.from?.table;
  if (!shape || !name || name.includes('.') || !shape.ctes.has(name)) return shape;
  const inner = selectShape(shape.ctes.get(name)!);
  if (!inner?.from || !inner.from.table.includes('.') || inner.joins || inner.distinct || !inner.items.every((i) => i.star)) return shape;
  const where = [inner.where, shape.where].filter((w) => w !== null).map((w) => `(${w})`);
  return {
    ...shape,
    from: { table: inner.from.table, alias: shape.from!.alias ?? name },
    where: where.length === 0 ? null : where.join(' AND '),
    partitionBy: shape.partitionBy ?? inner.partitionBy,
  };
}

/** `WITH a AS (…), b(x, y) AS MATERIALIZED (…)` before the main SELECT → name → body. */
function ctesOf(text: string, tokens: readonly Token[], depths: readonly number[], depth: number, select: number): Map<string, string> {
  const ctes = new Map<string, string>();
  const withAt = tokens.findIndex((t, i) => i < select && depths[i] === depth && isWord(t, 'with'));
  if (withAt < 0) return ctes;
  let i = withAt + 1;
  if (isWord(tokens[i], 'recursive')) i++;
  while (i < select) {
    const name = tokens[i];
    if (!isIdentifier(name)) break;
    i++;
    if (tokens[i]?.text === '(' && depths[i] === depth) i = closeOf(depths, i, depth) + 1; // column list
    if (!isWord(tokens[i], 'as')) break;
    i++;
    while (isWord(tokens[i], 'not') || isWord(tokens[i], 'materialized')) i++;
    if (tokens[i]?.text !== '(') break;
    const close = closeOf(depths, i, depth);
    if (close > i + 1) ctes.set(name.text.toLowerCase(), text.slice(tokens[i + 1]!.start, tokens[close - 1]!.end));
    i = close + 1;
    if (tokens[i]?.text === ',') i++;
  }
  return ctes;
}

/** The index of the `)` closing the `(` at `open`. */
function closeOf(depths: readonly number[], open: number, depth: number): number {
  for (let i = open + 1; i < depths.length; i++) if (depths[i] === depth) return i;
  return depths.length - 1;
}

function item(text: string, tokens: readonly Token[], [start, end]: [number, number]): SelectItem {
  const first = tokens[start]!;
  const last = tokens[end - 1]!;
  const whole = text.slice(first.start, last.end);
  const words = tokens.slice(start, end);
  const star =
    words.some((t) => t.kind === 'symbol' && t.text === '*' && (words.length === 1 || isStarPosition(words, t))) ||
    isWord(first, 'columns');
  if (star) return { alias: null, expression: whole, star: true };
  const n = end - start;
  if (n >= 3 && isWord(tokens[end - 2], 'as') && isIdentifier(last)) {
    return { alias: last.text, expression: text.slice(first.start, tokens[end - 3]!.end), star: false };
  }
  if (n === 1 && isIdentifier(first)) return { alias: first.text, expression: whole, star: false };
  if (n === 3 && isIdentifier(first) && tokens[start + 1]!.text === '.' && isIdentifier(last)) {
    return { alias: last.text, expression: whole, star: false };
  }
  // `expr alias` without AS: the last token is a name that no expression can end with.
  const before = tokens[end - 2];
  if (n >= 2 && isIdentifier(last) && !NOT_ALIAS.has(last.text.toLowerCase()) && before && before.text !== '.' && !isOperator(before)) {
    return { alias: last.text, expression: text.slice(first.start, before.end), star: false };
  }
  return { alias: null, expression: whole, star: false };
}

/** `*` right after SELECT/comma, or `t.*`. Not the `*` of `a * b`. */
function isStarPosition(words: readonly Token[], star: Token): boolean {
  const i = words.indexOf(star);
  return i === 0 || (i === 2 && words[1]!.text === '.');
}

function fromItem(tokens: readonly Token[], start: number, end: number): SelectShape['from'] {
  const a = tokens[start];
  const dot = tokens[start + 1];
  const b = tokens[start + 2];
  if (!isIdentifier(a)) return null;
  const qualified = dot?.text === '.' && isIdentifier(b);
  let i = start + (qualified ? 3 : 1);
  if (!qualified && tokens[i]?.text === '(') return null; // a table function such as read_csv(…)
  if (isWord(tokens[i], 'as')) i++;
  const aliasToken = i < end ? tokens[i] : undefined;
  const alias = aliasToken && isIdentifier(aliasToken) && !NOT_ALIAS.has(aliasToken.text.toLowerCase()) ? aliasToken.text : null;
  return { table: (qualified ? `${a.text}.${b!.text}` : a.text).toLowerCase(), alias };
}

/** QUALIFY row_number() OVER (PARTITION BY a, b ORDER BY …) → ['a', 'b']. */
function partitionOf(text: string, tokens: readonly Token[], depths: readonly number[], qualifyAt: number): string[] | null {
  for (let i = qualifyAt; i < tokens.length - 1; i++) {
    if (isWord(tokens[i], 'partition') && isWord(tokens[i + 1], 'by')) {
      const depth = depths[i]!;
      let end = i + 2;
      while (end < tokens.length && depths[end]! >= depth && !(depths[end] === depth && isWord(tokens[end], 'order'))) end++;
      return splitAt(tokens, depths, depth, i + 2, end).map(([s, e]) => text.slice(tokens[s]!.start, tokens[e - 1]!.end));
    }
  }
  return null;
}

/** Token ranges between top-level commas, at `depth`, within [start, end). */
function splitAt(tokens: readonly Token[], depths: readonly number[], depth: number, start: number, end: number): [number, number][] {
  const ranges: [number, number][] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (depths[i] === depth && tokens[i]!.kind === 'symbol' && tokens[i]!.text === ',') {
      if (i > from) ranges.push([from, i]);
      from = i + 1;
    }
  }
  if (end > from) ranges.push([from, end]);
  return ranges;
}

/** Parenthesis depth of each token; a closing parenthesis has the depth outside it. */
function depthsOf(tokens: readonly Token[]): number[] {
  let depth = 0;
  return tokens.map((t) => {
    if (t.kind === 'symbol' && t.text === '(') return depth++;
    if (t.kind === 'symbol' && t.text === ')') return --depth;
    return depth;
  });
}

function isOperator(token: Token): boolean {
  return token.kind === 'symbol' && token.text !== ')';
}

function isIdentifier(token: Token | undefined): token is Token {
  return token !== undefined && (token.kind === 'word' || token.kind === 'quoted');
}

function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === word;
}
