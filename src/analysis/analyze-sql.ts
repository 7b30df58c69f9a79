/**
 * SQL cell → what it defines and what it reads, before anything runs.
 * Layers are DuckDB schemas, so a reference is any `schema.name` pair whose schema is
 * a layer (or another schema the notebook defines tables in).
 */
import { tokenizeSql, type Token } from './sql-tokens.ts';

export const LAYERS = ['bronze', 'silver', 'gold'] as const;
export type Layer = (typeof LAYERS)[number];

export interface SqlAnalysis {
  /** `schema.name`, lower case, of the table or view the cell creates; null for a query. */
  readonly defines: string | null;
  readonly definesKind: 'table' | 'view' | null;
  /**
   * Tables or views created after the first (`CREATE … silver.a …; CREATE … silver.b`). A
   * cell makes one table, so no cell can know to wait for these: analysis reports them.
   */
  readonly alsoDefines: readonly string[];
  /** Other notebook tables the cell reads, lower case, in order of first mention. */
  readonly references: readonly string[];
  /** `$name` parameters the cell uses. */
  readonly params: readonly string[];
  /** One statement that only reads (SELECT, WITH, FROM…): it may run alongside other reads. */
  readonly readOnly: boolean;
}

const READ_START = new Set(['select', 'with', 'from', 'values', 'table', 'pivot', 'unpivot', 'summarize', 'describe']);
/** Words that change something; a query holding one is not treated as read-only (`WITH … INSERT`). */
const WRITE_WORDS = new Set(['insert', 'update', 'delete', 'create', 'drop', 'alter', 'copy', 'attach', 'detach', 'set', 'reset', 'call', 'pragma', 'install', 'load', 'export', 'import', 'checkpoint', 'vacuum', 'use']);

export function analyzeSql(sql: string, schemas: ReadonlySet<string> = new Set(LAYERS)): SqlAnalysis {
  const tokens = tokenizeSql(sql);
  let defines: string | null = null;
  let definesKind: 'table' | 'view' | null = null;
  const alsoDefines: string[] = [];
  const references: string[] = [];
  const params: string[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'param' && !params.includes(token.text)) params.push(token.text);
    if (isWord(token, 'create')) {
      const target = readCreateTarget(tokens, i + 1);
      if (target) {
        if (defines === null) [defines, definesKind] = [target.name, target.kind];
        else if (target.name !== defines && !alsoDefines.includes(target.name)) alsoDefines.push(target.name);
        i = target.nextIndex - 1;
        continue;
      }
    }
    const name = qualifiedNameAt(tokens, i);
    if (name && schemas.has(name.schema)) {
      const qualified = `${name.schema}.${name.table}`;
      const own = qualified === defines || alsoDefines.includes(qualified);
      if (!own && !references.includes(qualified)) references.push(qualified);
      i = name.nextIndex - 1;
    }
  }
  const first = tokens.find((t) => t.kind !== 'symbol' || t.text !== '(');
  const statements = tokens.filter((t) => t.kind === 'symbol' && t.text === ';').length;
  const lastIsSemicolon = tokens.at(-1)?.kind === 'symbol' && tokens.at(-1)?.text === ';';
  const readOnly =
    first?.kind === 'word' &&
    READ_START.has(first.text.toLowerCase()) &&
    statements <= (lastIsSemicolon ? 1 : 0) &&
    !tokens.some((t) => t.kind === 'word' && WRITE_WORDS.has(t.text.toLowerCase()));
  return { defines, definesKind, alsoDefines, references, params, readOnly };
}

export function layerOf(qualifiedName: string | null): Layer | null {
  const schema = qualifiedName?.split('.')[0];
  return (LAYERS as readonly string[]).includes(schema ?? '') ? (schema as Layer) : null;
}

/** CREATE [OR REPLACE] [TEMP|TEMPORARY] TABLE|VIEW [IF NOT EXISTS] schema.name */
function readCreateTarget(
  tokens: Token[],
  from: number,
): { name: string; kind: 'table' | 'view'; nextIndex: number } | null {
  let i = from;
  if (isWord(tokens[i], 'or') && isWord(tokens[i + 1], 'replace')) i += 2;
  if (isWord(tokens[i], 'temp') || isWord(tokens[i], 'temporary')) i++;
  let kind: 'table' | 'view';
  if (isWord(tokens[i], 'table')) kind = 'table';
  else if (isWord(tokens[i], 'view')) kind = 'view';
  else return null;
  i++;
  if (isWord(tokens[i], 'if') && isWord(tokens[i + 1], 'not') && isWord(tokens[i + 2], 'exists')) i += 3;
  const name = qualifiedNameAt(tokens, i);
  if (!name) return null;
  return { name: `${name.schema}.${name.table}`, kind, nextIndex: name.nextIndex };
}

function qualifiedNameAt(
  tokens: Token[],
  i: number,
): { schema: string; table: string; nextIndex: number } | null {
  const a = tokens[i];
  const dot = tokens[i + 1];
  const b = tokens[i + 2];
  if (!isIdentifier(a) || dot?.kind !== 'symbol' || dot.text !== '.' || !isIdentifier(b)) return null;
  // `x.y` preceded by a dot is the tail of a longer name (catalog.schema.table or
  // schema.table.column); only the catalog form matters and it starts one token earlier.
  const before = tokens[i - 1];
  if (before?.kind === 'symbol' && before.text === '.') return null;
  return { schema: a!.text.toLowerCase(), table: b!.text.toLowerCase(), nextIndex: i + 3 };
}

function isIdentifier(token: Token | undefined): boolean {
  return token !== undefined && (token.kind === 'word' || token.kind === 'quoted');
}

function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === word;
}
