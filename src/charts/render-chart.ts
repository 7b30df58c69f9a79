/**
 * A chart spec and its rows → an Observable Plot element. Pure apart from the DOM: the
 * same call renders in the page and, with a jsdom document, in golden-file tests.
 */
import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './chart-spec.ts';
import type { ChartData, ChartRow } from './chart-rows.ts';
import { formatterFor } from './formats.ts';
import { worldCountries } from './world-map.ts';
import { addBaseLayers, MAP_PROJECTION } from './map-base-layers.ts';
import { mapName } from './country-names.ts';
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

/** Five blues from light to dark, without the near-white end: every class stays visible on white. */
const BLUES = ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'];

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
  const tip = tipFormat(spec, data, colorColumn);
  // Tooltips show the whole row under the columns' names ("gender: F", "full_name: …"):
  // chart rows are aggregates with a few columns, and a scatter's dot needs its name.
  const shown = [...data.kinds.keys()].filter((c) => c !== ch.x && c !== ch.y);
  const extra = shown.length > 0 ? { channels: Object.fromEntries(shown.map((c) => [c, c])) } : {};
  const sort = spec.sort ? sortOption(spec) : undefined;
  const fx = ch.facet;
  // Dates on x make a time axis: bars become month (or day) wide rects, ticks are spaced.
  const timeX = ch.x !== undefined && data.kinds.get(ch.x) === 'date';
  // A number as colour (margin) is read in five classes, with a legend of swatches.
  const quantFill = ch.fill !== undefined && data.kinds.get(ch.fill) === 'number';
  const ariaLabel = markLabel(spec, data);

  const marks: Plot.Markish[] = [];
  switch (spec.mark) {
    case 'bar':
      marks.push(
        timeX
          ? Plot.rectY(rows, { x: ch.x, interval: spec.format.x === 'date' ? 'day' : 'month', y: ch.y, fill: fill ?? '#4269d0', fillOpacity: opacity, inset: 0.5, fx, tip, ariaLabel, ...extra })
          : Plot.barY(rows, { x: ch.x, y: ch.y, fill: fill ?? '#4269d0', fillOpacity: opacity, fx, sort, tip, ariaLabel, ...extra }),
        Plot.ruleY([0]),
      );
      break;
    case 'bar-x':
      marks.push(Plot.barX(rows, { y: ch.y, x: ch.x, fill: fill ?? '#4269d0', fillOpacity: opacity, fy: fx, sort, tip, ariaLabel, ...extra }), Plot.ruleX([0]));
      break;
    case 'line':
      marks.push(Plot.lineY(rows, { x: ch.x, y: ch.y, stroke: stroke ?? fill ?? '#4269d0', strokeWidth: 2, fx, tip, ...extra }));
      marks.push(Plot.dot(rows, { x: ch.x, y: ch.y, fill: stroke ?? fill ?? '#4269d0', r: 2.5, fx }));
      break;
    case 'area':
      marks.push(Plot.areaY(rows, { x: ch.x, y: ch.y, fill: fill ?? '#4269d0', fillOpacity: 0.7, fx, tip, ...extra }), Plot.ruleY([0]));
      break;
    case 'dot':
      marks.push(Plot.dot(rows, { x: ch.x, y: ch.y, r: ch.size ?? 4, fill: fill ?? '#4269d0', fillOpacity: typeof opacity === 'number' ? 0.75 : opacity, stroke: 'white', strokeWidth: 0.5, fx, tip, ...extra }));
      break;
    case 'cell':
      marks.push(Plot.cell(rows, { x: ch.x, y: ch.y, fill: fill ?? ch.y, fx, tip, ...extra }));
      break;
    case 'text':
      marks.push(Plot.text(rows, { x: ch.x, y: ch.y, text: ch.text ?? ch.y, fill: fill ?? 'currentColor', fx }));
      break;
    case 'rule':
      marks.push(Plot.ruleY(rows, { y: ch.y, x: ch.x, stroke: stroke ?? '#4269d0', fx, tip, ...extra }));
      break;
    case 'geo':
      return { element: renderMap(spec, data, options), legend: null };
  }

  const categories = spec.mark === 'bar-x' && ch.y ? [...new Set(rows.map((r) => String(r[ch.y!])))] : [];
  // Column labels are turned when they would run into each other.
  const columns = spec.mark === 'bar' && !timeX && ch.x ? [...new Set(rows.map((r) => String(r[ch.x!])))] : [];
  const rotateX = columns.length > 0 && 6.6 * Math.max(...columns.map((c) => c.length)) > (0.9 * (options.width - 76)) / columns.length;
  const element = Plot.plot({
    document: options.document,
    width: options.width,
    // Horizontal bars get the room their labels need: a 25-product list is not squeezed.
    height: spec.height ?? (spec.mark === 'bar-x' && !fx ? Math.max(150, categories.length * 24 + 50) : 280),
    marginLeft: spec.mark === 'bar-x' ? Math.min(220, Math.max(60, 12 + 6.6 * Math.max(0, ...categories.map((c) => c.length)))) : 60,
    marginRight: 16,
    marginBottom: rotateX ? 64 : 40,
    style: { fontFamily: 'inherit', fontSize: '12px', overflow: 'visible' },
    x: {
      label: null,
      tickFormat: formatterFor(spec.format.x, true),
      ticks: timeX ? timeTicks(rows, ch.x!, options.width) : spec.mark === 'bar-x' ? Math.max(2, Math.floor(options.width / 120)) : undefined,
      tickRotate: rotateX ? -30 : 0,
    },
    y: { label: null, grid: true, tickFormat: formatterFor(spec.format.y, true) },
    fx: fx ? { label: null } : undefined,
    color: legend
      ? { domain: legend.entries.map((e) => e.value), range: legend.entries.map((e) => e.color) }
      : quantFill && spec.mark !== 'cell'
        ? { type: 'quantize', range: BLUES, legend: true, label: title(ch.fill!), tickFormat: formatterFor(spec.format.fill, true), ...({ width: Math.min(320, options.width - 20) } as object) }
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
  const height = spec.height ?? Math.round(options.width * 0.46);
  const map = Plot.plot({
    document: options.document,
    width: options.width,
    height,
    projection: MAP_PROJECTION,
    // Quantized: five readable classes, and a legend drawn as swatches (no canvas needed).
    color: { type: 'quantize', range: BLUES, legend: true, label: title(valueColumn), ...({ width: Math.min(360, options.width - 20) } as object), tickFormat: formatterFor(spec.format.fill ?? spec.format.y, true) },
    style: { fontFamily: 'inherit', fontSize: '12px' },
    marks: [
      // Only the countries with values: the graticule and the grey countries under them are
      // drawn once per size (map-base-layers.ts) and added below.
      Plot.geo(
        worldCountries().filter((c) => values.has(c.properties.name)),
        {
          fill: (c: { properties: { name: string } }) => Number(values.get(c.properties.name)![valueColumn]),
          // A chosen country keeps its colour and gets an outline; the others fade.
          fillOpacity: (c: { properties: { name: string } }) =>
            !selected || selected.size === 0 || selected.has(String(values.get(c.properties.name)![nameColumn])) ? 1 : 0.3,
          stroke: (c: { properties: { name: string } }) =>
            selected?.has(String(values.get(c.properties.name)![nameColumn])) ? '#111827' : 'white',
          strokeWidth: (c: { properties: { name: string } }) =>
            selected?.has(String(values.get(c.properties.name)![nameColumn])) ? 1.5 : 0.75,
          title: (c: { properties: { name: string } }) => {
            const row = values.get(c.properties.name)!;
            return `${row[nameColumn]}\n${valueColumn}: ${format(row[valueColumn])}`;
          },
          ariaLabel: (c: { properties: { name: string } }) => String(values.get(c.properties.name)![nameColumn]),
          tip: true,
        },
      ),
    ],
  });
  // With its colour legend the map is a <figure>: the drawing is its last <svg>.
  const svg = map.tagName.toLowerCase() === 'svg' ? map : [...map.children].filter((c) => c.tagName.toLowerCase() === 'svg').at(-1);
  if (svg) addBaseLayers(svg, options.width, height, options.document ?? document);
  return map;
}

/**
 * Time axis ticks that leave room for a "Jan 2017" label (about 80 px each): every 3
 * months on a laptop, every 6 or 12 on a phone.
 */
function timeTicks(rows: readonly ChartRow[], column: string, width: number): string | number {
  const times = rows.map((r) => r[column]).filter((v): v is Date => v instanceof Date).map((d) => d.getTime());
  if (times.length === 0) return 5;
  const months = (Math.max(...times) - Math.min(...times)) / (30.44 * 86_400_000);
  const room = width - 80;
  if (months <= 1) return Math.max(2, Math.floor(room / 90));
  for (const step of [1, 3, 6]) if (room / (months / step) >= 80) return step === 1 ? 'month' : `${step} months`;
  return 'year';
}

/** `annual_income` → "Annual income", for legend titles. */
function title(column: string): string {
  const words = column.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Each bar's accessible name, "France, $161,055": screen readers can read the chart, and
 * tests can find a bar by its category.
 */
function markLabel(spec: ChartSpec, data: ChartData): ((d: ChartRow) => string) | undefined {
  const horizontal = spec.mark === 'bar-x';
  const category = horizontal ? spec.channels.y : spec.channels.x;
  const value = horizontal ? spec.channels.x : spec.channels.y;
  if (!category || !value || !data.kinds.has(category)) return undefined;
  const formatCategory = formatterFor(horizontal ? spec.format.y : spec.format.x) ?? String;
  const formatValue = formatterFor(horizontal ? spec.format.x : spec.format.y) ?? ((v: unknown) => Number(v).toLocaleString('en-US'));
  const colour = spec.channels.fill && data.kinds.get(spec.channels.fill) === 'text' ? spec.channels.fill : null;
  return (d) => `${formatCategory(d[category])}${colour ? ` (${d[colour] ?? UNKNOWN_KEY})` : ''}, ${formatValue(d[value])}`;
}

/** The column a drill-down chart shows at its current level is its x (or y for bar-x). */
function levelField(spec: ChartSpec): string | null {
  return (spec.mark === 'bar-x' ? spec.channels.y : spec.channels.x) ?? null;
}

function legendFor(column: string, rows: readonly ChartRow[], palette: Palette): ColorLegend {
  const declared = palette.get(column);
  const values = [...new Set(rows.map((r) => (r[column] === null ? UNKNOWN_KEY : String(r[column]))))];
  const ordered = declared ? [...[...declared.keys()].filter((k) => values.includes(k)), ...values.filter((v) => !declared.has(v)).sort()] : values.sort();
  // Values the map does not name take the default colours the map has not used yet.
  const used = new Set(declared?.values() ?? []);
  const free = DEFAULT_COLORS.filter((c) => !used.has(c));
  const colors = free.length > 0 ? free : DEFAULT_COLORS;
  let next = 0;
  return {
    column,
    entries: ordered.map((value) => ({ value, color: declared?.get(value) ?? colors[next++ % colors.length]! })),
  };
}

/** `-y`: categories ordered by their y values, descending (`x` for horizontal bars). */
function sortOption(spec: ChartSpec): Record<string, unknown> {
  const category = spec.mark === 'bar-x' ? 'y' : 'x';
  return { [category]: spec.sort!.replace('-', ''), reverse: spec.sort!.startsWith('-') };
}

function tipFormat(spec: ChartSpec, data: ChartData, colorColumn: string | null): Plot.TipOptions | boolean {
  const format: Record<string, unknown> = {};
  if (colorColumn) {
    Object.assign(format, { fill: false, stroke: false, z: false });
    const f = formatterFor(spec.format.fill);
    if (f) format[colorColumn] = f;
  }
  for (const [column, kind] of data.kinds) {
    if (kind === 'number' && !(column in format)) format[column] = (v: unknown) => Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  for (const key of ['x', 'y'] as const) {
    const f = formatterFor(spec.format[key]);
    if (f) format[key] = f;
    else if (spec.channels[key] && data.kinds.get(spec.channels[key]!) === 'number') format[key] = (v: unknown) => Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  return { format } as Plot.TipOptions;
}
