/**
 * What a silver cell did to its bronze rows. Counts come straight from the tables; the
 * rest replays the cell's own SQL on the bronze rows: its WHERE gives the rows it left
 * out, its dedup key (QUALIFY … PARTITION BY, or DISTINCT) the duplicates, and each output
 * column's expression, evaluated with TRY() next to the raw text it came from, the values
 * that failed to cast (non-empty text that came out null). Bronze text columns that look
 * like dates get a count of the forms they are written in, which is where a mix such as
 * `5/14/1965` and `04-08-1966` in one column becomes visible.
 */
import { tableFromIPC } from 'apache-arrow';
import type {
  CleanedColumnSummary,
  CleaningReport,
  CleaningRequest,
  DateFormatCount,
  RawColumnSummary,
  SourceFileSummary,
} from './api.ts';
import type { DuckSession } from './duck-session.ts';
import { describeColumns } from './describe.ts';
import { quoteIdent, quoteQualified } from './sql-quote.ts';
import { SOURCE_FILE_COLUMN } from './csv-prepare.ts';
import { sourceShape, type SelectShape } from '../analysis/select-shape.ts';
import { tokenizeSql } from '../analysis/sql-tokens.ts';

const EXAMPLES = 5;
const DATE_LIKE = String.raw`\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}`;

export async function cleaningReport(session: DuckSession, request: CleaningRequest): Promise<CleaningReport> {
  const started = performance.now();
  const { table, sources } = request;
  const count = async (sql: string) => Number(await first(session, sql));
  const tryCount = async (sql: string) => {
    try {
      return await count(sql);
    } catch {
      return null;
    }
  };

  let rowsIn = 0;
  for (const source of sources) rowsIn += await count(`SELECT count(*) FROM ${quoteQualified(source)}`);
  const rowsOut = await count(`SELECT count(*) FROM ${quoteQualified(table)}`);
  const notes: string[] = [];
  const afterColumns = await describeColumns(session, quoteQualified(table));
  const silverNulls = await nullCounts(session, table, afterColumns.map((c) => c.name));

  // Column-level detail needs one bronze source read directly, as the cell reads it.
  const source = sources.length === 1 ? sources[0]! : null;
  const shape = source ? sourceShape(request.sql) : null;
  const direct = shape !== null && source !== null && shape.from?.table === source && !shape.joins;
  if (!source) {
    notes.push(`${sources.join(' and ')}: ${fmt(rowsIn)} rows in, ${table}: ${fmt(rowsOut)} rows out.`);
    return {
      table, sources, rowsIn, rowsFiltered: null, key: null, distinctKeys: null, duplicatesRemoved: null, rowsOut,
      files: [], before: [], notes, elapsedMs: performance.now() - started,
      after: afterColumns.map((c) => ({ name: c.name, type: c.type, source: null, expression: null, nulls: silverNulls.get(c.name) ?? 0, failed: null, failedExamples: [] })),
    };
  }

  const sourceColumns = await describeColumns(session, quoteQualified(source));
  const rawColumns = sourceColumns.filter((c) => c.name !== SOURCE_FILE_COLUMN);
  const before = await rawSummaries(session, source, rawColumns.map((c) => c.name), rawColumns.map((c) => c.type));
  const files = rawColumns.length < sourceColumns.length ? await sourceFiles(session, source, rawColumns.map((c) => c.name)) : [];

  const fromClause = direct && shape!.from!.alias ? `${quoteQualified(source)} AS ${quoteIdent(shape!.from!.alias)}` : quoteQualified(source);
  const where = direct && shape!.where ? `WHERE (${shape!.where}\n)` : '';
  const kept = direct ? (where ? await tryCount(`SELECT count(*) FROM ${fromClause} ${where}`) : rowsIn) : null;
  const rowsFiltered = kept === null ? null : rowsIn - kept;

  let key: string[] | null = null;
  let distinctKeys: number | null = null;
  if (direct && kept !== null) {
    const keyExprs = dedupKey(shape!);
    if (keyExprs) {
      key = keyExprs.names;
      distinctKeys = await tryCount(`SELECT count(*) FROM (SELECT DISTINCT ${keyExprs.expressions.join(', ')} FROM ${fromClause} ${where}) AS k`);
    }
  }
  const duplicatesRemoved = kept !== null && distinctKeys !== null ? kept - distinctKeys : null;

  const after = direct
    ? await tracedColumns(session, shape!, afterColumns, silverNulls, rawColumns.map((c) => c.name), fromClause, where)
    : afterColumns.map((c) => ({ name: c.name, type: c.type, source: null, expression: null, nulls: silverNulls.get(c.name) ?? 0, failed: null, failedExamples: [] }));

  // The findings, most important first.
  for (const file of files) {
    if (file.identicalTo) {
      notes.push(`${file.file} holds exactly the same ${fmt(file.rows)} rows as ${file.identicalTo}: these rows were loaded twice.`);
    }
  }
  notes.push(`${source}: ${fmt(rowsIn)} rows in; ${table}: ${fmt(rowsOut)} rows out.`);
  if (rowsFiltered) notes.push(`${fmt(rowsFiltered)} rows left out by the WHERE condition (${shape!.where}).`);
  if (duplicatesRemoved) {
    notes.push(`${fmt(duplicatesRemoved)} duplicate rows removed: ${fmt(kept!)} rows, ${fmt(distinctKeys!)} distinct (${key!.join(', ')}).`);
  } else if (key && duplicatesRemoved === 0) {
    notes.push(`No duplicates: every (${key.join(', ')}) occurs once.`);
  }
  for (const column of before) {
    if (column.formats && column.formats.length > 1) {
      const forms = column.formats.map((f) => `${f.format} (${fmt(f.count)}, e.g. ${f.example})`).join(', ');
      notes.push(`${column.name} is written in ${column.formats.length} forms: ${forms}.`);
    }
    for (const f of column.formats ?? []) {
      if (f.ambiguous > 0 && f.ambiguous === f.count) {
        notes.push(`${column.name}: all ${fmt(f.count)} values like ${f.example} have day and month both 12 or less, so the value alone cannot say which comes first.`);
      }
    }
  }
  for (const column of after) {
    if (column.failed) {
      const examples = column.failedExamples.map((e) => `${e.value === '' ? '(blank)' : e.value} ×${fmt(e.count)}`).join(', ');
      notes.push(`${column.name}: ${fmt(column.failed)} non-empty ${column.source ?? ''} values became null (${examples}).`.replace('  ', ' '));
    }
  }
  return { table, sources, rowsIn, rowsFiltered, key, distinctKeys, duplicatesRemoved, rowsOut, files, before, after, notes, elapsedMs: performance.now() - started };
}

/** The dedup key as output names and the expressions that compute them from bronze. */
function dedupKey(shape: SelectShape): { names: string[]; expressions: string[] } | null {
  const byAlias = new Map(shape.items.filter((i) => i.alias).map((i) => [i.alias!.toLowerCase(), i.expression]));
  if (shape.partitionBy && shape.partitionBy.length > 0) {
    // Name each key part after the output column made by the same expression, if any.
    const byExpression = new Map(shape.items.filter((i) => i.alias).map((i) => [squash(i.expression), i.alias!]));
    return {
      names: shape.partitionBy.map((p) => byExpression.get(squash(p)) ?? containing(shape, p) ?? p),
      expressions: shape.partitionBy.map((p) => byAlias.get(unquote(p).toLowerCase()) ?? p),
    };
  }
  if (shape.distinct && shape.items.every((i) => !i.star)) {
    return { names: shape.items.map((i) => i.alias ?? i.expression), expressions: shape.items.map((i) => i.expression) };
  }
  return null;
}

async function tracedColumns(
  session: DuckSession,
  shape: SelectShape,
  columns: readonly { name: string; type: string }[],
  nulls: ReadonlyMap<string, number>,
  rawNames: readonly string[],
  fromClause: string,
  where: string,
): Promise<CleanedColumnSummary[]> {
  const raw = new Map(rawNames.map((n) => [n.toLowerCase(), n]));
  const byAlias = new Map(shape.items.filter((i) => i.alias).map((i) => [i.alias!.toLowerCase(), i.expression]));
  const passThrough = shape.items.some((i) => i.star);
  const traced = columns.map((c) => {
    const expression = byAlias.get(c.name.toLowerCase()) ?? (passThrough && raw.has(c.name.toLowerCase()) ? quoteIdent(c.name) : null);
    const mentioned = expression ? [...new Set(tokenizeSql(expression).filter((t) => t.kind === 'word' || t.kind === 'quoted').map((t) => raw.get(t.text.toLowerCase())).filter((n) => n !== undefined))] : [];
    return { column: c, expression, source: mentioned.length === 1 ? mentioned[0]! : null };
  });

  const checks = traced.map((t) =>
    t.source && t.expression
      ? `${nonEmpty(quoteIdent(t.source))} AND TRY(${t.expression}\n) IS NULL`
      : null,
  );
  const failed = new Map<number, number | null>();
  const combined = checks.map((c, i) => (c ? `count(*) FILTER (WHERE ${c}) AS "f_${i}"` : null)).filter((c) => c !== null);
  if (combined.length > 0) {
    try {
      const row = firstRow(await session.execute(`SELECT ${combined.join(', ')} FROM ${fromClause} ${where}`));
      checks.forEach((c, i) => c && failed.set(i, Number(row[`f_${i}`])));
    } catch {
      // One expression does not stand on its own (a window function, another table): ask one by one.
      for (const [i, c] of checks.entries()) {
        if (!c) continue;
        try {
          failed.set(i, Number(await first(session, `SELECT count(*) FROM ${fromClause} ${where ? `${where} AND` : 'WHERE'} ${c}`)));
        } catch {
          failed.set(i, null);
        }
      }
    }
  }

  const result: CleanedColumnSummary[] = [];
  for (const [i, t] of traced.entries()) {
    const f = failed.get(i) ?? null;
    let failedExamples: { value: string; count: number }[] = [];
    if (f && t.source) {
      const rows = tableFromIPC(
        await session.execute(
          `SELECT CAST(${quoteIdent(t.source)} AS VARCHAR) AS value, count(*) AS n FROM ${fromClause}
           ${where ? `${where} AND` : 'WHERE'} ${checks[i]}
           GROUP BY 1 ORDER BY n DESC, value LIMIT ${EXAMPLES}`,
        ),
      ).toArray();
      failedExamples = rows.map((r) => ({ value: String(r['value']), count: Number(r['n']) }));
    }
    result.push({
      name: t.column.name,
      type: t.column.type,
      source: t.source,
      expression: t.expression,
      nulls: nulls.get(t.column.name) ?? 0,
      failed: t.source ? f : null,
      failedExamples,
    });
  }
  return result;
}

async function nullCounts(session: DuckSession, table: string, names: readonly string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const row = firstRow(
    await session.execute(`SELECT ${names.map((n, i) => `count(*) - count(${quoteIdent(n)}) AS "n_${i}"`).join(', ')} FROM ${quoteQualified(table)}`),
  );
  return new Map(names.map((n, i) => [n, Number(row[`n_${i}`])]));
}

async function rawSummaries(session: DuckSession, source: string, names: readonly string[], types: readonly string[]): Promise<RawColumnSummary[]> {
  if (names.length === 0) return [];
  const parts = names.flatMap((n, i) => {
    const v = `trim(CAST(${quoteIdent(n)} AS VARCHAR))`;
    return [
      `count(*) FILTER (WHERE ${nonEmpty(quoteIdent(n))}) AS "ne_${i}"`,
      `count(*) FILTER (WHERE regexp_full_match(${v}, '${DATE_LIKE}')) AS "dl_${i}"`,
    ];
  });
  const row = firstRow(await session.execute(`SELECT count(*) AS "rows", ${parts.join(', ')} FROM ${quoteQualified(source)}`));
  const rows = Number(row['rows']);
  const summaries: RawColumnSummary[] = [];
  for (const [i, name] of names.entries()) {
    const filled = Number(row[`ne_${i}`]);
    const dateLike = Number(row[`dl_${i}`]);
    const formats = filled > 0 && dateLike * 2 >= filled ? await dateFormats(session, source, name) : null;
    summaries.push({ name, type: types[i]!, nonEmpty: filled, empty: rows - filled, formats });
  }
  return summaries;
}

/** How the values of a date-like text column are written: per form, with how many read either way. */
export async function dateFormats(session: DuckSession, source: string, column: string): Promise<DateFormatCount[]> {
  const rows = tableFromIPC(
    await session.execute(`
      WITH v AS (
        SELECT trim(CAST(${quoteIdent(column)} AS VARCHAR)) AS v FROM ${quoteQualified(source)}
        WHERE ${nonEmpty(quoteIdent(column))}
      ),
      s AS (
        SELECT v,
          CASE WHEN regexp_full_match(v, '\\d{4}-\\d{1,2}-\\d{1,2}') THEN 'ymd'
               WHEN regexp_full_match(v, '\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}') THEN 'xy'
               ELSE 'other' END AS shape,
          regexp_extract(v, '^\\d{1,2}([-/.])', 1) AS sep,
          TRY_CAST(regexp_extract(v, '^(\\d{1,2})[-/.]', 1) AS INTEGER) AS a,
          TRY_CAST(regexp_extract(v, '^\\d{1,2}[-/.](\\d{1,2})[-/.]', 1) AS INTEGER) AS b,
          regexp_matches(v, '^\\d[-/.]|^\\d{1,2}[-/.]\\d[-/.]') AS unpadded
        FROM v
      )
      SELECT shape, CASE WHEN shape = 'xy' THEN sep ELSE '' END AS sep, count(*) AS n,
        coalesce(min(v) FILTER (WHERE a > 12 OR b > 12), min(v)) AS example,
        count(*) FILTER (WHERE shape = 'xy' AND a > 12) AS day_first,
        count(*) FILTER (WHERE shape = 'xy' AND b > 12) AS month_first,
        count(*) FILTER (WHERE shape = 'xy' AND a <= 12 AND b <= 12) AS ambiguous,
        bool_or(unpadded) AS unpadded
      FROM s GROUP BY 1, 2 ORDER BY n DESC, 1, 2`),
  ).toArray();
  return rows.map((r) => ({
    format: formatLabel(String(r['shape']), String(r['sep']), Number(r['day_first']), Number(r['month_first']), Boolean(r['unpadded'])),
    count: Number(r['n']),
    example: String(r['example']),
    ambiguous: Number(r['ambiguous']),
  }));
}

export function formatLabel(shape: string, sep: string, dayFirst: number, monthFirst: number, unpadded: boolean): string {
  if (shape === 'ymd') return 'YYYY-MM-DD';
  if (shape !== 'xy') return 'other';
  const m = unpadded ? 'M' : 'MM';
  const d = unpadded ? 'D' : 'DD';
  const mdy = `${m}${sep}${d}${sep}YYYY`;
  const dmy = `${d}${sep}${m}${sep}YYYY`;
  if (dayFirst > 0 && monthFirst === 0) return dmy;
  if (monthFirst > 0 && dayFirst === 0) return mdy;
  if (monthFirst > 0 && dayFirst > 0) return `${mdy} and ${dmy} mixed`;
  return `${mdy} or ${dmy}`;
}

/** Rows per source file, and which files repeat another one row for row. */
async function sourceFiles(session: DuckSession, source: string, columns: readonly string[]): Promise<SourceFileSummary[]> {
  const file = quoteIdent(SOURCE_FILE_COLUMN);
  // A file's fingerprint: the sum of its rows' hashes, so the same rows in any order match.
  const fingerprint = columns.length > 0 ? `CAST(sum(CAST(hash(${columns.map(quoteIdent).join(', ')}) AS HUGEINT)) AS VARCHAR)` : `''`;
  const rows = tableFromIPC(
    await session.execute(`SELECT ${file} AS f, count(*) AS n, ${fingerprint} AS fp FROM ${quoteQualified(source)} GROUP BY 1 ORDER BY 1`),
  ).toArray();
  const seen = new Map<string, string>();
  // Originals before their copies: "X - Copy.csv" is the one that repeats "X.csv".
  const ordered = [...rows].sort((a, b) => Number(/copy/i.test(String(a['f']))) - Number(/copy/i.test(String(b['f']))) || String(a['f']).localeCompare(String(b['f'])));
  const identical = new Map<string, string>();
  for (const r of ordered) {
    const signature = `${r['n']}:${r['fp']}`;
    const earlier = seen.get(signature);
    if (earlier !== undefined) identical.set(String(r['f']), earlier);
    else seen.set(signature, String(r['f']));
  }
  return rows.map((r) => ({ file: String(r['f']), rows: Number(r['n']), identicalTo: identical.get(String(r['f'])) ?? null }));
}

function nonEmpty(ident: string): string {
  return `nullif(trim(CAST(${ident} AS VARCHAR)), '') IS NOT NULL`;
}

/** The one output column whose expression wraps `part` (`CAST(trim(x) AS INT)` wraps `trim(x)`). */
function containing(shape: SelectShape, part: string): string | null {
  const matches = shape.items.filter((i) => i.alias && squash(i.expression).includes(squash(part)));
  return matches.length === 1 ? matches[0]!.alias : null;
}

function squash(expression: string): string {
  return expression.replace(/\s+/g, '').toLowerCase();
}

function unquote(name: string): string {
  return name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}

async function first(session: DuckSession, sql: string): Promise<unknown> {
  const table = tableFromIPC(await session.execute(sql));
  return table.numRows > 0 ? table.getChildAt(0)?.get(0) : null;
}

function firstRow(bytes: Uint8Array): Record<string, unknown> {
  return (tableFromIPC(bytes).get(0)?.toJSON() as Record<string, unknown> | undefined) ?? {};
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
