/**
 * The filters in force, as chips: every parameter whose value differs from its default,
 * set by a slicer ("Country: France") or by drilling into a chart ("Geography: Europe ›
 * France"). Pure, so the chip bar and its tests agree on what counts as a filter.
 */
import type { Cell } from '../notebook/types.ts';
import { isDateRange, type ParamValue } from '../analysis/params.ts';
import { chartSpec, inputSpec } from '../dashboard/spec-cache.ts';

export interface FilterChip {
  /** The parameter, e.g. `country`. */
  readonly param: string;
  /** What people call it: the slicer's label, or the drill path's label. */
  readonly label: string;
  /** The value in words: "France", "Europe › France", "2016-01-01 – 2016-06-30". */
  readonly text: string;
  /** The value clearing the chip restores. */
  readonly reset: ParamValue;
}

/** Each parameter a cell defines, with its label, default and whether it is a drill path. */
export interface ParamInfo {
  readonly param: string;
  readonly label: string;
  readonly defaultValue: ParamValue;
  readonly drill: boolean;
}

export function paramInfos(cells: readonly Cell[]): ParamInfo[] {
  const infos: ParamInfo[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    let info: ParamInfo | null = null;
    if (cell.kind === 'input') {
      const spec = inputSpec(cell.source);
      if (spec.name)
        info = {
          param: spec.name,
          label: spec.label,
          defaultValue: spec.defaultValue,
          drill: false,
        };
    } else if (cell.kind === 'chart') {
      const drill = chartSpec(cell.source).drill;
      if (drill)
        info = {
          param: drill.param,
          label: drill.label ?? humanize(drill.param),
          defaultValue: [],
          drill: true,
        };
    }
    if (info && !seen.has(info.param)) {
      seen.add(info.param);
      infos.push(info);
    }
  }
  return infos;
}

export function activeFilters(
  cells: readonly Cell[],
  params: ReadonlyMap<string, ParamValue>,
): FilterChip[] {
  const chips: FilterChip[] = [];
  for (const info of paramInfos(cells)) {
    const value = params.get(info.param) ?? info.defaultValue;
    if (sameValue(value, info.defaultValue)) continue;
    chips.push({
      param: info.param,
      label: info.label,
      text: formatParamValue(value, info.drill ? ' › ' : ', '),
      reset: info.defaultValue,
    });
  }
  return chips;
}

/** Every parameter back at its default: what "Clear all" sets. */
export function defaultParams(cells: readonly Cell[]): Map<string, ParamValue> {
  return new Map(paramInfos(cells).map((info) => [info.param, info.defaultValue]));
}

export function formatParamValue(value: ParamValue, separator = ', '): string {
  if (value === null) return 'All';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (isDateRange(value)) return `${value.from} – ${value.to}`;
  return value.length === 0 ? 'All' : value.join(separator);
}

export function sameValue(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** `geo` → "Geo", `product_line` → "Product line": a name for a path with no label. */
export function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
