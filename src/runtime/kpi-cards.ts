/**
 * Running KPI cards. A card's value is one query; with `compare:` and a period selected,
 * its previous-period value is the same query with the period's variable stepped back
 * (views read variables when queried). Cards reading the same rows are asked in one
 * query (dashboard/kpi-merge.ts), current period and previous period alike.
 */
import { DataType, type Table } from 'apache-arrow';
import type { EngineApi } from '../engine/api.ts';
import type { Cell } from '../notebook/types.ts';
import { bindParams, isDateRange, setVariableSql, type ParamValue } from '../analysis/params.ts';
import { kpiSpec } from '../dashboard/spec-cache.ts';
import { mergeKpiQueries } from '../dashboard/kpi-merge.ts';
import { valueToDecimalText } from '../dashboard/decimal-text.ts';
import { cellText, decodeIpc } from '../client/arrow-decode.ts';
import type { KpiResult } from './cell-state.ts';

type Params = ReadonlyMap<string, ParamValue>;

/** One card: its value and, when a period is selected, the previous period's. */
export async function runKpiCard(engine: EngineApi, cell: Cell, params: Params): Promise<KpiResult> {
  const value = await kpiValues(engine, [cell], params).get(cell.id)!;
  const previous = (await previousKpiValues(engine, [cell], params)).get(cell.id);
  return { value, previous: previous ? await previous : null };
}

/**
 * The cards' values for the parameters' current values, by cell id. A merged query that
 * fails is retried card by card, so each card shows its own error.
 */
export function kpiValues(engine: EngineApi, cells: readonly Cell[], params: Params): Map<string, Promise<string | null>> {
  const values = new Map<string, Promise<string | null>>();
  const sqlOf = new Map<string, string>();
  for (const cell of cells) {
    const spec = kpiSpec(cell.source);
    if (spec.problems.length > 0 || spec.sql === null) values.set(cell.id, Promise.reject(new Error(spec.problems.join(' '))));
    else sqlOf.set(cell.id, spec.sql);
  }
  const alone = (id: string) => ask(engine, sqlOf.get(id)!, params).then((ipc) => firstValue(decodeIpc(ipc), 0));
  for (const group of mergeKpiQueries([...sqlOf].map(([id, sql]) => ({ id, sql })))) {
    const answered = ask(engine, group.sql, params).then(decodeIpc);
    group.ids.forEach((id, column) => {
      values.set(id, answered.then((table) => firstValue(table, column), () => alone(id)));
    });
  }
  for (const id of sqlOf.keys()) if (!values.has(id)) values.set(id, alone(id));
  return values;
}

/**
 * Previous-period values of the cards comparing with a selected period, by cell id (each
 * settled: a card's failure is its own). Sets each period variable back for its cards'
 * queries, then to its value again: nothing else may be sent to the engine meanwhile.
 */
export async function previousKpiValues(
  engine: EngineApi,
  cells: readonly Cell[],
  params: Params,
): Promise<Map<string, Promise<string | null>>> {
  const byPeriod = new Map<string, Cell[]>();
  for (const cell of cells) {
    const compare = kpiSpec(cell.source).compare;
    if (compare && previousPeriod(params, compare) !== null) byPeriod.set(compare, [...(byPeriod.get(compare) ?? []), cell]);
  }
  const previous = new Map<string, Promise<string | null>>();
  for (const [name, group] of byPeriod) {
    await engine.query(setVariableSql(name, previousPeriod(params, name)!));
    try {
      const values = kpiValues(engine, group, params);
      await Promise.allSettled(values.values());
      for (const [id, value] of values) previous.set(id, value);
    } finally {
      await engine.query(setVariableSql(name, params.get(name) ?? null));
    }
  }
  return previous;
}

/** Whether a card compares with a previous period that is selected now. */
export function comparesNow(cell: Cell, params: Params): boolean {
  const compare = kpiSpec(cell.source).compare;
  return compare !== null && previousPeriod(params, compare) !== null;
}

/**
 * The period parameter's value stepped back once: a year 2017 → 2016; a date range →
 * the same length just before it. Null when no period is selected (nothing to compare).
 */
export function previousPeriod(params: Params, name: string): ParamValue | null {
  const value = params.get(name);
  if (typeof value === 'number') return value - 1;
  if (typeof value === 'string' && /^\d{4}$/.test(value)) return String(Number(value) - 1);
  if (value !== undefined && value !== null && isDateRange(value)) {
    const day = 86_400_000;
    const from = Date.parse(value.from);
    const to = Date.parse(value.to);
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    return { from: iso(from - (to - from) - day), to: iso(from - day) };
  }
  return null;
}

/**
 * Sends a card's query now, in the order asked. A parameter no input sets fails that
 * card's promise, not the caller (which is sending a whole plan's queries at once).
 */
function ask(engine: EngineApi, sql: string, params: Params): Promise<Uint8Array> {
  try {
    return engine.query(bindParams(sql, params));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** A number as exact decimal text; any other value (a date, a name) as the grid shows it. */
function firstValue(table: Table, column: number): string | null {
  const values = table.getChildAt(column);
  if (!values || table.numRows === 0) return null;
  if (table.numRows > 1) {
    // Showing the first of several rows would pass off one group's number as the total.
    throw new Error(`The card's query gives ${table.numRows.toLocaleString('en-US')} rows; a card shows one value: aggregate the rows (sum, count…) or keep one (LIMIT 1).`);
  }
  const type = values.type as DataType;
  const numeric = DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type);
  return numeric ? valueToDecimalText(values.get(0), type) : cellText(values, type)(0);
}
