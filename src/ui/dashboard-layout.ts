/**
 * Which cells the dashboard shows, and where: slicers on top, KPI cards in a row, then
 * charts and query results in a grid. A query result belongs on the dashboard when it is a
 * plain SELECT that uses parameters (top customers for the chosen country); tables the
 * pipeline builds, data tests and prose stay in the notebook.
 */
import type { Cell } from '../notebook/types.ts';
import type { CellAnalysis } from '../analysis/analyze-notebook.ts';
import { chartSpec } from '../dashboard/spec-cache.ts';

/** A tile's width on the grid: a third (most charts), two thirds (maps, trends) or half (tables). */
export type TileSpan = 'third' | 'two-thirds' | 'half';

export interface DashboardTile {
  readonly cell: Cell;
  readonly kind: 'chart' | 'table';
  readonly span: TileSpan;
}

export interface DashboardLayout {
  readonly slicers: readonly Cell[];
  readonly kpis: readonly Cell[];
  readonly tiles: readonly DashboardTile[];
}

export function dashboardLayout(
  cells: readonly Cell[],
  analysis: ReadonlyMap<string, CellAnalysis>,
): DashboardLayout {
  const slicers: Cell[] = [];
  const kpis: Cell[] = [];
  const tiles: DashboardTile[] = [];
  for (const cell of cells) {
    if (cell.kind === 'input') slicers.push(cell);
    else if (cell.kind === 'kpi') kpis.push(cell);
    else if (cell.kind === 'chart') tiles.push({ cell, kind: 'chart', span: chartSpan(cell) });
    else if (cell.kind === 'sql') {
      const a = analysis.get(cell.id);
      if (a && a.defines === null && a.params.length > 0)
        tiles.push({ cell, kind: 'table', span: 'half' });
    }
  }
  return { slicers, kpis, tiles };
}

function chartSpan(cell: Cell): TileSpan {
  const spec = chartSpec(cell.source);
  return spec.mark === 'geo' || spec.mark === 'line' || spec.mark === 'area'
    ? 'two-thirds'
    : 'third';
}
