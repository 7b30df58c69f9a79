/**
 * The dashboard's pure rules: which filters show as chips, what a click on a mark, a map
 * country or a legend entry sets, how the chart form rewrites YAML, which cells go on the
 * dashboard and how they are named.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/notebook/types.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { analyzeNotebook } from '../../src/analysis/analyze-notebook.ts';
import { parseChartSpec } from '../../src/charts/chart-spec.ts';
import { parseInputSpec, type InputSpec } from '../../src/dashboard/input-spec.ts';
import type { ParamValue } from '../../src/analysis/params.ts';
import { activeFilters, defaultParams, formatParamValue } from '../../src/ui/active-filters.ts';
import { chosenValues, clickChange, legendChange, rowOf } from '../../src/ui/chart-interaction.ts';
import { editChartSource } from '../../src/ui/chart-spec-edit.ts';
import { dashboardLayout } from '../../src/ui/dashboard-layout.ts';
import { cellNames } from '../../src/ui/cell-name.ts';
import { ColourMemory } from '../../src/ui/colour-memory.ts';
import { parsePalette } from '../../src/dashboard/palette.ts';

const cells: Cell[] = [
  { id: 'input-gender', kind: 'input', source: 'name: gender\nlabel: Gender\noptions: [F, M]' },
  {
    id: 'input-year',
    kind: 'input',
    source: 'name: year\nlabel: Year\nnumeric: true\noptions: [2016, 2017]',
  },
  {
    id: 'input-country',
    kind: 'input',
    source: 'name: country\nlabel: Country\ncontrol: multi-select\noptions: [France, Germany]',
  },
  {
    id: 'chart-geo',
    kind: 'chart',
    source:
      'title: Revenue by place\ndata: SELECT 1\nmark: bar-x\ny: place\nx: revenue\ndrill: {param: geo, label: Geography, levels: [continent, country, region]}',
  },
];
const inputs = new Map<string, InputSpec>(
  cells
    .filter((c) => c.kind === 'input')
    .map((c) => [parseInputSpec(c.source).name!, parseInputSpec(c.source)]),
);

describe('active filters', () => {
  it('shows each parameter away from its default, in words', () => {
    const params = new Map<string, ParamValue>([
      ['gender', null],
      ['year', 2017],
      ['country', ['France', 'Germany']],
      ['geo', ['Europe', 'France']],
    ]);
    expect(activeFilters(cells, params).map((c) => `${c.label}: ${c.text}`)).toEqual([
      'Year: 2017',
      'Country: France, Germany',
      'Geography: Europe › France',
    ]);
  });

  it('clears to the defaults', () => {
    expect([...defaultParams(cells)]).toEqual([
      ['gender', null],
      ['year', null],
      ['country', []],
      ['geo', []],
    ]);
    expect(activeFilters(cells, defaultParams(cells))).toEqual([]);
  });

  it('writes values people read', () => {
    expect(formatParamValue({ from: '2016-01-01', to: '2016-06-30' })).toBe(
      '2016-01-01 – 2016-06-30',
    );
    expect(formatParamValue(true)).toBe('Yes');
    expect(formatParamValue(null)).toBe('All');
  });
});

describe('chart clicks', () => {
  const bars = parseChartSpec('data: x\nmark: bar\nx: country\ny: revenue\nclick: country');
  const single = new Map([
    ['country', parseInputSpec('name: country\noptions: [France, Germany]')],
  ]);

  it('sets the click parameter, and clears it when the chosen value is clicked again', () => {
    const row = { country: 'France', revenue: 1 };
    expect(clickChange(bars, row, new Map([['country', null]]), single)).toEqual({
      param: 'country',
      value: 'France',
    });
    expect(clickChange(bars, row, new Map([['country', 'France']]), single)).toEqual({
      param: 'country',
      value: null,
    });
  });

  it('ignores a value the input has no option for (an "unknown" bar)', () => {
    const gender = parseChartSpec(
      'data: x\nmark: bar-x\ny: segment\nx: revenue\nfill: gender\nclick: gender',
    );
    const row = { segment: 'New', gender: 'unknown', revenue: 1 };
    expect(clickChange(gender, row, new Map([['gender', null]]), inputs)).toBeNull();
    expect(
      clickChange(gender, { ...row, gender: 'F' }, new Map([['gender', null]]), inputs),
    ).toEqual({ param: 'gender', value: 'F' });
  });

  it('adds to or removes from a multi-select', () => {
    const row = { country: 'Germany', revenue: 1 };
    expect(clickChange(bars, row, new Map([['country', ['France']]]), inputs)).toEqual({
      param: 'country',
      value: ['France', 'Germany'],
    });
    expect(clickChange(bars, row, new Map([['country', ['France', 'Germany']]]), inputs)).toEqual({
      param: 'country',
      value: ['France'],
    });
  });

  it('drills one level per click and stops at the last level', () => {
    const spec = parseChartSpec(cells[3]!.source);
    expect(clickChange(spec, { place: 'Europe' }, new Map([['geo', []]]), inputs)).toEqual({
      param: 'geo',
      value: ['Europe'],
    });
    expect(clickChange(spec, { place: 'France' }, new Map([['geo', ['Europe']]]), inputs)).toEqual({
      param: 'geo',
      value: ['Europe', 'France'],
    });
    expect(
      clickChange(spec, { place: 'Paris' }, new Map([['geo', ['Europe', 'France']]]), inputs),
    ).toBeNull();
  });

  it('maps a country on the world map back to its row', () => {
    const map = parseChartSpec('data: x\nmark: geo\nx: country\nfill: revenue\nclick: country');
    const rows = [
      { country: 'United States', revenue: 1 },
      { country: 'France', revenue: 2 },
    ];
    const feature = {
      type: 'Feature',
      properties: { name: 'United States of America' },
      geometry: null,
    };
    expect(rowOf(map, feature, rows)).toBe(rows[0]);
    expect(rowOf(map, { type: 'Feature', properties: { name: 'Chad' } }, rows)).toBeNull();
  });

  it('lets a legend entry set the input named like its column, when it is one of its options', () => {
    const params = new Map<string, ParamValue>([['gender', null]]);
    const options = new Map([['gender', ['F', 'M']]]);
    expect(legendChange('gender', 'F', params, inputs, options)).toEqual({
      param: 'gender',
      value: 'F',
    });
    expect(legendChange('gender', 'unknown', params, inputs, options)).toBeNull();
    expect(legendChange('segment', 'New', params, inputs, options)).toBeNull();
    expect(legendChange('year', '2017', params, inputs, new Map())).toEqual({
      param: 'year',
      value: 2017,
    });
  });

  it('highlights what a parameter holds', () => {
    expect([...chosenValues(2017)]).toEqual(['2017']);
    expect([...chosenValues(['a', 'b'])]).toEqual(['a', 'b']);
    expect(chosenValues(null).size).toBe(0);
  });
});

describe('chart form edits', () => {
  const source = [
    'title: Revenue by place',
    'data: |',
    '  SELECT place, sum(revenue) AS revenue',
    '  FROM gold.dashboard_sales GROUP BY 1',
    '# horizontal reads better with long names',
    'mark: bar-x',
    'y: place',
    'x: revenue',
    'sort: -x',
    'format: {x: currency}',
    'drill: {param: geo, levels: [continent, country]}',
    '',
  ].join('\n');

  it('changes one key and keeps the SQL block, comments and other keys as written', () => {
    const edited = editChartSource(source, 'title', 'Sales by place')!;
    expect(edited).toBe(source.replace('title: Revenue by place', 'title: Sales by place'));
  });

  it('swaps the axes when bars turn from horizontal to vertical', () => {
    const edited = editChartSource(source, 'mark', 'bar')!;
    const spec = parseChartSpec(edited);
    expect(spec.mark).toBe('bar');
    expect(spec.channels).toMatchObject({ x: 'place', y: 'revenue' });
    expect(spec.sort).toBe('-y');
    expect(spec.format).toEqual({ y: 'currency' });
    expect(edited).toContain(
      '  SELECT place, sum(revenue) AS revenue\n  FROM gold.dashboard_sales GROUP BY 1\n',
    );
  });

  it('removes a key set to none, and refuses YAML it cannot read', () => {
    expect(parseChartSpec(editChartSource(source, 'sort', '')!).sort).toBeNull();
    expect(editChartSource('title: [unclosed', 'mark', 'bar')).toBeNull();
  });
});

describe('dashboard layout and names', () => {
  const notebook = parseNotebook(
    [
      '```sql id=gold-sales',
      "CREATE OR REPLACE TABLE gold.sales AS SELECT 1 AS revenue, 'F' AS gender",
      '```',
      '',
      '```input id=input-gender',
      'name: gender',
      'label: Gender',
      'options: [F, M]',
      '```',
      '',
      '```kpi id=kpi-revenue',
      'label: Total revenue',
      'sql: SELECT sum(revenue) FROM gold.sales WHERE $gender IS NULL OR gender = $gender',
      '```',
      '',
      '```chart id=chart-map',
      'title: Revenue by country',
      'data: SELECT 1',
      'mark: geo',
      '```',
      '',
      '```sql id=top-customers',
      'SELECT * FROM gold.sales WHERE $gender IS NULL OR gender = $gender',
      '```',
      '',
      '```sql',
      'SELECT 42',
      '```',
    ].join('\n'),
  );
  const analysis = analyzeNotebook(notebook);

  it('puts slicers, cards, charts and parameterised queries on the dashboard', () => {
    const layout = dashboardLayout(notebook.cells, analysis);
    expect(layout.slicers.map((c) => c.id)).toEqual(['input-gender']);
    expect(layout.kpis.map((c) => c.id)).toEqual(['kpi-revenue']);
    expect(layout.tiles.map((t) => [t.cell.id, t.kind, t.span])).toEqual([
      ['chart-map', 'chart', 'two-thirds'],
      ['top-customers', 'table', 'half'],
    ]);
  });

  it('names cells after their label or title, keeping the control and card names unique', () => {
    const names = [...cellNames(notebook.cells, analysis).values()];
    expect(names).toEqual([
      'gold.sales',
      'Gender slicer',
      'Total revenue KPI',
      'Revenue by country',
      'Top customers',
      'Query 1',
    ]);
  });
});

describe('colour memory', () => {
  it('keeps the colour a value first got, and never overrides declared colours', async () => {
    let changes = 0;
    const memory = new ColourMemory(() => changes++);
    const declared = parsePalette('{gender: {F: "#c2417a"}}');
    memory.learn(
      {
        column: 'year',
        entries: [
          { value: '2016', color: '#111111' },
          { value: '2017', color: '#222222' },
        ],
      },
      declared,
    );
    memory.learn({ column: 'gender', entries: [{ value: 'F', color: '#000000' }] }, declared);
    await Promise.resolve();
    expect(changes).toBe(1);
    const palette = memory.palette(declared);
    expect(palette.get('year')?.get('2017')).toBe('#222222');
    expect(palette.get('gender')?.get('F')).toBe('#c2417a');
    // The same palette object until a colour is learned: charts redraw on a new one.
    expect(memory.palette(declared)).toBe(palette);
    memory.learn({ column: 'year', entries: [{ value: '2018', color: '#333333' }] }, declared);
    const wider = memory.palette(declared);
    expect(wider).not.toBe(palette);
    expect(wider.get('year')?.get('2018')).toBe('#333333');
  });
});
