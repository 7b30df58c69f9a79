/**
 * Each data test of the Customer 360 notebook catches the defect it is there for, planted
 * in generated files (a duplicate key, an orphan sale, a mis-parsed date, an unexpected
 * code) or in the notebook's SQL (revenue without the quantity, sales lines counted twice),
 * and turns green again when the defect is gone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSample, type Sample } from '../../scripts/sample/index.ts';
import type { CellTestResult } from '../../src/runtime/cell-state.ts';
import { runNotebookOn } from './run-notebook.ts';
import { appendLine, editFiles, fieldOf, setField } from './sample-defects.ts';

const NOTEBOOK = 'notebooks/customer-360.md';
let sample: Sample;

beforeAll(() => {
  sample = generateSample({ seed: 11, scale: 0.05 });
});

type Run = Awaited<ReturnType<typeof runNotebookOn>>;
const testsOf = (run: Run, id: string) => run.runtime.state(id).tests ?? [];
const failing = (run: Run) =>
  run.runtime.notebook.cells
    .filter((c) => c.kind === 'test')
    .flatMap((c) => testsOf(run, c.id).filter((t) => !t.passed).map((t) => `${c.id}: ${t.name}`));
const find = (run: Run, id: string, name: string): CellTestResult => {
  const test = testsOf(run, id).find((t) => t.name === name);
  if (!test) throw new Error(`No test "${name}" in ${id}: ${testsOf(run, id).map((t) => t.name).join(', ')}`);
  return test;
};
const rows = (test: CellTestResult) =>
  test.sample.toArray().map((r) => JSON.parse(JSON.stringify(r.toJSON(), (_, v) => (typeof v === 'bigint' ? Number(v) : v))));

describe('Customer 360 data tests catch planted defects', () => {
  it('all pass on clean generated data, and every test cell is done', async () => {
    const run = await runNotebookOn(NOTEBOOK, sample.files);
    expect(failing(run)).toEqual([]);
    const testCells = run.runtime.notebook.cells.filter((c) => c.kind === 'test');
    expect(testCells.length).toBeGreaterThanOrEqual(9);
    expect(testCells.map((c) => run.runtime.state(c.id).status)).toEqual(testCells.map(() => 'done'));
  });

  it('a duplicate key: a territory listed twice under two spellings', async () => {
    const files = editFiles(sample.files, ['AW_Territory.csv'], appendLine('North America,United States,North West,1'));
    const run = await runNotebookOn(NOTEBOOK, files);
    const test = find(run, 'gold-dim-territory-tests', 'unique (territory_key)');
    expect(test).toMatchObject({ passed: false, failures: 1 });
    expect(rows(test)).toEqual([{ territory_key: 1, occurrences: 2 }]);
    expect(run.runtime.state('gold-dim-territory-tests').status).toBe('error');
    expect(run.runtime.state('gold-dim-territory-tests').message).toMatch(/^1 of 4 tests failed: unique \(territory_key\)/);
    // Customers of territory 1 now join twice: customer_360's own tests notice.
    expect(failing(run)).toEqual([
      'gold-dim-territory-tests: unique (territory_key)',
      'gold-customer-360-tests: unique (customer_key)',
      'gold-customer-360-tests: one row per customer, buyers or not',
      'gold-customer-360-tests: revenue and orders add up to gold.fact_sales',
    ]);
  });

  it('an orphan sale: a customer key that is in no customer file', async () => {
    const sales = ['AW_Sales_2016.csv', 'AW_Sales_2016 - Copy.csv'];
    const order = fieldOf(sample.files.find((f) => f.name === 'AW_Sales_2016.csv')!, 'OrderNumber', 5);
    const run = await runNotebookOn(NOTEBOOK, editFiles(sample.files, sales, setField('CustomerKey', 5, '99999')));
    const test = find(run, 'gold-fact-sales-tests', 'relationships (customer_key → gold.dim_customers.customer_key)');
    expect(test).toMatchObject({ passed: false, failures: 1 });
    expect(rows(test)).toMatchObject([{ order_number: order, customer_key: 99999 }]);
    // customer_360 lists known customers only, so the orphan's revenue is missing there too.
    expect(failing(run)).toEqual([
      'gold-fact-sales-tests: relationships (customer_key → gold.dim_customers.customer_key)',
      'gold-customer-360-tests: revenue and orders add up to gold.fact_sales',
    ]);
  });

  it('a mis-parsed date: a birth date written day-first, which no format of the notebook reads', async () => {
    const customers = sample.files.find((f) => f.name === 'AW_Customers.csv')!;
    const key = Number(fieldOf(customers, 'CustomerKey', 3));
    const run = await runNotebookOn(NOTEBOOK, editFiles(sample.files, ['AW_Customers.csv'], setField('BirthDate', 3, '31/12/1965')));
    const test = find(run, 'silver-customers-tests', 'not_null (birth_date)');
    expect(test).toMatchObject({ passed: false, failures: 1 });
    expect(test.hint).toMatch(/two month-first forms/);
    expect(rows(test)).toMatchObject([{ customer_key: key, birth_date: null }]);
    expect(failing(run)).toEqual(['silver-customers-tests: not_null (birth_date)', 'gold-dim-customers-tests: not_null (birth_date)']);
  });

  it('a mis-parsed date: an order date in a form silver does not read', async () => {
    const sales = ['AW_Sales_2017.csv', 'AW_Sales_2017 - Copy.csv'];
    const run = await runNotebookOn(NOTEBOOK, editFiles(sample.files, sales, setField('OrderDate', 2, '2017.03.14')));
    expect(find(run, 'silver-sales-tests', 'not_null (order_date)')).toMatchObject({ passed: false, failures: 1 });
    expect(find(run, 'gold-fact-sales-tests', 'not_null (order_date)')).toMatchObject({ passed: false, failures: 1 });
  });

  it('an unexpected code: a marital status that is neither M nor S', async () => {
    const run = await runNotebookOn(NOTEBOOK, editFiles(sample.files, ['AW_Customers.csv'], setField('MaritalStatus', 7, 'D')));
    const test = find(run, 'silver-customers-tests', 'accepted_values (marital_status: M, S)');
    expect(test).toMatchObject({ passed: false, failures: 1 });
    expect(rows(test)).toEqual([{ value: 'D', rows: 1 }]);
  });

  describe('defects in the SQL, fixed again, through the reactive runtime', () => {
    let run: Run;
    beforeAll(async () => {
      run = await runNotebookOn(NOTEBOOK, sample.files);
    });
    const source = (id: string) => run.runtime.notebook.cells.find((c) => c.id === id)!.source;
    const edit = async (id: string, from: string | RegExp, to: string) => {
      const before = source(id);
      const after = before.replace(from, to);
      expect(after).not.toBe(before);
      run.runtime.dispatch({ type: 'edit', id, source: after });
      await run.runtime.runCell(id);
      return before;
    };

    it('revenue without the quantity turns the revenue test red, and fixing it turns it green', async () => {
      const original = await edit('gold-fact-sales', 's.quantity * p.unit_price AS revenue', 'p.unit_price AS revenue');
      const test = find(run, 'gold-fact-sales-tests', 'revenue is quantity × unit price');
      expect(test.passed).toBe(false);
      expect(test.failures).toBeGreaterThan(0);
      expect(test.hint).toMatch(/quantity times the unit price/);
      expect(rows(test).every((r: { quantity: number }) => r.quantity > 1)).toBe(true);
      // The reconciliation in customer_360 still holds (it sums the same wrong revenue).
      run.runtime.dispatch({ type: 'edit', id: 'gold-fact-sales', source: original });
      await run.runtime.runCell('gold-fact-sales');
      expect(find(run, 'gold-fact-sales-tests', 'revenue is quantity × unit price').passed).toBe(true);
      expect(failing(run)).toEqual([]);
    });

    it('sales lines counted twice turn the key tests red', async () => {
      const original = await edit('silver-sales', /QUALIFY row_number\(\)[\s\S]*?= 1\n/, '');
      const test = find(run, 'silver-sales-tests', 'unique (order_number, order_line)');
      expect(test).toMatchObject({ passed: false, failures: sample.truth.order_lines });
      expect(test.summary).toBe(
        `${sample.truth.order_lines.toLocaleString('en-US')} values of order_number + order_line occur more than once in silver.sales (${sample.truth.order_lines.toLocaleString('en-US')} extra rows).`,
      );
      expect(rows(test)[0]).toMatchObject({ occurrences: 2 });
      expect(find(run, 'gold-fact-sales-tests', 'unique (order_number, order_line)').passed).toBe(false);
      run.runtime.dispatch({ type: 'edit', id: 'silver-sales', source: original });
      await run.runtime.runCell('silver-sales');
      expect(failing(run)).toEqual([]);
    });
  });

  it('an edit marks test cells stale like any other descendant', async () => {
    const run = await runNotebookOn(NOTEBOOK, sample.files);
    const cell = run.runtime.notebook.cells.find((c) => c.id === 'silver-territories')!;
    run.runtime.dispatch({ type: 'edit', id: 'silver-territories', source: `${cell.source}\n` });
    expect(run.runtime.state('gold-dim-territory-tests').status).toBe('stale');
    expect(run.runtime.state('silver-customers-tests').status).toBe('done');
  });
});
