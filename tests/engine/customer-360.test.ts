/**
 * The flagship notebook on generated data: every gold figure against the generator's
 * truth, which it computes from its clean model, never from the CSV text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSample, type Sample } from '../../scripts/sample/index.ts';
import { runNotebookOn } from './run-notebook.ts';

let sample: Sample;
let run: Awaited<ReturnType<typeof runNotebookOn>>;

beforeAll(async () => {
  // Not the bundled seed/scale: the notebook must be right on data it was not written against.
  sample = generateSample({ seed: 7, scale: 0.25 });
  run = await runNotebookOn('notebooks/customer-360.md', sample.files);
});

const one = async (sql: string) => (await run.rows(sql))[0]!;

describe('Customer 360 notebook on generated AdventureWorks data', () => {
  it('runs every cell to done', () => {
    const notDone = run.runtime.notebook.cells
      .filter((c) => c.kind !== 'markdown')
      .map((c) => ({ id: c.id, ...run.runtime.state(c.id) }))
      .filter((s) => s.status !== 'done')
      .map((s) => `${s.id}: ${s.status} ${s.message}`);
    expect(notDone).toEqual([]);
  });

  it('detects the encodings: Latin-1 customers, UTF-8 with BOM elsewhere', () => {
    const ingest = (id: string) => run.runtime.state(id).ingest!.files;
    expect(ingest('bronze-customers')[0]).toMatchObject({ encoding: 'latin-1', bom: false });
    expect(ingest('bronze-sales').map((f) => [f.file, f.encoding, f.bom])).toEqual([
      ['AW_Sales_2016 - Copy.csv', 'utf-8', true],
      ['AW_Sales_2016.csv', 'utf-8', true],
      ['AW_Sales_2017 - Copy.csv', 'utf-8', true],
      ['AW_Sales_2017.csv', 'utf-8', true],
    ]);
  });

  it('keeps every raw line in bronze, copies included, and each line once in silver', async () => {
    const salesFiles = Object.entries(sample.truth.file_rows).filter(([f]) => f.startsWith('AW_Sales'));
    const rawLines = salesFiles.reduce((n, [, rows]) => n + rows, 0);
    expect(Number((await one('SELECT count(*) AS n FROM bronze.sales')).n)).toBe(rawLines);
    expect(Number((await one('SELECT count(*) AS n FROM silver.sales')).n)).toBe(sample.truth.order_lines);
    expect(Number((await one('SELECT count(*) AS n FROM gold.fact_sales')).n)).toBe(sample.truth.order_lines);
  });

  it('totals: lines, orders, quantity, revenue, cost, profit to the cent', async () => {
    const totals = await one(`
      SELECT count(*)::INTEGER AS lines, count(DISTINCT order_number)::INTEGER AS orders,
             sum(quantity)::INTEGER AS quantity, sum(revenue)::VARCHAR AS revenue,
             sum(cost)::VARCHAR AS cost, sum(profit)::VARCHAR AS profit
      FROM gold.fact_sales`);
    const t = sample.truth;
    expect(totals).toEqual({
      lines: t.order_lines,
      orders: t.orders,
      quantity: t.quantity,
      revenue: t.revenue,
      cost: t.cost,
      profit: t.profit,
    });
  });

  it('revenue by country, by month and by category', async () => {
    const byCountry = await run.rows(`
      SELECT t.country AS k, sum(f.revenue)::VARCHAR AS v
      FROM gold.fact_sales f JOIN gold.dim_territory t USING (territory_key) GROUP BY 1`);
    expect(Object.fromEntries(byCountry.map((r) => [r.k, r.v]))).toEqual(sample.truth.revenue_by_country);
    const byMonth = await run.rows(`
      SELECT strftime(order_date, '%Y-%m') AS k, sum(revenue)::VARCHAR AS v FROM gold.fact_sales GROUP BY 1`);
    expect(Object.fromEntries(byMonth.map((r) => [r.k, r.v]))).toEqual(sample.truth.revenue_by_month);
    const byCategory = await run.rows(`
      SELECT p.category AS k, sum(f.revenue)::VARCHAR AS v
      FROM gold.fact_sales f JOIN gold.dim_products p USING (product_key) GROUP BY 1`);
    expect(Object.fromEntries(byCategory.map((r) => [r.k, r.v]))).toEqual(sample.truth.revenue_by_category);
  });

  it('top customers by spend', async () => {
    const top = await run.rows(`
      SELECT customer_key, total_revenue::VARCHAR AS revenue_text, total_orders::INTEGER AS total_orders
      FROM gold.customer_360 ORDER BY total_revenue DESC, customer_key
      LIMIT ${sample.truth.top_customers.length}`);
    const asTruth = top.map(({ customer_key, revenue_text, total_orders }) => ({
      customer_key,
      total_revenue: revenue_text,
      total_orders,
    }));
    expect(asTruth).toEqual(sample.truth.top_customers);
  });

  it('birth dates and incomes all parse, to the true values', async () => {
    const check = await one(`
      SELECT count(*) FILTER (WHERE birth_date IS NULL)::INTEGER AS null_births,
             count(*) FILTER (WHERE annual_income IS NULL)::INTEGER AS null_incomes,
             sum(year(birth_date) * 10000 + month(birth_date) * 100 + day(birth_date))::VARCHAR AS checksum,
             sum(annual_income)::VARCHAR AS incomes
      FROM gold.dim_customers`);
    expect(check).toEqual({
      null_births: 0,
      null_incomes: 0,
      checksum: sample.truth.birth_date_checksum,
      incomes: `${sample.truth.customers_sum_annual_income}.00`.replace(/\.(\d+)\.00$/, '.$1'),
    });
  });

  it('gold.customer_360 equals the truth row for row, column for column', async () => {
    const rows = await run.rows(`
      SELECT customer_key, full_name, gender, birth_date::VARCHAR AS birth_date, age::INTEGER AS age,
             marital_status, annual_income::VARCHAR AS annual_income, total_children::INTEGER AS total_children,
             education_level, occupation, home_owner, country, region,
             total_orders::INTEGER AS total_orders, total_quantity::INTEGER AS total_quantity,
             total_revenue::VARCHAR AS total_revenue, total_profit::VARCHAR AS total_profit,
             avg_order_value::VARCHAR AS avg_order_value,
             first_order_date::VARCHAR AS first_order_date, last_order_date::VARCHAR AS last_order_date,
             recency_days::INTEGER AS recency_days, tenure_days::INTEGER AS tenure_days
      FROM gold.customer_360 ORDER BY customer_key`);
    const expected = sample.customer360.map((row) => ({ ...row, annual_income: `${row.annual_income}.00` }));
    expect(rows.length).toBe(sample.truth.customers);
    // Compare in slices so a failure shows the first differing customers, not 4,000 rows.
    for (let i = 0; i < expected.length; i += 500) {
      expect(rows.slice(i, i + 500)).toEqual(expected.slice(i, i + 500));
    }
  });

  it('a segment for every customer, and dim_date covering the sales range', async () => {
    const segments = await run.rows('SELECT DISTINCT segment FROM gold.customer_360');
    expect(segments.every((r) => typeof r.segment === 'string')).toBe(true);
    const never = await one(`SELECT count(*)::INTEGER AS n FROM gold.customer_360 WHERE segment = 'Never bought'`);
    expect(never.n).toBe(sample.truth.customers - sample.truth.buyers);
    const dates = await one(`
      SELECT min(date)::VARCHAR AS first, max(date)::VARCHAR AS last, count(*)::INTEGER AS days,
             count(DISTINCT date_key)::INTEGER AS keys FROM gold.dim_date`);
    expect(dates.last).toBe(sample.truth.as_of_date);
    expect(dates.keys).toBe(dates.days);
    expect(dates.first).toBe('2016-01-01');
  });
});
