/**
 * Every kind of input cell drives SQL end to end: a multi-select is a list, a date range
 * a pair of dates, a checkbox a boolean; each starts at its default, and a change re-runs
 * the query that uses it with the new value.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRuntime } from '../../src/runtime/notebook-runtime.ts';

const NOTEBOOK = `# Inputs

\`\`\`sql id=orders
CREATE OR REPLACE TABLE gold.orders AS SELECT * FROM (VALUES
  ('France', DATE '2017-01-05', true, 10.25::DECIMAL(10,2)),
  ('Germany', DATE '2017-02-10', false, 20.50),
  ('Spain', DATE '2017-03-15', true, 30.75)
) v(country, day, online, amount)
\`\`\`

\`\`\`input id=in-countries
name: countries
label: Countries
control: multi-select
options_sql: SELECT DISTINCT country FROM gold.orders ORDER BY 1
\`\`\`

\`\`\`input id=in-period
name: period
label: Period
control: date-range
\`\`\`

\`\`\`input id=in-online
name: online_only
label: Online only
control: checkbox
\`\`\`

\`\`\`sql id=total
SELECT sum(amount) AS total, count(*) AS orders FROM gold.orders
WHERE (len($countries) = 0 OR list_contains($countries, country))
  AND ($period IS NULL OR day BETWEEN $period[1] AND $period[2])
  AND (NOT $online_only OR online)
\`\`\`
`;

let runtime: NotebookRuntime;
beforeAll(async () => {
  runtime = new NotebookRuntime(await createNodeEngine(), parseNotebook(NOTEBOOK));
  await runtime.runAll();
});

/** The query cell's one row, as text. */
function total(): { total: string; orders: string } {
  const state = runtime.state('total');
  if (state.status !== 'done') throw new Error(`total is ${state.status}: ${state.message}`);
  const row = state.result!.preview.get(0)!.toJSON();
  return { total: (Number(row['total']) / 100).toFixed(2), orders: String(row['orders']) };
}

describe('input controls', () => {
  it('start at their defaults: nothing chosen, no period, the box unticked', () => {
    expect(runtime.inputValues().get('countries')).toEqual([]);
    expect(runtime.inputValues().get('period')).toBeNull();
    expect(runtime.inputValues().get('online_only')).toBe(false);
    expect(total()).toEqual({ total: '61.50', orders: '3' });
  });

  it('a multi-select keeps the rows of every value chosen', async () => {
    await runtime.setInput('countries', ['France', 'Spain']);
    expect(total()).toEqual({ total: '41.00', orders: '2' });
  });

  it('a date range keeps the days inside it, both ends included', async () => {
    await runtime.setInput('period', { from: '2017-01-05', to: '2017-03-14' });
    expect(total()).toEqual({ total: '10.25', orders: '1' });
  });

  it('a checkbox turns its condition on and off', async () => {
    await runtime.setInputs([['countries', []], ['period', null]]);
    await runtime.setInput('online_only', true);
    expect(total()).toEqual({ total: '41.00', orders: '2' });
    await runtime.setInput('online_only', false);
    expect(total()).toEqual({ total: '61.50', orders: '3' });
  });

  it('a value with a quote in it is a value, not SQL', async () => {
    await runtime.setInput('countries', ["Côte d'Ivoire", 'Germany']);
    expect(total()).toEqual({ total: '20.50', orders: '1' });
  });

  it('a value the engine cannot take (a restored date range with month 13) fails the cells using it, and the next good value runs them', async () => {
    await runtime.setInputs([['countries', []], ['period', { from: '2017-13-01', to: '2017-12-31' }]]);
    expect(runtime.state('total').status).toBe('error');
    expect(runtime.state('total').message).toMatch(/^\$period could not be set to .*2017-13-01.*: Conversion Error/);
    await runtime.setInput('period', null);
    expect(total()).toEqual({ total: '61.50', orders: '3' });
  });
});

describe('a KPI card using a parameter no input sets', () => {
  it('fails with the parameter named, and the plan goes on', async () => {
    const notebook = parseNotebook(
      NOTEBOOK +
        '\n```kpi id=card\nlabel: Card\nsql: SELECT sum(amount) FROM gold.orders WHERE country = $nowhere\n```\n' +
        '\n```kpi id=fine\nlabel: Fine\nsql: SELECT count(*) FROM gold.orders\n```\n',
    );
    const cards = new NotebookRuntime(await createNodeEngine(), notebook);
    await cards.runAll();
    expect(cards.state('card')).toMatchObject({ status: 'error', message: expect.stringMatching(/Uses \$nowhere/) });
    expect(cards.state('fine')).toMatchObject({ status: 'done', kpi: { value: '3' } });
  });
});

