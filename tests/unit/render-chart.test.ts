/**
 * Golden files: each chart spec rendered to SVG on fixed data with a jsdom document.
 * Set UPDATE_GOLDEN=1 to rewrite them after an intended change, then look at the diff.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tableFromArrays } from 'apache-arrow';
import { parseChartSpec } from '../../src/charts/chart-spec.ts';
import { chartData } from '../../src/charts/chart-rows.ts';
import { renderChart } from '../../src/charts/render-chart.ts';
import { parsePalette } from '../../src/dashboard/palette.ts';

const palette = parsePalette('{gender: {F: "#c2417a", M: "#2f6fb3", unknown: "#9aa1a9"}}');
const byCountry = tableFromArrays({
  country: ['United States', 'Australia', 'United Kingdom', 'Germany', 'France', 'Canada'],
  revenue: Float64Array.from([718104.16, 450322.2, 186082, 188688.96, 161055.49, 327014.18]),
});
const byMonthGender = tableFromArrays({
  month: [0, 1, 2, 0, 1, 2].map((m) => new Date(Date.UTC(2016, m, 1))),
  gender: ['F', 'F', 'F', 'M', 'M', 'M'],
  revenue: Float64Array.from([100, 150, 130, 90, 160, 170]),
});
const scatter = tableFromArrays({
  income: Float64Array.from([40000, 60000, 90000, 120000, 170000]),
  spend: Float64Array.from([1200, 300, 5400, 2100, 8000]),
  gender: ['F', 'M', null as unknown as string, 'F', 'M'],
});

const cases: [string, string, ReturnType<typeof tableFromArrays>][] = [
  ['bar-sorted-currency', 'data: x\nmark: bar\nx: country\ny: revenue\nsort: -y\nformat: {y: currency}\nclick: country', byCountry],
  ['bar-x', 'data: x\nmark: bar-x\ny: country\nx: revenue\nsort: -x\nformat: {x: currency}', byCountry],
  ['line-by-gender', 'data: x\nmark: line\nx: month\ny: revenue\nstroke: gender\nformat: {x: month, y: currency}', byMonthGender],
  ['dot-scatter', 'data: x\nmark: dot\nx: income\ny: spend\nfill: gender\nformat: {x: currency, y: currency}', scatter],
  ['geo-choropleth', 'data: x\nmark: geo\nx: country\nfill: revenue\nformat: {fill: currency}', byCountry],
];

describe('chart rendering (golden SVG)', () => {
  it.each(cases)('%s', (name, specText, table) => {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const spec = parseChartSpec(specText);
    expect(spec.problems).toEqual([]);
    const selected = name === 'bar-sorted-currency' ? new Set(['France']) : undefined;
    const { element } = renderChart(spec, chartData(table), { width: 640, palette, document, selected });
    const svg = element.outerHTML;
    const golden = `tests/unit/__golden__/${name}.svg`;
    if (process.env['UPDATE_GOLDEN'] || !existsSync(golden)) writeFileSync(golden, svg);
    expect(svg).toBe(readFileSync(golden, 'utf8'));
  });

  it('draws a map again at the same size from its kept base layers, the same as the first time', () => {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const spec = parseChartSpec('data: x\nmark: geo\nx: country\nfill: revenue\nformat: {fill: currency}');
    const first = renderChart(spec, chartData(byCountry), { width: 640, palette, document }).element;
    const again = renderChart(spec, chartData(byCountry), { width: 640, palette, document }).element;
    expect(again.outerHTML).toBe(first.outerHTML);
    // Copies, not the same nodes: changing one drawing leaves the other whole.
    first.querySelector('svg:last-of-type g[aria-label="geo"]')!.remove();
    expect(again.querySelectorAll('svg:last-of-type g[aria-label="geo"]')).toHaveLength(3);
    // Another width is another projection: its base layers are drawn for it.
    const narrow = renderChart(spec, chartData(byCountry), { width: 320, palette, document }).element;
    expect(narrow.querySelector('svg:last-of-type')!.getAttribute('width')).toBe('320');
    expect(narrow.querySelectorAll('svg:last-of-type g[aria-label="geo"]')).toHaveLength(3);
  });

  it('colours gender the same in every chart, from the notebook colour map', () => {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const line = renderChart(parseChartSpec('data: x\nmark: line\nx: month\ny: revenue\nstroke: gender'), chartData(byMonthGender), { width: 400, palette, document });
    const dots = renderChart(parseChartSpec('data: x\nmark: dot\nx: income\ny: spend\nfill: gender'), chartData(scatter), { width: 400, palette, document });
    expect(line.legend?.entries).toEqual([
      { value: 'F', color: '#c2417a' },
      { value: 'M', color: '#2f6fb3' },
    ]);
    expect(dots.legend?.entries).toEqual([
      { value: 'F', color: '#c2417a' },
      { value: 'M', color: '#2f6fb3' },
      { value: 'unknown', color: '#9aa1a9' },
    ]);
    expect(line.element.outerHTML).toContain('#c2417a');
    expect(dots.element.outerHTML).toContain('#9aa1a9');
  });

  it('rejects what is not in the spec vocabulary, in words', () => {
    const spec = parseChartSpec('mark: pie\nsort: sideways\nformat: {y: roman}');
    expect(spec.problems.join(' ')).toMatch(/No "data:"/);
    expect(spec.problems.join(' ')).toMatch(/mark must be one of/);
    expect(spec.problems.join(' ')).toMatch(/sort must be/);
    expect(spec.problems.join(' ')).toMatch(/format\.y must be one of/);
  });
});
