/**
 * Column profiles of any relation in at most three scans, whatever its width:
 * 1. aggregates for every column: non-null count, approximate distinct count (HyperLogLog),
 *    min, max, and numeric bounds;
 * 2. exact distinct counts wherever they are cheap (up to 100,000 values, or a small relation);
 * 3. one UNION ALL of small GROUP BYs: top values, and bins of numbers and dates (bins from
 *    the bounds found in 1).
 * A near-unique column on a large relation gets no top values (each would count 1) and an
 * approximate distinct count; everything else is exact. Values cross as exact text:
 * decimals keep their scale, dates are ISO. About 1 s for 9 columns × 1M rows in Node.
 */
import { tableFromIPC } from 'apache-arrow';
import type { ColumnInfo, ColumnProfile, HistogramBin, ProfileKind, RelationProfile } from './api.ts';
import type { DuckSession } from './duck-session.ts';
import { describeColumns } from './describe.ts';
import { quoteIdent } from './sql-quote.ts';

const TOP = 5;
const BINS = 10;
const DAY_MS = 86_400_000;
/** Up to this many distinct values, counting them exactly is cheap. */
const EXACT_DISTINCT = 100_000;
/** Relations up to this size get exact distinct counts and top values for every column. */
const SMALL_RELATION = 50_000;

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const NUMBER = /^(FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;
const TEXT_LIKE = /^(VARCHAR|UUID|TIME|TIME WITH TIME ZONE|INTERVAL|BLOB|BIT|ENUM\(.*\))$/s;

export function profileKind(type: string): ProfileKind {
  const t = type.toUpperCase();
  if (INTEGER.test(t) || NUMBER.test(t)) return 'number';
  if (t === 'DATE' || t.startsWith('TIMESTAMP')) return 'date';
  if (t === 'BOOLEAN') return 'boolean';
  // Single values that are not numbers or dates are profiled as text: counted, ranged, listed.
  if (TEXT_LIKE.test(t)) return 'text';
  return 'other';
}

interface Plan {
  readonly column: ColumnInfo;
  readonly kind: ProfileKind;
  readonly ident: string;
  /** The value as a number for bins: itself, or days since 1970 for a date (seconds for a timestamp). */
  readonly numeric: string | null;
  /** Whether bins should fall on whole numbers (integers, days). */
  readonly whole: boolean;
  readonly timestamp: boolean;
}

type Layout = { lo: number; width: number; bins: number };

export async function profileRelation(session: DuckSession, relation: string): Promise<RelationProfile> {
  const started = performance.now();
  const plans: Plan[] = (await describeColumns(session, relation)).map((column) => {
    const kind = profileKind(column.type);
    const ident = quoteIdent(column.name);
    const timestamp = kind === 'date' && column.type.toUpperCase() !== 'DATE';
    const numeric =
      kind === 'number' ? `CAST(${ident} AS DOUBLE)`
      : kind === 'date' ? (timestamp ? `epoch(${ident})` : `CAST(date_diff('day', DATE '1970-01-01', ${ident}) AS DOUBLE)`)
      : null;
    return { column, kind, ident, numeric, whole: INTEGER.test(column.type.toUpperCase()) || (kind === 'date' && !timestamp), timestamp };
  });

  // 1. One scan of aggregates for every column.
  const aggregates = ['count(*) AS "rows"'];
  plans.forEach((p, i) => {
    aggregates.push(`count(${p.ident}) AS "nn_${i}"`);
    if (p.kind === 'other') return; // lists, structs, maps, unions: counts only
    aggregates.push(`approx_count_distinct(${p.ident}) AS "ad_${i}"`);
    aggregates.push(`CAST(min(${p.ident}) AS VARCHAR) AS "min_${i}"`, `CAST(max(${p.ident}) AS VARCHAR) AS "max_${i}"`);
    if (p.numeric) aggregates.push(`min(${p.numeric}) AS "lo_${i}"`, `max(${p.numeric}) AS "hi_${i}"`);
  });
  const stats = row(await session.execute(`SELECT ${aggregates.join(', ')} FROM ${relation}`));
  const rows = Number(stats['rows'] ?? 0);
  const small = rows <= SMALL_RELATION;
  const approx = (i: number) => Number(stats[`ad_${i}`] ?? 0);
  const nonNull = (i: number) => Number(stats[`nn_${i}`] ?? 0);

  // 2. Exact distinct counts wherever they are cheap.
  const distinct = new Map<number, { count: number; approximate: boolean }>();
  const exact = plans.flatMap((p, i) =>
    p.kind !== 'other' && rows > 0 && (small || approx(i) <= EXACT_DISTINCT) ? [`count(DISTINCT ${p.ident}) AS "d_${i}"`] : [],
  );
  const counted = exact.length > 0 ? row(await session.execute(`SELECT ${exact.join(', ')} FROM ${relation}`)) : {};
  plans.forEach((p, i) => {
    if (p.kind === 'other') return;
    distinct.set(i, `d_${i}` in counted ? { count: Number(counted[`d_${i}`]), approximate: false } : { count: Math.min(approx(i), nonNull(i)), approximate: true });
  });

  // 3. Top values (unless nearly every value differs) and histogram bins: a GROUP BY each, in one query.
  const layouts = new Map<number, Layout>();
  const parts: string[] = [];
  plans.forEach((p, i) => {
    if (p.kind === 'other' || rows === 0) return;
    if (small || distinct.get(i)!.count <= nonNull(i) / 2) {
      parts.push(`(SELECT 'top' AS part, ${i} AS i, CAST(v AS VARCHAR) AS value, n FROM (
         SELECT ${p.ident} AS v, count(*) AS n FROM ${relation} WHERE ${p.ident} IS NOT NULL
         GROUP BY 1 ORDER BY n DESC, v LIMIT ${TOP}))`);
    }
    const lo = numberOrNull(stats[`lo_${i}`]);
    const hi = numberOrNull(stats[`hi_${i}`]);
    if (p.numeric && lo !== null && hi !== null) {
      const layout = binLayout(lo, hi, p.whole);
      layouts.set(i, layout);
      parts.push(`(SELECT 'bin' AS part, ${i} AS i, CAST(least(${layout.bins - 1}, CAST(floor((${p.numeric} - ${lo}) / ${layout.width}) AS INTEGER)) AS VARCHAR) AS value, count(*) AS n
         FROM ${relation} WHERE ${p.ident} IS NOT NULL GROUP BY 3)`);
    }
  });
  const top = new Map<number, { value: string; count: number }[]>();
  const binCounts = new Map<number, number[]>();
  if (parts.length > 0) {
    for (const r of tableFromIPC(await session.execute(parts.join('\nUNION ALL\n'))).toArray()) {
      const i = Number(r['i']);
      if (r['part'] === 'top') {
        const list = top.get(i) ?? [];
        list.push({ value: String(r['value']), count: Number(r['n']) });
        top.set(i, list);
      } else {
        const counts = binCounts.get(i) ?? new Array<number>(layouts.get(i)!.bins).fill(0);
        counts[Number(r['value'])] = Number(r['n']);
        binCounts.set(i, counts);
      }
    }
    for (const list of top.values()) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }

  const columns: ColumnProfile[] = plans.map((p, i) => {
    const layout = layouts.get(i);
    const counts = binCounts.get(i) ?? [];
    return {
      name: p.column.name,
      type: p.column.type,
      kind: p.kind,
      rows,
      nulls: rows - nonNull(i),
      nullShare: rows === 0 ? 0 : (rows - nonNull(i)) / rows,
      distinct: distinct.get(i)?.count ?? 0,
      distinctApproximate: distinct.get(i)?.approximate ?? false,
      min: textOrNull(stats[`min_${i}`]),
      max: textOrNull(stats[`max_${i}`]),
      top: top.get(i) ?? [],
      histogram: layout ? bins(layout, counts, p) : p.numeric ? [] : null,
    };
  });
  return { relation, rows, columns, elapsedMs: performance.now() - started };
}

/**
 * Equal-width bins: 10, or one per value when whole numbers (integers, days) span fewer
 * than 10 values; whole-number bins have whole widths so labels read `10 – 19`.
 */
export function binLayout(lo: number, hi: number, whole: boolean): { lo: number; width: number; bins: number } {
  if (whole) {
    const span = hi - lo + 1;
    const width = Math.max(1, Math.ceil(span / BINS));
    return { lo, width, bins: Math.ceil(span / width) };
  }
  if (hi === lo) return { lo, width: 1, bins: 1 };
  return { lo, width: (hi - lo) / BINS, bins: BINS };
}

function bins(layout: { lo: number; width: number; bins: number }, counts: readonly number[], plan: Plan): HistogramBin[] {
  const result: HistogramBin[] = [];
  for (let b = 0; b < layout.bins; b++) {
    const from = layout.lo + b * layout.width;
    const to = layout.lo + (b + 1) * layout.width;
    result.push({ ...binBounds(from, to, plan), count: counts[b] ?? 0 });
  }
  return result;
}

function binBounds(from: number, to: number, plan: Plan): { from: number; to: number; label: string } {
  if (plan.kind === 'date') {
    const scale = plan.timestamp ? 1000 : DAY_MS;
    const fromMs = from * scale;
    const toMs = to * scale;
    const day = (ms: number) => new Date(ms).toISOString().slice(0, plan.timestamp ? 16 : 10).replace('T', ' ');
    const label = plan.whole && to - from === 1 ? day(fromMs) : `${day(fromMs)} – ${day(plan.whole ? toMs - DAY_MS : toMs)}`;
    return { from: fromMs, to: toMs, label };
  }
  if (plan.whole) {
    return { from, to, label: to - from === 1 ? String(from) : `${from} – ${to - 1}` };
  }
  return { from, to, label: `${short(from)} – ${short(to)}` };
}

function short(value: number): string {
  return Number(value.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 4 });
}

function row(bytes: Uint8Array): Record<string, unknown> {
  const table = tableFromIPC(bytes);
  return (table.get(0)?.toJSON() as Record<string, unknown> | undefined) ?? {};
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
