/**
 * Every cell of a notebook → what it defines, reads and needs, plus problems in words.
 * Pure: runs on each keystroke before anything reaches the engine.
 */
import type { Notebook } from '../notebook/types.ts';
import { analyzeSql, layerOf, LAYERS, type Layer } from './analyze-sql.ts';
import { parseBronzeSpec } from './bronze-spec.ts';

export interface CellAnalysis {
  readonly id: string;
  readonly defines: string | null;
  readonly references: readonly string[];
  /** File names or globs a bronze cell reads. */
  readonly files: readonly string[];
  readonly params: readonly string[];
  readonly layer: Layer | null;
  readonly problems: readonly string[];
}

export function analyzeNotebook(notebook: Notebook): Map<string, CellAnalysis> {
  // First pass: which schemas hold notebook tables, so `x.y` is a reference only there.
  const schemas = new Set<string>(LAYERS);
  for (const cell of notebook.cells) {
    const defined =
      cell.kind === 'sql' ? analyzeSql(cell.source).defines : cell.kind === 'bronze' ? parseBronzeSpec(cell.source).table : null;
    const schema = defined?.split('.')[0];
    if (schema) schemas.add(schema);
  }

  const result = new Map<string, CellAnalysis>();
  for (const cell of notebook.cells) {
    if (cell.kind === 'sql') {
      const sql = analyzeSql(cell.source, schemas);
      result.set(cell.id, {
        id: cell.id,
        defines: sql.defines,
        references: sql.references,
        files: [],
        params: sql.params,
        layer: layerOf(sql.defines),
        problems: [],
      });
    } else if (cell.kind === 'bronze') {
      const spec = parseBronzeSpec(cell.source);
      result.set(cell.id, {
        id: cell.id,
        defines: spec.table,
        references: [],
        files: spec.files,
        params: [],
        layer: layerOf(spec.table) ?? 'bronze',
        problems: spec.problems,
      });
    } else {
      result.set(cell.id, { id: cell.id, defines: null, references: [], files: [], params: [], layer: null, problems: [] });
    }
  }
  return result;
}
