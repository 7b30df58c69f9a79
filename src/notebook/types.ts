/**
 * The notebook as pure data: what is saved, nothing about running it.
 * Runtime state (status, results, errors) lives in src/runtime, keyed by cell id.
 */

/**
 * markdown: prose; sql: a query or a CREATE of a silver/gold table; bronze: files → raw
 * table; input: a slicer whose value is a `$parameter`; chart: a declarative chart spec;
 * kpi: one value (a formatted number, a date, a name); test: data tests of one table (YAML, see analysis/test-spec.ts).
 */
export type CellKind = 'markdown' | 'sql' | 'bronze' | 'input' | 'chart' | 'kpi' | 'test';

export const CELL_KINDS: readonly CellKind[] = ['markdown', 'sql', 'bronze', 'input', 'chart', 'kpi', 'test'];

export interface Cell {
  /** Stable across edits, moves, save and load. */
  readonly id: string;
  readonly kind: CellKind;
  /** The cell's text exactly as the person wrote it. */
  readonly source: string;
}

export interface Notebook {
  /** Front-matter keys such as `title` and `data`, in file order. */
  readonly meta: Readonly<Record<string, string>>;
  readonly cells: readonly Cell[];
}

export function notebookTitle(notebook: Notebook): string {
  return notebook.meta['title'] ?? 'Untitled notebook';
}
