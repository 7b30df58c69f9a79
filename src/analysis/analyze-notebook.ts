/**
 * Every cell of a notebook → what it defines, reads and needs, plus problems in words.
 * Pure: runs on each keystroke before anything reaches the engine.
 */
import type { Cell, Notebook } from '../notebook/types.ts';
import { analyzeSql, layerOf, LAYERS, type Layer } from './analyze-sql.ts';
import { parseBronzeSpec } from './bronze-spec.ts';
import { parseInputSpec } from '../dashboard/input-spec.ts';
import { parseKpiSpec } from '../dashboard/kpi-spec.ts';
import { chartSql, parseChartSpec } from '../charts/chart-spec.ts';
import { parseTestSpec, testReferences } from './test-spec.ts';
import { layerWarnings } from './layer-rules.ts';

export interface CellAnalysis {
  readonly id: string;
  readonly defines: string | null;
  /** Whether `defines` is made as a view (read again on every query) or as a table. */
  readonly definesKind: 'table' | 'view' | null;
  /** A SQL cell that is one read-only statement (it may run alongside other queries). */
  readonly readOnly: boolean;
  /**
   * A SQL cell that may change tables analysis cannot name (`CREATE TABLE foo` outside the
   * notebook's schemas, a second CREATE, an INSERT): no query after it may run before it.
   */
  readonly writesUnnamed: boolean;
  readonly references: readonly string[];
  /** File names or globs a bronze cell reads. */
  readonly files: readonly string[];
  /** `$name` parameters the cell uses. */
  readonly params: readonly string[];
  /** The parameter an input cell sets. */
  readonly definesParam: string | null;
  readonly layer: Layer | null;
  readonly problems: readonly string[];
  /** Advice that does not stop the cell from running (layer rules), in words. */
  readonly warnings: readonly string[];
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
  for (const cell of notebook.cells) result.set(cell.id, analyzeCell(cell, schemas));

  // Second pass: parameters used but set by no input cell, or set by two.
  const setter = new Map<string, string>();
  for (const [id, analysis] of result) {
    const param = analysis.definesParam;
    if (param === null) continue;
    const first = setter.get(param);
    if (first === undefined) setter.set(param, id);
    else addProblems(result, id, [`$${param} is already set by an earlier cell (${first}); give this one another name.`]);
  }
  for (const [id, analysis] of result) {
    const unknown = analysis.params.filter((p) => !setter.has(p));
    addProblems(result, id, unknown.map((p) => `Uses $${p}, but no input cell sets a parameter named "${p}".`));
  }
  for (const cell of notebook.cells) {
    const compare = cell.kind === 'kpi' ? parseKpiSpec(cell.source).compare : null;
    if (compare !== null && !setter.has(compare)) {
      addProblems(result, cell.id, [`compare: no input cell sets a parameter named "${compare}" (the period to compare with).`]);
    }
  }
  // Third pass: the medallion layer rules (bronze ← files, silver ← bronze/silver, gold ← silver/gold).
  for (const [id, warnings] of layerWarnings([...result.values()])) {
    result.set(id, { ...result.get(id)!, warnings });
  }
  return result;
}

function addProblems(result: Map<string, CellAnalysis>, id: string, problems: readonly string[]): void {
  if (problems.length === 0) return;
  const analysis = result.get(id)!;
  result.set(id, { ...analysis, problems: [...analysis.problems, ...problems] });
}

function moreThanOneTable(first: string, others: readonly string[]): string {
  const names = others.join(', ');
  return (
    `Makes ${first} and also ${names}. A cell makes one table, so no cell reading ${names} knows to run after this one ` +
    `(nor do the lineage and the dbt export). Move each CREATE into a cell of its own.`
  );
}

function analyzeCell(cell: Cell, schemas: ReadonlySet<string>): CellAnalysis {
  const base = { id: cell.id, defines: null, definesKind: null, readOnly: false, writesUnnamed: false, references: [], files: [], params: [], definesParam: null, layer: null, problems: [], warnings: [] };
  const fromSql = (sql: string | null) => {
    const analysis = sql === null ? null : analyzeSql(sql, schemas);
    return { references: analysis?.references ?? [], params: analysis?.params ?? [] };
  };
  switch (cell.kind) {
    case 'sql': {
      const sql = analyzeSql(cell.source, schemas);
      const writesUnnamed = !sql.readOnly && (sql.defines === null || sql.alsoDefines.length > 0);
      return {
        ...base,
        defines: sql.defines,
        definesKind: sql.definesKind,
        readOnly: sql.readOnly,
        writesUnnamed,
        references: sql.references,
        params: sql.params,
        layer: layerOf(sql.defines),
        problems: sql.alsoDefines.length > 0 ? [moreThanOneTable(sql.defines!, sql.alsoDefines)] : [],
      };
    }
    case 'bronze': {
      const spec = parseBronzeSpec(cell.source);
      return { ...base, defines: spec.table, definesKind: spec.table ? 'table' : null, files: spec.files, layer: layerOf(spec.table) ?? 'bronze', problems: spec.problems };
    }
    case 'input': {
      const spec = parseInputSpec(cell.source);
      return { ...base, ...fromSql(spec.optionsSql), definesParam: spec.name, problems: spec.problems };
    }
    case 'chart': {
      const spec = parseChartSpec(cell.source);
      // A drill-down chart owns the parameter holding its drill path.
      return { ...base, ...fromSql(chartSql(spec)), definesParam: spec.drill?.param ?? null, problems: spec.problems };
    }
    case 'kpi': {
      const spec = parseKpiSpec(cell.source);
      return { ...base, ...fromSql(spec.sql), problems: spec.problems };
    }
    case 'test': {
      // A test cell reads its table (and relationship targets), so it runs after them.
      const spec = parseTestSpec(cell.source);
      return { ...base, references: testReferences(spec, schemas), problems: spec.problems };
    }
    case 'markdown':
      return base;
  }
}
