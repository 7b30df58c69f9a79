/**
 * The notebook's lineage as nodes and edges a view can draw directly: files → bronze →
 * silver → gold tables → the charts, KPIs and queries that read them. Each table carries
 * its row count, state, layer-rule warnings and the outcome of the data tests declared on
 * it; each node names the cell to open. Pure: built from analysis and cell states.
 */
import type { Cell } from '../notebook/types.ts';
import type { CellAnalysis } from '../analysis/analyze-notebook.ts';
import { matchesFilePattern } from '../analysis/bronze-spec.ts';
import type { Layer } from '../analysis/analyze-sql.ts';
import type { CellState, CellStatus } from './cell-state.ts';

export type LineageKind = 'file' | 'table' | 'chart' | 'kpi' | 'input' | 'query';

export interface LineageNode {
  /** `file:NAME`, `table:schema.name`, or `cell:ID` for cells that make no table. */
  readonly id: string;
  readonly kind: LineageKind;
  /** File name, `schema.table`, or the cell's id for others (the view may name them better). */
  readonly label: string;
  readonly layer: Layer | null;
  /**
   * Column for a layered layout: files 0, then one more than the deepest input, so
   * every edge points right (bronze 1, silver 2, gold 3 when the rules are kept).
   */
  readonly depth: number;
  /** The cell to open on click (for a file: the bronze cell that reads it). */
  readonly cellId: string | null;
  /** Rows of the table or file, when it has been loaded or run. */
  readonly rows: number | null;
  readonly status: CellStatus | null;
  /** A file a bronze cell names but that is not loaded. */
  readonly missing: boolean;
  /** Layer-rule warnings of the cell that makes it. */
  readonly warnings: readonly string[];
  /** Data tests declared on this table, once run: how many passed and failed. */
  readonly tests: { readonly passed: number; readonly failed: number } | null;
}

export interface LineageEdge {
  readonly from: string;
  readonly to: string;
}

export interface Lineage {
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly LineageEdge[];
}

export function buildLineage(
  cells: readonly Cell[],
  analysis: ReadonlyMap<string, CellAnalysis>,
  files: readonly string[],
  stateOf: (id: string) => CellState,
): Lineage {
  const nodes = new Map<string, Omit<LineageNode, 'depth'>>();
  const edges: LineageEdge[] = [];
  const tableNode = (table: string) => `table:${table}`;
  const definers = new Map<string, string>();
  for (const cell of cells) {
    const defines = analysis.get(cell.id)?.defines;
    if (defines && !definers.has(defines)) definers.set(defines, cell.id);
  }

  // Test outcomes per table, from the test cells that check it.
  const tests = new Map<string, { passed: number; failed: number }>();
  for (const cell of cells) {
    if (cell.kind !== 'test') continue;
    const table = analysis.get(cell.id)?.references[0];
    const results = stateOf(cell.id).tests;
    if (!table || !results) continue;
    const sum = tests.get(table) ?? { passed: 0, failed: 0 };
    for (const r of results) {
      if (r.passed) sum.passed++;
      else sum.failed++;
    }
    tests.set(table, sum);
  }

  for (const cell of cells) {
    const a = analysis.get(cell.id);
    if (!a || cell.kind === 'markdown' || cell.kind === 'test') continue;
    const state = stateOf(cell.id);
    let id: string;
    if (a.defines) {
      if (definers.get(a.defines) !== cell.id) continue; // a second definition: the graph reports it
      id = tableNode(a.defines);
      nodes.set(id, {
        id, kind: 'table', label: a.defines, layer: a.layer, cellId: cell.id,
        rows: state.result?.rows ?? null, status: state.status, missing: false,
        warnings: a.warnings, tests: tests.get(a.defines) ?? null,
      });
    } else {
      id = `cell:${cell.id}`;
      const kind: LineageKind = cell.kind === 'chart' || cell.kind === 'kpi' || cell.kind === 'input' ? cell.kind : 'query';
      nodes.set(id, { id, kind, label: cell.id, layer: null, cellId: cell.id, rows: null, status: state.status, missing: false, warnings: a.warnings, tests: null });
    }
    for (const ref of a.references) {
      if (definers.has(ref)) edges.push({ from: tableNode(ref), to: id });
    }
    // Files: the loaded files each pattern matches, or the pattern itself when none is loaded.
    for (const pattern of a.files) {
      const matched = files.filter((f) => matchesFilePattern(f, pattern));
      const reports = new Map((state.ingest?.files ?? []).map((f) => [f.file, f.rows]));
      for (const name of matched.length > 0 ? matched : [pattern]) {
        const fileId = `file:${name}`;
        if (!nodes.has(fileId)) {
          nodes.set(fileId, {
            id: fileId, kind: 'file', label: name, layer: null, cellId: cell.id,
            rows: reports.get(name) ?? null, status: null, missing: matched.length === 0,
            warnings: [], tests: null,
          });
        }
        edges.push({ from: fileId, to: id });
      }
    }
  }

  // Depth: longest path from a file; cycles (reported elsewhere) stop the walk.
  const parents = new Map<string, string[]>();
  for (const e of edges) parents.set(e.to, [...(parents.get(e.to) ?? []), e.from]);
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const ups = parents.get(id) ?? [];
    const d = nodes.get(id)?.kind === 'file' ? 0 : Math.max(1, ...ups.map((p) => depthOf(p) + 1));
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  return {
    nodes: [...nodes.values()].map((n) => ({ ...n, depth: depthOf(n.id) })),
    edges: dedupe(edges),
  };
}

function dedupe(edges: readonly LineageEdge[]): LineageEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.from}\n${e.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
