/**
 * A slicer set back to a value seen before takes its charts' and cards' answers from the
 * last time instead of asking the engine (runtime/answer-cache.ts), and the answers are
 * those the engine would give: asked again whenever a table may have changed, never kept
 * for queries whose answer changes by itself.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import type { EngineApi } from '../../src/engine/api.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRuntime } from '../../src/runtime/notebook-runtime.ts';
import { AnswerCache, keepable, paramsKey } from '../../src/runtime/answer-cache.ts';
import { tableFromArrays } from 'apache-arrow';
import type { ParamValue } from '../../src/analysis/params.ts';
import { valueToDecimalText } from '../../src/dashboard/decimal-text.ts';
import { recording } from './recording-engine.ts';
import { REVENUE_BY_YEAR_CHART, REVENUE_CARD, SLICERS_AND_FILTERED_VIEW } from './slicer-cells.ts';

const SALES = `CREATE OR REPLACE TABLE gold.sales AS
SELECT * FROM (VALUES ('F', 2016, 10.50), ('M', 2016, 20.25), ('F', 2017, 5.00), ('M', 2017, 1.00)) t(gender, year, revenue)`;

const NOTEBOOK = `# Kept answers

\`\`\`sql id=sales
${SALES}
\`\`\`

${SLICERS_AND_FILTERED_VIEW}

${REVENUE_CARD}

${REVENUE_BY_YEAR_CHART}

\`\`\`chart id=chart-sampled
title: A random sample
data: SELECT gender, revenue, random() AS r FROM gold.filtered
mark: dot
x: revenue
y: r
\`\`\`

\`\`\`sql id=top-lines
SELECT gender, revenue FROM gold.filtered ORDER BY revenue DESC
\`\`\`
`;

const CARD_QUERY = 'SELECT sum(revenue) FROM gold.filtered';
const CHART_QUERY = 'GROUP BY year';

let engine: EngineApi;
let rec: ReturnType<typeof recording>;
let runtime: NotebookRuntime;

const chartRows = () => {
  const table = runtime.state('chart-by-year').result!.preview;
  const revenue = table.getChild('revenue')!;
  return table.toArray().map((r, i) => [Number(r.year), valueToDecimalText(revenue.get(i), revenue.type)]);
};
const asked = (part: string) => rec.calls.filter((c) => c.includes(part)).length;

beforeEach(async () => {
  engine ??= await createNodeEngine();
  rec = recording(engine);
  runtime = new NotebookRuntime(rec.engine, parseNotebook(NOTEBOOK));
  await runtime.runAll();
});

describe('a slicer set back to a value seen before', () => {
  it('shows the charts and cards of last time without asking the engine, and runs the rest', async () => {
    await runtime.setInput('gender', 'F');
    const female = { card: runtime.state('kpi-revenue').kpi, chart: chartRows() };
    expect(female.card?.value).toBe('15.50');
    await runtime.setInput('gender', 'M');
    expect(runtime.state('kpi-revenue').kpi?.value).toBe('21.25');

    rec.reset();
    await runtime.setInput('gender', 'F');
    expect(asked(CARD_QUERY)).toBe(0);
    expect(asked(CHART_QUERY)).toBe(0);
    expect({ card: runtime.state('kpi-revenue').kpi, chart: chartRows() }).toEqual(female);
    expect(runtime.state('kpi-revenue').status).toBe('done');
    expect(runtime.state('chart-by-year').status).toBe('done');
    // A query cell keeps its result as a table to page through: it runs each time.
    expect(runtime.state('top-lines').result?.rows).toBe(2);
    expect(rec.calls.filter((c) => c.includes('ORDER BY revenue DESC'))).toHaveLength(1);
    // "All", as after Run all, is a value seen before too.
    rec.reset();
    await runtime.setInput('gender', null);
    expect(asked(CHART_QUERY)).toBe(0);
    expect(runtime.state('kpi-revenue').kpi?.value).toBe('36.75');
  });

  it('keeps a card its previous period, without stepping the year back again', async () => {
    await runtime.setInput('year', 2017);
    expect(runtime.state('kpi-revenue').kpi).toEqual({ value: '6.00', previous: '30.75' });
    await runtime.setInput('gender', 'F');
    expect(runtime.state('kpi-revenue').kpi).toEqual({ value: '5.00', previous: '10.50' });
    rec.reset();
    await runtime.setInput('gender', null);
    expect(runtime.state('kpi-revenue').kpi).toEqual({ value: '6.00', previous: '30.75' });
    expect(rec.calls.some((c) => c.startsWith('SET VARIABLE year = 2016'))).toBe(false);
    expect(asked(CARD_QUERY)).toBe(0);
  });

  it('asks again once a table was made again, and shows the new numbers', async () => {
    await runtime.setInput('gender', 'F');
    await runtime.setInput('gender', 'M');
    runtime.dispatch({ type: 'edit', id: 'sales', source: SALES.replace("('F', 2017, 5.00)", "('F', 2017, 7.00)") });
    await runtime.runCell('sales');
    expect(runtime.state('kpi-revenue').kpi?.value).toBe('21.25');
    rec.reset();
    await runtime.setInput('gender', 'F');
    expect(asked(CARD_QUERY)).toBe(1);
    expect(runtime.state('kpi-revenue').kpi?.value).toBe('17.50');
    expect(chartRows()).toEqual([
      [2016, '10.50'],
      [2017, '7.00'],
    ]);
  });

  it('asks again after a cell wrote a table analysis cannot name', async () => {
    await runtime.setInput('gender', 'F');
    await runtime.setInput('gender', 'M');
    const id = runtime.dispatch({ type: 'add', kind: 'sql', source: "UPDATE gold.sales SET revenue = 0 WHERE gender = 'F'" })!;
    await runtime.runCell(id);
    await runtime.setInput('gender', 'F');
    expect(runtime.state('kpi-revenue').kpi?.value).toBe('0.00');
  });

  it('asks again when the notebook runs the chart itself, and for a query that reads random numbers', async () => {
    await runtime.setInput('gender', 'F');
    await runtime.setInput('gender', 'M');
    rec.reset();
    await runtime.setInput('gender', 'F');
    expect(asked('random()')).toBe(1);
    rec.reset();
    await runtime.runCell('chart-by-year');
    expect(asked(CHART_QUERY)).toBe(1);
  });

  it('asks again for an edited chart', async () => {
    await runtime.setInput('gender', 'F');
    await runtime.setInput('gender', 'M');
    const chart = runtime.notebook.cells.find((c) => c.id === 'chart-by-year')!;
    runtime.dispatch({ type: 'edit', id: 'chart-by-year', source: chart.source.replace('sum(revenue)', 'max(revenue)') });
    rec.reset();
    await runtime.setInput('gender', 'F');
    expect(asked('max(revenue)')).toBe(1);
  });
});

describe('a slicer changed while a plan sets its variables', () => {
  it('keeps nothing of that plan, so the next change shows its own numbers', async () => {
    // Setting the year takes a while: the gender changes meanwhile, after its variable was set.
    let yearSetStarted!: () => void;
    const settingYear = new Promise<void>((resolve) => (yearSetStarted = resolve));
    const slowYear = new Proxy(engine, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (key !== 'query' || typeof value !== 'function') return value;
        return async (sql: string) => {
          if (sql === 'SET VARIABLE year = 2017') {
            yearSetStarted();
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          return (value as (sql: string) => Promise<Uint8Array>).call(target, sql);
        };
      },
    });
    const slow = new NotebookRuntime(slowYear, parseNotebook(NOTEBOOK));
    await slow.runAll();
    const yearChange = slow.setInput('year', 2017);
    await settingYear;
    const genderChange = slow.setInput('gender', 'F');
    await Promise.all([yearChange, genderChange]);
    expect(slow.state('kpi-revenue').kpi?.value).toBe('5.00');
  });
});

describe('the answer cache', () => {
  const chart = { id: 'c', kind: 'chart' as const, source: 'data: SELECT 1 AS x\nmark: dot\nx: x' };
  const answer = (n: number) => ({ result: { relation: null, rows: n, preview: tableFromArrays({ x: new Int32Array(100).fill(n) }), elapsedMs: 1 } });

  it('keeps charts and cards, not queries that change by themselves', () => {
    expect(keepable(chart)).toBe(true);
    expect(keepable({ id: 'k', kind: 'kpi', source: 'label: Now\nsql: SELECT now()' })).toBe(false);
    expect(keepable({ id: 'k', kind: 'kpi', source: 'label: Today\nsql: SELECT CURRENT_DATE' })).toBe(false);
    expect(keepable({ id: 's', kind: 'sql', source: 'SELECT 1' })).toBe(false);
  });

  it('tells parameter values apart, whatever order they were set in', () => {
    const key = (...entries: [string, ParamValue][]) => paramsKey(new Map(entries));
    const cache = new AnswerCache();
    cache.put(chart, key(['a', 'F'], ['b', null]), answer(1));
    expect(cache.get(chart, key(['b', null], ['a', 'F']))?.result?.rows).toBe(1);
    expect(cache.get(chart, key(['a', 'M'], ['b', null]))).toBeUndefined();
    expect(cache.get(chart, key(['a', ['F']], ['b', null]))).toBeUndefined();
  });

  it('forgets the answers used longest ago when full', () => {
    // Room for two answers of 100 integers (400 bytes each), not three.
    const cache = new AnswerCache(1100);
    cache.put(chart, '1', answer(1));
    cache.put(chart, '2', answer(2));
    expect(cache.get(chart, '1')?.result?.rows).toBe(1);
    cache.put(chart, '3', answer(3));
    expect(cache.size).toBe(2);
    expect(cache.get(chart, '2')).toBeUndefined();
    expect(cache.get(chart, '1')?.result?.rows).toBe(1);
    expect(cache.get(chart, '3')?.result?.rows).toBe(3);
  });
});
