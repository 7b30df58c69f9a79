/**
 * How a slicer change runs: the dashboard's queries go to the engine together (so it never
 * waits for the page between two of them), a view using the parameter is not made again
 * before what reads it, and the answers are those of running the cells one by one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import type { EngineApi } from '../../src/engine/api.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRuntime } from '../../src/runtime/notebook-runtime.ts';
import { valueToDecimalText } from '../../src/dashboard/decimal-text.ts';
import { recording } from './recording-engine.ts';
import { REVENUE_BY_YEAR_CHART, REVENUE_CARD, SLICERS_AND_FILTERED_VIEW } from './slicer-cells.ts';

const NOTEBOOK = `# Slicer plan

\`\`\`sql id=sales
CREATE OR REPLACE TABLE gold.sales AS
SELECT * FROM (VALUES ('F', 2016, 10.50), ('M', 2016, 20.25), ('F', 2017, 5.00), (NULL, 2017, 1.00)) t(gender, year, revenue)
\`\`\`

${SLICERS_AND_FILTERED_VIEW}

${REVENUE_CARD}

\`\`\`kpi id=kpi-lines
label: Lines
sql: SELECT count(*) FROM gold.filtered
format: integer
compare: year
\`\`\`

${REVENUE_BY_YEAR_CHART}

\`\`\`sql id=top-lines
SELECT gender, revenue FROM gold.sales WHERE $gender IS NULL OR gender = $gender ORDER BY revenue DESC
\`\`\`
`;

let engine: EngineApi;
let rec: ReturnType<typeof recording>;
let runtime: NotebookRuntime;

beforeAll(async () => {
  engine = await createNodeEngine();
  rec = recording(engine);
  runtime = new NotebookRuntime(rec.engine, parseNotebook(NOTEBOOK));
  await runtime.runAll();
});

describe('a slicer change', () => {
  it('sends the cards, the chart and the query together, before the view is made again', async () => {
    rec.reset();
    const plans = performance.getEntriesByName('medallion:plan').length;
    await runtime.setInput('gender', 'F');
    // The two cards (one query: they read the same rows), the chart and the query.
    expect(rec.mostAtOnce()).toBeGreaterThanOrEqual(3);
    const cards = rec.calls.filter((c) => c.includes('(sum(revenue)) AS kpi_0, (count(*)) AS kpi_1 FROM gold.filtered'));
    expect(cards).toHaveLength(1);
    const createView = rec.calls.findIndex((c) => c.startsWith('CREATE OR REPLACE VIEW gold.filtered'));
    const lastRead = Math.max(...['AS kpi_1 FROM gold.filtered', 'GROUP BY year'].map((s) => rec.calls.findIndex((c) => c.includes(s))));
    expect(lastRead).toBeGreaterThan(-1);
    expect(createView).toBeGreaterThan(lastRead);
    // The view's refresh is a plan of its own, after the one that updates the dashboard.
    expect(performance.getEntriesByName('medallion:plan').length - plans).toBe(2);
    expect(rec.calls.some((c) => c.startsWith('CREATE OR REPLACE TABLE gold.sales'))).toBe(false);
  });

  it('gives every cell the answer of its own query', async () => {
    await runtime.setInput('gender', 'F');
    expect(runtime.state('kpi-revenue').kpi).toEqual({ value: '15.50', previous: null });
    expect(runtime.state('kpi-lines').kpi?.value).toBe('2');
    expect(runtime.state('top-lines').result?.rows).toBe(2);
    expect(runtime.state('filtered').status).toBe('done');
    expect(runtime.state('filtered').result?.rows).toBe(2);
    const table = runtime.state('chart-by-year').result!.preview;
    const revenue = table.getChild('revenue')!;
    const chart = table.toArray().map((r, i) => [Number(r.year), valueToDecimalText(revenue.get(i), revenue.type)]);
    expect(chart).toEqual([
      [2016, '10.50'],
      [2017, '5.00'],
    ]);
  });

  it('keeps each card its previous period when a year is chosen, though the other cells run alongside', async () => {
    rec.reset();
    await runtime.setInputs([
      ['gender', null],
      ['year', 2017],
    ]);
    expect(runtime.state('kpi-revenue').kpi).toEqual({ value: '6.00', previous: '30.75' });
    expect(runtime.state('kpi-lines').kpi).toEqual({ value: '2', previous: '2' });
    // Both cards in one query for 2017, one for 2016 between stepping the year back and forth.
    const cards = rec.calls.flatMap((c, i) => (c.includes('AS kpi_1 FROM gold.filtered') ? [i] : []));
    expect(cards).toHaveLength(2);
    expect(rec.calls[cards[1]! - 1]).toBe('SET VARIABLE year = 2016');
    expect(rec.calls[cards[1]! + 1]).toBe('SET VARIABLE year = 2017');
    expect(runtime.state('chart-by-year').result!.preview.numRows).toBe(1);
    expect(runtime.state('top-lines').result?.rows).toBe(4);
    await runtime.setInput('year', null);
  });

  it('re-creates a view edited since its last run before what reads it', async () => {
    const source = runtime.notebook.cells.find((c) => c.id === 'filtered')!.source;
    runtime.dispatch({ type: 'edit', id: 'filtered', source: source.replace('SELECT *', 'SELECT gender, year, revenue * 2 AS revenue') });
    await runtime.setInput('gender', 'M');
    expect(runtime.state('filtered').status).toBe('done');
    expect(runtime.state('kpi-revenue').kpi?.value).toBe('40.50');
  });
});

describe('KPI cards asked in one query', () => {
  it('still show each its own error when one of them fails', async () => {
    const notebook = parseNotebook(
      [
        '# Cards',
        '```sql id=t',
        'CREATE OR REPLACE TABLE gold.t AS SELECT * FROM (VALUES (1), (2)) v(x)',
        '```',
        '```kpi id=good',
        'label: Total',
        'sql: SELECT sum(x) FROM gold.t',
        '```',
        '```kpi id=bad',
        'label: Broken',
        "sql: SELECT sum(x) + CAST('seven' AS INTEGER) FROM gold.t",
        '```',
      ].join('\n'),
    );
    const recorded = recording(engine);
    const cards = new NotebookRuntime(recorded.engine, notebook);
    await cards.runAll();
    expect(recorded.calls.filter((c) => c.includes('AS kpi_1 FROM gold.t'))).toHaveLength(1);
    expect(cards.state('good')).toMatchObject({ status: 'done', kpi: { value: '3', previous: null } });
    expect(cards.state('bad').status).toBe('error');
    expect(cards.state('bad').message).toMatch(/seven/);
  });

  it('show a date or a name as it is, not as a number', async () => {
    const notebook = parseNotebook(
      [
        '# Cards',
        '```sql id=t',
        "CREATE OR REPLACE TABLE gold.t AS SELECT * FROM (VALUES (DATE '2017-06-30', 'Canada', 5), (DATE '2016-01-02', 'Canada', 1)) v(d, country, n)",
        '```',
        '```kpi id=last-order',
        'label: Last order',
        'sql: SELECT max(d) FROM gold.t',
        '```',
        '```kpi id=top-country',
        'label: Top country',
        'sql: SELECT mode(country) FROM gold.t',
        '```',
        '```kpi id=total',
        'label: Total',
        'sql: SELECT sum(n) FROM gold.t',
        '```',
      ].join('\n'),
    );
    const cards = new NotebookRuntime(engine, notebook);
    await cards.runAll();
    expect(cards.state('last-order').kpi?.value).toBe('2017-06-30');
    expect(cards.state('top-country').kpi?.value).toBe('Canada');
    expect(cards.state('total').kpi?.value).toBe('6');
  });

  it('fails, saying why, when its query gives several rows', async () => {
    const notebook = parseNotebook(
      ['# Cards', '```kpi id=per-row', 'label: Per row', 'sql: SELECT range FROM range(3)', '```'].join('\n'),
    );
    const cards = new NotebookRuntime(engine, notebook);
    await cards.runAll();
    expect(cards.state('per-row')).toMatchObject({ status: 'error', message: expect.stringMatching(/gives 3 rows; a card shows one value/) });
  });

  it('gives a card made ready later in the plan its previous period too', async () => {
    const notebook = parseNotebook(
      [
        '# Cards',
        '```sql id=sales',
        'CREATE OR REPLACE TABLE gold.sales AS SELECT * FROM (VALUES (2016, 4), (2017, 1), (2017, 2)) v(year, n)',
        '```',
        '```input id=input-year',
        'name: year',
        'label: Year',
        'control: select',
        'numeric: true',
        'options: [2016, 2017]',
        '```',
        '```kpi id=first',
        'label: Lines',
        'sql: SELECT count(*) FROM gold.sales WHERE $year IS NULL OR year = $year',
        'compare: year',
        '```',
        '```sql id=year-sales',
        'CREATE OR REPLACE TABLE gold.year_sales AS SELECT * FROM gold.sales WHERE $year IS NULL OR year = $year',
        '```',
        '```kpi id=later',
        'label: Sum',
        'sql: SELECT sum(n) + $year FROM gold.year_sales',
        'compare: year',
        '```',
      ].join('\n'),
    );
    const cards = new NotebookRuntime(engine, notebook);
    await cards.runAll();
    await cards.setInput('year', 2017);
    expect(cards.state('first').kpi).toEqual({ value: '2', previous: '1' });
    // The table holds 2017's lines (3); the card adds the year it is asked for.
    expect(cards.state('later').kpi).toEqual({ value: '2020', previous: '2019' });
    await cards.setInput('year', null);
  });
});

