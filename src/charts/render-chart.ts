/**
 * A chart spec and its rows → an Observable Plot element. Pure apart from the DOM: the
 * same call renders in the page and, with a jsdom document, in golden-file tests.
 */
import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './chart-spec.ts';
import type { ChartData, ChartRow } from './chart-rows.ts';
import { formatterFor } from './formats.ts';
import { mapName, worldCountries } from './world-map.ts';
import { UNKNOWN_KEY, type Palette } from '../dashboard/palette.ts';

export interface RenderOptions {
  readonly width: number;
  readonly palette: Palette;
  /** Values currently selected through this chart's click parameter (others are dimmed). */
  readonly selected?: ReadonlySet<string>;
  readonly document?: Document;
}

export interface ColorLegend {
  readonly column: string;
  readonly entries: readonly { value: string; color: string }[];
}

const DEFAULT_COLORS = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];

export function renderChart(spec: ChartSpec, data: ChartData, options: RenderOptions): { element: Element; legend: ColorLegend | null } {
  const { channels: ch } = spec;
  const rows = data.rows;
  const colorColumn = ch.fill && data.kinds.has(ch.fill) ? ch.fill : ch.stroke && data.kinds.has(ch.stroke) ? ch.stroke : null;
  const legend = colorColumn && data.kinds.get(colorColumn) === 'text' ? legendFor(colorColumn, rows, options.palette) : null;
  const selected = options.selected && options.selected.size > 0 ? options.selected : null;
  const clickField = spec.click?.field ?? (spec.drill ? levelField(spec) : null);
  const opacity = selected && clickField ? (d: ChartRow) => (selected.has(String(d[clickField])) ? 1 : 0.3) : 1;
  const colorValue = (column: string) => (d: ChartRow) => (d[column] === null ? UNKNOWN_KEY : d[column]);
  const fill = ch.fill ? (data.kinds.has(ch.fill) ? colorValue(ch.fill) : ch.fill) : undefined;
  const stroke = ch.stroke ? (data.kinds.has(ch.stroke) ? colorValue(ch.stroke) : ch.stroke) : undefined;
  const tip = tipFormat(spec, data);
  const sort = spec.sort ? sortOption(spec) : undefined;
  const fx = ch.facet;

  const marks: Plot.Markish[] = [];
  switch (spec.mark) {
    case 'bar':
      marks.push(Plot.barY(rows, { x: ch.x, y: ch.y, fill: fill ?? '#4269d0', fillOpacity: opacity, fx, sort, tip }), Plot.ruleY([0]));
      break;
    case 'bar-x':
      marks.push(Plot.barX(rows, { y: ch.y, x: ch.x, fill: fill ?? '#4269d0', fillOpacity: opacity, fy: fx, sort, tip }), Plot.ruleX([0]));
      break;
    case 'line':
      marks.push(Plot.lineY(rows, { x: ch.x, y: ch.y, stroke: stroke ?? fill ?? '#4269d0', strokeWidth: 2, fx, tip }));
      marks.push(Plot.dot(rows, { x: ch.x, y: ch.y, fill: stroke ?? fill ?? '#4269d0', r: 2.5, fx }));
      break;
    case 'area':
      marks.push(Plot.areaY(rows, { x: ch.x, y: ch.y, fill: fill ?? '#4269d0', fillOpacity: 0.7, fx, tip }), Plot.ruleY([0]));
      break;
    case 'dot':
      marks.push(Plot.dot(rows, { x: ch.x, y: ch.y, r: ch.size ?? 4, fill: fill ?? '#4269d0', fillOpacity: typeof opacity === 'number' ? 0.75 : opacity, stroke: 'white', strokeWidth: 0.5, fx, tip }));
      break;
    case 'cell':
      marks.push(Plot.cell(rows, { x: ch.x, y: ch.y, fill: fill ?? ch.y, fx, tip }));
      break;
    case 'text':
      marks.push(Plot.text(rows, { x: ch.x, y: ch.y, text: ch.text ?? ch.y, fill: fill ?? 'currentColor', fx }));
      break;
    case 'rule':
      marks.push(Plot.ruleY(rows, { y: ch.y, x: ch.x, stroke: stroke ?? '#4269d0', fx, tip }));
      break;
    case 'geo':
      return { element: renderMap(spec, data, options), legend: null };
  }

  const element = Plot.plot({
    document: options.document,
    width: options.width,
    height: spec.height ?? 280,
    marginLeft: spec.mark === 'bar-x' ? 120 : 60,
    marginBottom: 40,
    style: { fontFamily: 'inherit', fontSize: '12px', overflow: 'visible' },
    x: {
      label: null,
      tickFormat: formatterFor(spec.format.x, true),
      ticks: spec.format.x === 'month' ? 'month' : undefined,
      tickRotate: spec.mark === 'bar' && rows.length > 8 ? -30 : 0,
    },
    y: { label: null, grid: true, tickFormat: formatterFor(spec.format.y, true) },
    fx: fx ? { label: null } : undefined,
    color: legend
      ? { domain: legend.entries.map((e) => e.value), range: legend.entries.map((e) => e.color) }
      : { scheme: 'blues', legend: spec.mark === 'cell' },
    marks,
  });
  return { element, legend };
}

function renderMap(spec: ChartSpec, data: ChartData, options: RenderOptions): Element {
  const nameColumn = spec.channels.x ?? 'country';
  const valueColumn = spec.channels.fill ?? spec.channels.y ?? 'value';
  const values = new Map(data.rows.map((r) => [mapName(String(r[nameColumn])), r]));
  const format = formatterFor(spec.format.fill ?? spec.format.y) ?? ((v: unknown) => String(v));
  const selected = options.selected;
  const countries = worldCountries();
  return Plot.plot({
    document: options.document,
    width: options.width,
    height: spec.height ?? Math.round(options.width * 0.5),
    projection: 'equal-earth',
    // Quantized: five readable classes, and a legend drawn as swatches (no canvas needed).
    color: { type: 'quantize', n: 5, scheme: 'blues', legend: true, label: valueColumn, ...({ width: 360 } as object), tickFormat: formatterFor(spec.format.fill ?? spec.format.y, true) },
    style: { fontFamily: 'inherit', fontSize: '12px' },
    marks: [
      Plot.graticule({ stroke: '#e5e7eb' }),
      Plot.geo(countries, { fill: '#f1f3f5', stroke: '#d0d5dc', strokeWidth: 0.5 }),
      Plot.geo(
        countries.filter((c) => values.has(c.properties.name)),
        {
          fill: (c: { properties: { name: string } }) => Number(values.get(c.properties.name)![valueColumn]),
          stroke: (c: { properties: { name: string } }) =>
            selected?.has(String(values.get(c.properties.name)![nameColumn])) ? '#111827' : 'white',
          strokeWidth: 1,
          title: (c: { properties: { name: string } }) => {
            const row = values.get(c.properties.name)!;
            return `${row[nameColumn]}\n${valueColumn}: ${format(row[valueColumn])}`;
          },
          tip: true,
        },
      ),
      Plot.sphere({ stroke: '#d0d5dc' }),
    ],
  });
}

/** The column a drill-down chart shows at its current level is its x (or y for bar-x). */
function levelField(spec: ChartSpec): string | null {
  return (spec.mark === 'bar-x' ? spec.channels.y : spec.channels.x) ?? null;
}

function legendFor(column: string, rows: readonly ChartRow[], palette: Palette): ColorLegend {
  const declared = palette.get(column);
  const values = [...new Set(rows.map((r) => (r[column] === null ? UNKNOWN_KEY : String(r[column]))))];
  const ordered = declared ? [...[...declared.keys()].filter((k) => values.includes(k)), ...values.filter((v) => !declared.has(v)).sort()] : values.sort();
  let next = 0;
  return {
    column,
    entries: ordered.map((value) => ({ value, color: declared?.get(value) ?? DEFAULT_COLORS[next++ % DEFAULT_COLORS.length]! })),
  };
}

/** `-y`: categories ordered by their y values, descending (`x` for horizontal bars). */
function sortOption(spec: ChartSpec): Record<string, unknown> {
  const category = spec.mark === 'bar-x' ? 'y' : 'x';
  return { [category]: spec.sort!.replace('-', ''), reverse: spec.sort!.startsWith('-') };
}

function tipFormat(spec: ChartSpec, data: ChartData): Plot.TipOptions | boolean {
  const format: Record<string, unknown> = {};
  for (const key of ['x', 'y'] as const) {
    const f = formatterFor(spec.format[key]);
    if (f) format[key] = f;
    else if (spec.channels[key] && data.kinds.get(spec.channels[key]!) === 'number') format[key] = (v: unknown) => Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  return { format } as Plot.TipOptions;
}
