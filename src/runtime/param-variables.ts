/**
 * The notebook's parameters (`$gender`, `$year`, a drill path) and the DuckDB variables
 * that hold them (analysis/params.ts). Values survive edits; the variables are set only
 * when their value changed since they were last set.
 */
import type { EngineApi } from '../engine/api.ts';
import type { Cell } from '../notebook/types.ts';
import type { CellAnalysis } from '../analysis/analyze-notebook.ts';
import { setVariableSql, type ParamValue } from '../analysis/params.ts';
import { nullSqlType, parseInputSpec } from '../dashboard/input-spec.ts';

export class ParamVariables {
  /** Current value of each parameter, set by input cells (slicers) and chart clicks. */
  readonly values = new Map<string, ParamValue>();
  /** The SQL type of each input's variable when it is null (input-spec.ts nullSqlType). */
  private readonly nullTypes = new Map<string, string>();
  /** The statement that last set each variable, to set only what changed. */
  private readonly synced = new Map<string, string>();

  /**
   * After the notebook changed: a new input starts at its default, a new drill-down chart
   * at the top level; existing values survive edits elsewhere.
   */
  adopt(cells: readonly Cell[], analysis: ReadonlyMap<string, CellAnalysis>): void {
    this.nullTypes.clear();
    for (const cell of cells) {
      if (cell.kind === 'input') {
        const spec = parseInputSpec(cell.source);
        if (spec.name && !this.values.has(spec.name)) this.values.set(spec.name, spec.defaultValue);
        const nullType = nullSqlType(spec);
        if (spec.name && nullType) this.nullTypes.set(spec.name, nullType);
      } else if (cell.kind === 'chart') {
        const drill = analysis.get(cell.id)?.definesParam;
        if (drill && !this.values.has(drill)) this.values.set(drill, []);
      }
    }
  }

  /** The engine's variables are gone (it restarted): set them all again on the next sync. */
  forgetEngine(): void {
    this.synced.clear();
  }

  /**
   * Gives each variable its parameter's current value. Returns why each parameter that
   * could not be set was not (a date range from a shared link with a month 13): the cells
   * using it fail with that, the others run.
   */
  async sync(engine: EngineApi): Promise<Map<string, string>> {
    const unset = new Map<string, string>();
    for (const [name, value] of this.values) {
      try {
        const sql = setVariableSql(name, value, this.nullTypes.get(name) ?? null);
        if (this.synced.get(name) === sql) continue;
        await engine.query(sql);
        this.synced.set(name, sql);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        unset.set(name, `$${name} could not be set to ${JSON.stringify(value)}: ${reason}`);
      }
    }
    return unset;
  }
}
