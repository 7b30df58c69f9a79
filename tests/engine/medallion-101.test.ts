/**
 * The teaching notebook: every cell that is not an exercise runs; the exercises' tests
 * fail as shipped, say in words what to fix, and pass once the fix their hint describes is
 * applied (here by text replacement, as a learner would type it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateSample, type Sample } from '../../scripts/sample/index.ts';
import { parseNotebook, serializeNotebook } from '../../src/notebook/format.ts';
import { runNotebookOn } from './run-notebook.ts';

const PATH = 'notebooks/medallion-101.md';
const BIRTH_DATE_AS_SHIPPED = "CAST(try_strptime(trim(BirthDate), '%m/%d/%Y') AS DATE) AS birth_date";
/** The fix exercise 1's hint spells out. */
const BIRTH_DATE_FIXED =
  "CAST(COALESCE(try_strptime(trim(BirthDate), '%m/%d/%Y'), try_strptime(trim(BirthDate), '%m-%d-%Y')) AS DATE) AS birth_date";
/** The tempting wrong fix: the dashed form read day-first. */
const BIRTH_DATE_DAY_FIRST =
  "CAST(COALESCE(try_strptime(trim(BirthDate), '%m/%d/%Y'), try_strptime(trim(BirthDate), '%d-%m-%Y')) AS DATE) AS birth_date";
const SALES_AS_SHIPPED = 'FROM bronze.sales\n-- Exercise 2: every line is here twice, once from each copy of its file.';
/** The fix exercise 2's hint spells out. */
const SALES_FIXED = 'FROM bronze.sales\nQUALIFY row_number() OVER (PARTITION BY order_number, order_line ORDER BY source_file) = 1';

let sample: Sample;
let run: Awaited<ReturnType<typeof runNotebookOn>>;

beforeAll(async () => {
  sample = generateSample({ seed: 5, scale: 0.05 });
  run = await runNotebookOn(PATH, sample.files);
});

const status = (id: string) => run.runtime.state(id).status;
const failedTests = (id: string) => (run.runtime.state(id).tests ?? []).filter((t) => !t.passed).map((t) => t.name);
const source = (id: string) => run.runtime.notebook.cells.find((c) => c.id === id)!.source;
const hints = (id: string) => (run.runtime.state(id).tests ?? []).filter((t) => !t.passed).map((t) => t.hint ?? '');
async function apply(id: string, from: string, to: string) {
  expect(source(id)).toContain(from);
  run.runtime.dispatch({ type: 'edit', id, source: source(id).replace(from, to) });
  await run.runtime.runCell(id);
}

describe('Medallion 101', () => {
  it('is canonical Markdown and follows the layer rules', () => {
    const text = readFileSync(PATH, 'utf8');
    expect(serializeNotebook(parseNotebook(text))).toBe(text);
    for (const cell of run.runtime.notebook.cells) expect(run.runtime.warnings(cell.id)).toEqual([]);
    for (const cell of run.runtime.notebook.cells) expect(run.runtime.problems(cell.id)).toEqual([]);
  });

  it('as shipped: every cell but the exercise tests runs; the exercises fail and say why', () => {
    const code = run.runtime.notebook.cells.filter((c) => c.kind !== 'markdown');
    const notDone = code.filter((c) => status(c.id) !== 'done').map((c) => c.id);
    expect(notDone).toEqual(['silver-customers-tests', 'silver-sales-tests', 'gold-customer-revenue-tests']);
    expect(code.filter((c) => c.kind !== 'test').every((c) => status(c.id) === 'done')).toBe(true);

    expect(failedTests('silver-customers-tests')).toEqual(['not_null (birth_date)']);
    expect(hints('silver-customers-tests')[0]).toMatch(/^Exercise 1: .*04-08-1966.*COALESCE\(try_strptime\(trim\(BirthDate\), '%m\/%d\/%Y'\), try_strptime\(trim\(BirthDate\), '%m-%d-%Y'\)\)/);
    expect(failedTests('silver-sales-tests')).toEqual(['unique (order_number, order_line)']);
    expect(hints('silver-sales-tests')[0]).toMatch(/^Exercise 2: .*QUALIFY row_number\(\) OVER \(PARTITION BY order_number, order_line ORDER BY source_file\) = 1$/);
    expect(failedTests('gold-customer-revenue-tests')).toEqual(['not_null (birth_date)', 'revenue counts every sales line once']);
    expect(run.runtime.state('silver-sales-tests').message).toMatch(/^1 of 7 tests failed: unique \(order_number, order_line\): [\d,]+ values of order_number \+ order_line occur more than once/);
  });

  it('exercise 1, fixed day-first: no more nulls, but the month-first test catches the wrong dates', async () => {
    await apply('silver-customers', BIRTH_DATE_AS_SHIPPED, BIRTH_DATE_DAY_FIRST);
    expect(failedTests('silver-customers-tests')).toEqual(['birth dates read month first, like the file writes them']);
    expect(hints('silver-customers-tests')[0]).toMatch(/04-08-1966 is 8 April 1966/);
    const wrong = run.runtime.state('silver-customers-tests').tests!.find((t) => !t.passed)!;
    const first = wrong.sample.get(0)!.toJSON() as { written: string; parsed: number };
    const [month, day, year] = first.written.split('-').map(Number);
    expect(new Date(first.parsed).toISOString().slice(0, 10)).toBe(`${year}-${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}`);
    await apply('silver-customers', BIRTH_DATE_DAY_FIRST, BIRTH_DATE_AS_SHIPPED);
  });

  it('exercise 1, fixed as the hint says: its tests pass', async () => {
    await apply('silver-customers', BIRTH_DATE_AS_SHIPPED, BIRTH_DATE_FIXED);
    expect(status('silver-customers-tests')).toBe('done');
    expect(failedTests('gold-customer-revenue-tests')).toEqual(['revenue counts every sales line once']);
  });

  it('exercise 2, fixed as the hint says: every test passes and gold revenue is the truth', async () => {
    await apply('silver-sales', SALES_AS_SHIPPED, SALES_FIXED);
    const tests = run.runtime.notebook.cells.filter((c) => c.kind === 'test');
    expect(tests.map((c) => [c.id, status(c.id)])).toEqual(tests.map((c) => [c.id, 'done']));
    const [total] = await run.rows('SELECT sum(revenue)::VARCHAR AS revenue, sum(orders)::INTEGER AS orders FROM gold.customer_revenue');
    expect(total).toEqual({ revenue: sample.truth.revenue, orders: sample.truth.orders });
  });

  it('the wrap-up’s experiment: gold reading bronze gets the layer warning, and still runs', async () => {
    const id = 'gold-customer-revenue';
    const original = source(id);
    run.runtime.dispatch({ type: 'edit', id, source: original.replace('FROM silver.customers c', 'FROM bronze.customers c') });
    expect(run.runtime.warnings(id)).toEqual([
      'gold.customer_revenue reads bronze.customers directly. Gold should read cleaned silver tables, so that every report shares one set of cleaning rules.',
    ]);
    run.runtime.dispatch({ type: 'edit', id, source: original });
    expect(run.runtime.warnings(id)).toEqual([]);
  });
});
