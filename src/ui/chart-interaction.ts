/**
 * What a click on a chart means, as a parameter change: cross-filter (`click:` sets an
 * input, clicking the chosen value again clears it), drill-down (`drill:` appends the
 * clicked category to the path until the last level) and legend entries (set the input
 * named like the legend's column). Pure: the chart element only finds the datum.
 */
import type { ChartSpec } from '../charts/chart-spec.ts';
import type { ChartRow } from '../charts/chart-rows.ts';
import { mapName } from '../charts/country-names.ts';
import { optionValue, type InputSpec } from '../dashboard/input-spec.ts';
import type { ParamValue } from '../analysis/params.ts';

export interface ParamChange {
  readonly param: string;
  readonly value: ParamValue;
}

/** The column a drill-down chart shows at its current level: its x, or y for bar-x. */
export function levelField(spec: ChartSpec): string | null {
  return (spec.mark === 'bar-x' ? spec.channels.y : spec.channels.x) ?? null;
}

/** A drill path parameter's value as a list (it is `[]` at the top). */
export function drillPath(value: ParamValue | undefined): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * The datum Plot's pointer reported (a row, or a map feature) → the row it stands for.
 * Map features carry Natural Earth names; rows carry the data's names (`United States`).
 */
export function rowOf(spec: ChartSpec, datum: unknown, rows: readonly ChartRow[]): ChartRow | null {
  if (datum === null || typeof datum !== 'object') return null;
  const feature = datum as { type?: unknown; properties?: { name?: unknown } };
  if (feature.type === 'Feature') {
    const column = spec.channels.x ?? 'country';
    const name = String(feature.properties?.name ?? '');
    return rows.find((r) => r[column] !== null && mapName(String(r[column])) === name) ?? null;
  }
  return datum as ChartRow;
}

export function clickChange(
  spec: ChartSpec,
  row: ChartRow,
  params: ReadonlyMap<string, ParamValue>,
  inputs: ReadonlyMap<string, InputSpec>,
  options: ReadonlyMap<string, readonly string[]> = new Map(),
): ParamChange | null {
  if (spec.drill) {
    const field = levelField(spec);
    const path = drillPath(params.get(spec.drill.param));
    const value = field ? row[field] : null;
    if (
      field &&
      value !== null &&
      value !== undefined &&
      path.length < spec.drill.levels.length - 1
    ) {
      return { param: spec.drill.param, value: [...path, String(value)] };
    }
  }
  if (spec.click) {
    const value = row[spec.click.field];
    if (value === null || value === undefined) return null;
    const { param } = spec.click;
    // An "unknown" bar has no option to select: filtering on it would show nothing.
    const known = options.get(param) ?? inputs.get(param)?.options ?? [];
    if (known.length > 0 && !known.includes(String(value))) return null;
    return { param, value: toggled(inputs.get(param), params.get(param) ?? null, String(value)) };
  }
  return null;
}

/**
 * A legend entry → the input named like the legend's column, when there is one and the
 * entry is among its options (an "unknown" entry has no option to select).
 */
export function legendChange(
  column: string,
  value: string,
  params: ReadonlyMap<string, ParamValue>,
  inputs: ReadonlyMap<string, InputSpec>,
  options: ReadonlyMap<string, readonly string[]>,
): ParamChange | null {
  const input = inputs.get(column);
  if (!input) return null;
  const known = options.get(column) ?? input.options;
  if (known.length > 0 && !known.includes(value)) return null;
  return { param: column, value: toggled(input, params.get(column) ?? null, value) };
}

/** Selecting what is selected clears it; a multi-select adds or removes the value. */
export function toggled(
  input: InputSpec | undefined,
  current: ParamValue,
  text: string,
): ParamValue {
  if (input?.control === 'multi-select') {
    const chosen = Array.isArray(current) ? current.map(String) : [];
    return chosen.includes(text) ? chosen.filter((v) => v !== text) : [...chosen, text];
  }
  if (current !== null && String(current) === text) return null;
  return input ? optionValue(input, text) : text;
}

/** The values a parameter holds now, as text, for highlighting marks and legend entries. */
export function chosenValues(value: ParamValue | undefined): Set<string> {
  if (value === null || value === undefined || typeof value === 'boolean') return new Set();
  if (Array.isArray(value)) return new Set(value.map(String));
  if (typeof value === 'object') return new Set();
  return new Set([String(value)]);
}
