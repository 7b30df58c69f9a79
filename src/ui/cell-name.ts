/**
 * A cell's accessible name, which users and tests rely on (contract, "The page"): the
 * table it defines, else its markdown's first heading, a chart's title, a KPI's or an
 * input's label, "Tests of gold.fact_sales" for a test cell, a query's own id, else
 * "Query N" / "Markdown".
 *
 * A KPI cell is "Total revenue KPI" and an input cell "Gender slicer": the card itself is
 * named "Total revenue" and the control "Gender", and those names must stay unique for
 * `getByLabel('Gender', { exact: true })` to find the control.
 */
import type { Cell } from '../notebook/types.ts';
import type { CellAnalysis } from '../analysis/analyze-notebook.ts';
import { chartSpec, inputSpec, kpiSpec, testSpec } from '../dashboard/spec-cache.ts';

export function cellNames(
  cells: readonly Cell[],
  analysis: ReadonlyMap<string, CellAnalysis>,
): Map<string, string> {
  const names = new Map<string, string>();
  const counts = new Map<string, number>();
  const next = (label: string) => {
    const n = (counts.get(label) ?? 0) + 1;
    counts.set(label, n);
    return `${label} ${n}`;
  };
  const taken = new Set<string>();
  /** Two charts with one title get "Title" and "Title (2)": names stay unique. */
  const unique = (name: string) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
    taken.add(candidate);
    return candidate;
  };
  for (const cell of cells) {
    const defines = analysis.get(cell.id)?.defines;
    if (cell.kind === 'markdown') names.set(cell.id, firstHeading(cell.source) ?? 'Markdown');
    else if (defines) names.set(cell.id, defines);
    else {
      const own = ownName(cell);
      names.set(cell.id, own ? unique(own) : next(KIND_LABELS[cell.kind] ?? cell.kind));
    }
  }
  return names;
}

function ownName(cell: Cell): string | null {
  switch (cell.kind) {
    case 'chart':
      return chartSpec(cell.source).title.trim() || null;
    case 'kpi': {
      const label = kpiSpec(cell.source).label;
      return label === 'KPI' ? null : `${label} KPI`;
    }
    case 'input': {
      const spec = inputSpec(cell.source);
      return spec.name ? `${spec.label} slicer` : null;
    }
    case 'sql':
      return queryName(cell.id);
    case 'test': {
      const table = testSpec(cell.source).table;
      return table ? `Tests of ${table}` : null;
    }
    default:
      return null;
  }
}

/**
 * A query that defines no table is named by its id when someone chose one
 * (`top-customers` → "Top customers"), not when the page made one up (`sql-2`).
 */
function queryName(id: string): string | null {
  if (/^(sql|query|cell)(-\d+)?$/.test(id)) return null;
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : null;
}

/** Unnamed cells are counted per kind: "Query 1", "Chart 2". */
const KIND_LABELS: Partial<Record<Cell['kind'], string>> = {
  sql: 'Query',
  bronze: 'Files',
  input: 'Input',
  chart: 'Chart',
  kpi: 'KPI',
  test: 'Tests',
};

/** The text of the first ATX heading (`# Title`), with inline markup stripped. */
export function firstHeading(markdown: string): string | null {
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const match = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (match && match[1])
      return match[1].replace(/[*_`]|\[([^\]]*)\]\([^)]*\)/g, (_, link) => link ?? '').trim();
  }
  return null;
}
