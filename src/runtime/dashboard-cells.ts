/**
 * Running the dashboard's cells: charts and KPI cards (kpi-cards.ts) aggregate in SQL and
 * bring back a handful of rows; input cells may fetch their options. Parameters are bound first.
 */
import type { EngineApi } from '../engine/api.ts';
import type { Cell } from '../notebook/types.ts';
import { bindParams, type ParamValue } from '../analysis/params.ts';
import { chartSql, missingColumnProblems } from '../charts/chart-spec.ts';
import { chartSpec, inputSpec } from '../dashboard/spec-cache.ts';
import { decodeIpc } from '../client/arrow-decode.ts';
import type { CellState } from './cell-state.ts';
import { runKpiCard } from './kpi-cards.ts';

export async function runDashboardCell(
  engine: EngineApi,
  cell: Cell,
  params: ReadonlyMap<string, ParamValue>,
): Promise<Partial<CellState>> {
  const started = performance.now();
  const query = async (sql: string) => decodeIpc(await engine.query(bindParams(sql, params)));
  switch (cell.kind) {
    case 'chart': {
      const spec = chartSpec(cell.source);
      const sql = chartSql(spec);
      if (spec.problems.length > 0 || sql === null) throw new Error(spec.problems.join(' '));
      const table = await query(sql);
      const missing = missingColumnProblems(spec, table.schema.fields.map((f) => f.name));
      if (missing.length > 0) throw new Error(missing.join(' '));
      return { result: { relation: null, rows: table.numRows, preview: table, elapsedMs: performance.now() - started } };
    }
    case 'kpi':
      return { kpi: await runKpiCard(engine, cell, params) };
    case 'input': {
      const spec = inputSpec(cell.source);
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
