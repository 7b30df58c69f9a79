/**
 * A cell's accessible name, which users and tests rely on (contract, "The page"): the
 * table it defines, else its markdown's first heading, else "Query N" / "Markdown".
 */
import type { Cell } from '../notebook/types.ts';
import type { CellAnalysis } from '../analysis/analyze-notebook.ts';

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
  for (const cell of cells) {
    const defines = analysis.get(cell.id)?.defines;
    if (cell.kind === 'markdown') names.set(cell.id, firstHeading(cell.source) ?? 'Markdown');
    else if (defines) names.set(cell.id, defines);
    else names.set(cell.id, next(KIND_LABELS[cell.kind] ?? cell.kind));
  }
  return names;
}

/** Unnamed cells are counted per kind: "Query 1", "Chart 2". */
const KIND_LABELS: Partial<Record<Cell['kind'], string>> = {
  sql: 'Query',
  bronze: 'Files',
  input: 'Input',
  chart: 'Chart',
  kpi: 'KPI',
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
