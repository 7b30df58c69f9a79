/**
 * Running the dashboard's cells: charts and KPI cards aggregate in SQL and bring back a
 * handful of rows; input cells may fetch their options. Parameters are bound first.
 */
import type { EngineApi } from '../engine/api.ts';
import type { Cell } from '../notebook/types.ts';
import { bindParams, isDateRange, setVariableSql, type ParamValue } from '../analysis/params.ts';
import { chartSql, parseChartSpec } from '../charts/chart-spec.ts';
import { parseKpiSpec } from '../dashboard/kpi-spec.ts';
import { mergeKpiQueries } from '../dashboard/kpi-merge.ts';
import { parseInputSpec } from '../dashboard/input-spec.ts';
import { valueToDecimalText } from '../dashboard/decimal-text.ts';
import { decodeIpc } from '../client/arrow-decode.ts';
import type { Table } from 'apache-arrow';
import type { CellState } from './cell-state.ts';

export async function runDashboardCell(
  engine: EngineApi,
  cell: Cell,
  params: ReadonlyMap<string, ParamValue>,
): Promise<Partial<CellState>> {
  const started = performance.now();
  const query = async (sql: string) => decodeIpc(await engine.query(bindParams(sql, params)));
  switch (cell.kind) {
    case 'chart': {
      const spec = parseChartSpec(cell.source);
      const sql = chartSql(spec);
      if (spec.problems.length > 0 || sql === null) throw new Error(spec.problems.join(' '));
      const table = await query(sql);
      return { result: { relation: null, rows: table.numRows, preview: table, elapsedMs: performance.now() - started } };
    }
    case 'kpi': {
      const spec = parseKpiSpec(cell.source);
      if (spec.problems.length > 0 || spec.sql === null) throw new Error(spec.problems.join(' '));
      const value = firstValue(await query(spec.sql!), 0);
      let previous: string | null = null;
      const previousValue = spec.compare ? previousPeriod(params, spec.compare) : null;
      if (spec.compare && previousValue !== null) {
        // Views read the variable when queried, so the previous period is one query away.
        await engine.query(setVariableSql(spec.compare, previousValue));
        try {
          previous = firstValue(await query(spec.sql!), 0);
        } finally {
          await engine.query(setVariableSql(spec.compare, params.get(spec.compare) ?? null));
        }
      }
      return { kpi: { value, previous } };
    }
    case 'input': {
      const spec = parseInputSpec(cell.source);
      if (spec.problems.length > 0) throw new Error(spec.problems.join(' '));
      if (spec.optionsSql === null) return { options: spec.options };
      const table = await query(spec.optionsSql);
      const column = table.getChildAt(0);
      const options: string[] = [];
      for (let i = 0; i < table.numRows; i++) {
        const value = column?.get(i);
        if (value !== null && value !== undefined) options.push(String(value));
      }
      return { options };
    }
    default:
      throw new Error(`A ${cell.kind} cell does not run here.`);
  }
}

/**
 * Runs KPI cards that need no previous period, those reading the same rows in one query
 * (dashboard/kpi-merge.ts). Returns each card's result by cell id. Should a merged query
 * fail, its cards run one by one, so each shows its own error.
 */
export function runKpiCards(
  engine: EngineApi,
  cells: readonly Cell[],
  params: ReadonlyMap<string, ParamValue>,
): Map<string, Promise<Partial<CellState>>> {
  const results = new Map<string, Promise<Partial<CellState>>>();
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  const queries = cells.flatMap((cell) => {
    const spec = parseKpiSpec(cell.source);
    return spec.problems.length === 0 && spec.sql !== null ? [{ id: cell.id, sql: spec.sql }] : [];
  });
  for (const group of mergeKpiQueries(queries)) {
    const answered = engine.query(bindParams(group.sql, params)).then(decodeIpc);
    group.ids.forEach((id, column) => {
      const card = answered.then(
        (table): Partial<CellState> => ({ kpi: { value: firstValue(table, column), previous: null } }),
        () => runDashboardCell(engine, byId.get(id)!, params),
      );
      results.set(id, card);
    });
  }
  for (const cell of cells) if (!results.has(cell.id)) results.set(cell.id, runDashboardCell(engine, cell, params));
  return results;
}

function firstValue(table: Table, column: number): string | null {
  const values = table.getChildAt(column);
  return values && table.numRows > 0 ? valueToDecimalText(values.get(0), values.type) : null;
}

/**
 * Whether running `cell` is one query that changes no DuckDB variable, so it can be sent
 * to the engine alongside others. A KPI comparing with a previous period is not: it sets
 * the period's variable back for one query, and no other query may run meanwhile.
 */
export function runsInOneQuery(cell: Cell, params: ReadonlyMap<string, ParamValue>): boolean {
  if (cell.kind === 'chart' || cell.kind === 'input') return true;
  if (cell.kind !== 'kpi') return false;
  const compare = parseKpiSpec(cell.source).compare;
  return !compare || previousPeriod(params, compare) === null;
}

/**
 * The period parameter's value stepped back once: a year 2017 → 2016; a date range →
 * the same length just before it. Null when no period is selected (nothing to compare).
 */
export function previousPeriod(params: ReadonlyMap<string, ParamValue>, name: string): ParamValue | null {
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
