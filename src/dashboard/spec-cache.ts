/**
 * Parsed input, KPI and chart specs, remembered by source text. The page re-renders on
 * every runtime change (dozens per run); parsing the same YAML again each time would be
 * wasted work, and keeping one object per source lets Lit skip unchanged elements. The
 * runtime asks for the same specs on every slicer change.
 */
import { parseInputSpec, type InputSpec } from './input-spec.ts';
import { parseKpiSpec, type KpiSpec } from './kpi-spec.ts';
import { parseChartSpec, type ChartSpec } from '../charts/chart-spec.ts';
import { parsePalette, type Palette } from './palette.ts';
import { parseTestSpec, type TestSpec } from '../analysis/test-spec.ts';

function memo<T>(parse: (source: string) => T, size = 200): (source: string) => T {
  const cache = new Map<string, T>();
  return (source) => {
    let value = cache.get(source);
    if (value === undefined) {
      value = parse(source);
      // Edits make a new source per keystroke; keep the cache from growing without end.
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      cache.set(source, value);
    }
    return value;
  };
}

export const inputSpec: (source: string) => InputSpec = memo(parseInputSpec);
export const kpiSpec: (source: string) => KpiSpec = memo(parseKpiSpec);
export const chartSpec: (source: string) => ChartSpec = memo(parseChartSpec);
export const palette: (text: string) => Palette = memo(parsePalette, 8);
export const testSpec: (source: string) => TestSpec = memo(parseTestSpec);
