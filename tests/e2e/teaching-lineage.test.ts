/**
 * The lineage view of Customer 360: every file and table with its layer, rows and tests;
 * a layer-rule break shows on the node as soon as the cell is written; a click opens the
 * cell in the notebook.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cell, launchBrowser, openPage, waitForIdle, waitForStatus } from './browser.ts';
import { screenshotOf } from './teaching-helpers.ts';

const BRONZE = ['customers', 'products', 'product_categories', 'product_subcategories', 'territories', 'sales'];
const SILVER = BRONZE;
/** The contract's gold tables (shared/specs/contract.md). */
const GOLD = ['dim_customers', 'dim_products', 'dim_territory', 'dim_date', 'fact_sales', 'customer_360'];

const truth = JSON.parse(readFileSync(join(process.cwd(), 'public', 'sample', 'truth.json'), 'utf8')) as {
  customers: number;
  order_lines: number;
  file_rows: Record<string, number>;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function node(page: Page, id: string) {
  return page.locator(`mn-lineage [data-node="${id}"]`);
}

test('the lineage view shows every Customer 360 file and table with its layer, rows and tests', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  await waitForStatus(cell(page, 'gold.customer_360'), ['done']);
  await waitForIdle(page);

  await page.getByRole('button', { name: 'Lineage', exact: true }).click();
  await expect.poll(() => page.locator('mn-lineage [data-node]').count()).toBeGreaterThan(30);
  expect(new URL(page.url()).searchParams.get('view')).toBe('lineage');

  const tables = [
    ...BRONZE.map((t) => `bronze.${t}`),
    ...SILVER.map((t) => `silver.${t}`),
    ...GOLD.map((t) => `gold.${t}`),
  ];
  for (const table of tables) {
    const n = node(page, `table:${table}`);
    expect(await n.count(), table).toBe(1);
    expect(await n.getAttribute('data-layer'), table).toBe(table.split('.')[0]);
    expect(await n.getAttribute('data-status'), table).toBe('done');
    // Its accessible name says what it is and how many rows it holds.
    expect(await n.getAttribute('aria-label'), table).toMatch(
      new RegExp(`^${table.replace('.', '\\.')}, ${table.split('.')[0]} table, [\\d,]+ rows`),
    );
  }
  // Rows are the real counts, and the tests of each table show on its node.
  expect(await node(page, 'table:silver.sales').getAttribute('aria-label')).toContain(
    `${truth.order_lines.toLocaleString('en-US')} rows, 9 tests passed`,
  );
  expect(await node(page, 'table:gold.customer_360').getAttribute('aria-label')).toContain(
    `${truth.customers.toLocaleString('en-US')} rows`,
  );
  for (const table of GOLD) {
    expect(await node(page, `table:gold.${table}`).getAttribute('aria-label')).toMatch(/\d+ tests passed/);
  }
  // Every sample file is a node of its own, left of bronze.
  for (const [file, rows] of Object.entries(truth.file_rows)) {
    const n = node(page, `file:${file}`);
    expect(await n.count(), file).toBe(1);
    expect(await n.innerText()).toContain(`${rows.toLocaleString('en-US')} rows`);
  }
  // Columns run left to right: files, bronze, silver, gold.
  const x = async (id: string) => (await node(page, id).boundingBox())!.x;
  expect(await x('file:AW_Sales_2016.csv')).toBeLessThan(await x('table:bronze.sales'));
  expect(await x('table:bronze.sales')).toBeLessThan(await x('table:silver.sales'));
  expect(await x('table:silver.sales')).toBeLessThan(await x('table:gold.fact_sales'));

  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/teaching-lineage.png' });
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await page.screenshot({ path: 'test-results/teaching-lineage-fit.png' });

  // Hovering a node traces what it reads and what reads it.
  await node(page, 'table:silver.sales').hover();
  await page.screenshot({ path: 'test-results/teaching-lineage-trace.png', animations: 'disabled' });

  // A new gold cell that reads bronze appears at once, flagged with the layer rule.
  await page.evaluate(() => {
    const { runtime } = (globalThis as unknown as { medallion: { runtime: { dispatch(a: unknown): string } } }).medallion;
    runtime.dispatch({
      type: 'add',
      kind: 'sql',
      source: 'CREATE OR REPLACE TABLE gold.raw_sales AS SELECT * FROM bronze.sales',
    });
  });
  await expect.poll(() => node(page, 'table:gold.raw_sales').count()).toBe(1);
  expect(await node(page, 'table:gold.raw_sales').getAttribute('aria-label')).toContain('breaks a layer rule');

  // Clicking a node opens its cell in the notebook.
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await node(page, 'table:gold.fact_sales').click();
  const fact = cell(page, 'gold.fact_sales');
  await expect.poll(() => fact.isVisible()).toBe(true);
  await expect
    .poll(() => fact.evaluate((el) => el.matches(':focus') || el.contains(document.activeElement) || el.getRootNode() !== document))
    .toBe(true);
  const box = (await fact.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeLessThan(900);
  expect(new URL(page.url()).searchParams.get('view')).toBeNull();

  // The new cell warns in the notebook too, in words, without failing.
  const raw = cell(page, 'gold.raw_sales');
  const warning = raw.getByRole('list', { name: 'Layer rules gold.raw_sales breaks' });
  expect(await warning.innerText()).toMatch(/gold\.raw_sales reads bronze\.sales directly\.[\s\S]*Gold should read cleaned silver tables/);
  await screenshotOf(page, raw, 'test-results/teaching-layer-warning.png');
  expect(errors).toEqual([]);
  await page.close();
});
