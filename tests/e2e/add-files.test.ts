/** Files added through the "Add data files" input load into bronze and run through to gold; a Parquet file too. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser } from 'playwright-core';
import {
  cell,
  launchBrowser,
  openPage,
  plansRun,
  rowCountText,
  ROW_COUNT,
  statusOf,
  waitForIdle,
  waitForStatus,
} from './browser.ts';

const SAMPLE_DIR = join(process.cwd(), 'public', 'sample');

function sampleFiles(): string[] {
  const manifest = join(SAMPLE_DIR, 'manifest.json');
  if (!existsSync(manifest))
    throw new Error(`${manifest} is missing: generate the sample data first.`);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as string[]).map((name) =>
    join(SAMPLE_DIR, name),
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('adding the sample files through the input and pressing Run all makes gold.customer_360', async () => {
  // Start without the bundled sample, as someone bringing their own files would.
  const { page, errors } = await openPage(browser, inject('baseUrl'), (p) =>
    p.route('**/sample/**', (route) => route.fulfill({ status: 404, body: 'not here' })),
  );
  await expect
    .poll(() => page.getByText('No data files yet').isVisible(), { timeout: 30_000 })
    .toBe(true);
  const gold = cell(page, 'gold.customer_360');
  expect(await statusOf(gold)).toBe('idle');

  const files = sampleFiles();
  await page.getByLabel('Add data files').setInputFiles(files);
  // Every file shows up in the files panel.
  const list = page.getByRole('list', { name: 'Loaded files' });
  await expect
    .poll(() => list.getByRole('listitem').count(), { timeout: 30_000 })
    .toBe(files.length);

  await page.getByRole('button', { name: 'Run all', exact: true }).click();
  await waitForStatus(gold, ['done', 'error', 'blocked']);
  await waitForIdle(page);
  expect(await statusOf(gold)).toBe('done');
  expect(await rowCountText(gold)).toMatch(ROW_COUNT);
  // After ingest the panel tells what it found in each file.
  expect(await list.innerText()).toMatch(/UTF-8|Latin-1/);
  expect(errors).toEqual([]);
  await page.close();
});

test('a Parquet file added through the input gets a bronze cell of its own and loads as text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parquet-'));
  const file = join(dir, 'web_orders.parquet');
  const native = await (await DuckDBInstance.create(':memory:')).connect();
  await native.run(
    `COPY (SELECT range AS order_id, 'shop ' || (range % 3) AS shop, (range * 2.5)::DECIMAL(10,2) AS amount FROM range(1000)) TO '${file}' (FORMAT parquet)`,
  );
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  await expect.poll(() => plansRun(page), { timeout: 120_000 }).toBeGreaterThan(0);
  await waitForIdle(page);

  await page.getByLabel('Add data files').setInputFiles(file);
  const bronze = cell(page, 'bronze.web_orders');
  await waitForStatus(bronze, ['done', 'error']);
  expect(await statusOf(bronze)).toBe('done');
  expect(await rowCountText(bronze)).toBe('1,000 rows');
  expect(await bronze.getByRole('list', { name: 'Warnings for web_orders.parquet' }).innerText()).toMatch(/A Parquet file: its rows were read as text/);
  expect(errors).toEqual([]);
  await page.close();
});
