/**
 * A small SQL tokenizer: enough to find table names and statement boundaries without
 * being fooled by strings, quoted identifiers or comments. DuckDB's own parser
 * (json_serialize_sql) is not built into DuckDB-WASM, and analysis must run before
 * any engine is ready, so this stays pure and synchronous.
 */

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'symbol' | 'param';

export interface Token {
  readonly kind: TokenKind;
  /** Identifiers unquoted; words keep their case; strings without quotes. */
  readonly text: string;
  /** Offset of the token in the source, for error positions. */
  readonly start: number;
  readonly end: number;
}

export function tokenizeSql(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (ch === "'" || ((ch === 'E' || ch === 'e') && next === "'")) {
      const open = ch === "'" ? i : i + 1;
      const end = closeQuote(sql, open, "'");
      tokens.push({ kind: 'string', text: sql.slice(open + 1, end - 1).replace(/''/g, "'"), start: i, end });
      i = end;
    } else if (ch === '"') {
      const end = closeQuote(sql, i, '"');
      tokens.push({ kind: 'quoted', text: sql.slice(i + 1, end - 1).replace(/""/g, '"'), start: i, end });
      i = end;
    } else if (ch === '$' && next === '$') {
      const close = sql.indexOf('$$', i + 2);
      const end = close < 0 ? n : close + 2;
      tokens.push({ kind: 'string', text: sql.slice(i + 2, close < 0 ? n : close), start: i, end });
      i = end;
    } else if (ch === '$' && next !== undefined && /[A-Za-z_]/.test(next)) {
      const end = scan(sql, i + 1, /[A-Za-z0-9_]/);
      tokens.push({ kind: 'param', text: sql.slice(i + 1, end), start: i, end });
      i = end;
    } else if (/[A-Za-z_\u00C0-\uFFFF]/.test(ch)) {
      const end = scan(sql, i, /[A-Za-z0-9_$\u00C0-\uFFFF]/);
      tokens.push({ kind: 'word', text: sql.slice(i, end), start: i, end });
      i = end;
    } else if (/[0-9]/.test(ch)) {
      const end = scan(sql, i, /[0-9._eE]/);
      tokens.push({ kind: 'number', text: sql.slice(i, end), start: i, end });
      i = end;
    } else {
      tokens.push({ kind: 'symbol', text: ch, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/** Offsets [start, end) of each statement, split on top-level semicolons. */
export function splitStatements(sql: string): { start: number; end: number }[] {
  const statements: { start: number; end: number }[] = [];
  let start = -1;
  let end = -1;
  for (const token of tokenizeSql(sql)) {
    if (token.kind === 'symbol' && token.text === ';') {
      if (start >= 0) statements.push({ start, end });
      start = -1;
    } else {
      if (start < 0) start = token.start;
      end = token.end;
    }
  }
  if (start >= 0) statements.push({ start, end });
  return statements;
}

function closeQuote(sql: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

function scan(sql: string, from: number, allowed: RegExp): number {
  let i = from;
  while (i < sql.length && allowed.test(sql[i]!)) i++;
  return i;
}
