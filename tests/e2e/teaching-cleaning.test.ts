/**
 * The cleaning report of silver.sales shows the duplicate lines removed (bronze rows −
 * silver rows, from the generator's truth), the copies as identical files and the date
 * forms; the column profiles of a gold result show per column what is in it.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { cell, launchBrowser, openPage, waitForIdle, waitForStatus } from './browser.ts';
import { screenshotOf } from './teaching-helpers.ts';

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

const count = (n: number) => n.toLocaleString('en-US');

test('the cleaning report of silver.sales shows the duplicate lines removed', async () => {
  const salesFiles = Object.entries(truth.file_rows).filter(([file]) => file.startsWith('AW_Sales'));
  expect(salesFiles).toHaveLength(4);
  const bronzeRows = salesFiles.reduce((n, [, rows]) => n + rows, 0);
  const duplicates = bronzeRows - truth.order_lines;
  expect(duplicates).toBeGreaterThan(0);

  const { page, errors } = await openPage(browser, inject('baseUrl'));
  const silver = cell(page, 'silver.sales');
  await waitForStatus(cell(page, 'gold.customer_360'), ['done']);
  await waitForIdle(page);

  const report = silver.locator('mn-cleaning-report');
  await report.getByText('Cleaning report', { exact: true }).click();
  const rows = report.getByRole('region', { name: 'Rows' });
  await expect.poll(() => rows.isVisible(), { timeout: 30_000 }).toBe(true);
  const funnel = await rows.innerText();
  expect(funnel).toMatch(new RegExp(`Rows in\\s+bronze\\.sales\\s+${count(bronzeRows)}`));
  expect(funnel).toMatch(new RegExp(`Duplicates removed\\s+one row per order_number, order_line\\s+−${count(duplicates)}`));
  expect(funnel).toMatch(new RegExp(`Rows out\\s+silver\\.sales\\s+${count(truth.order_lines)}`));
  // The summary line says it too, while the report is closed.
  expect(await report.locator('summary').innerText()).toContain(`${count(duplicates)} duplicates removed`);

  // Each copy is named as identical to its original, and the findings say so in words.
  const files = await report.getByRole('region', { name: 'Source files' }).innerText();
  expect(files).toContain('identical to AW_Sales_2016.csv');
  expect(files).toContain('identical to AW_Sales_2017.csv');
  const notes = await report.getByRole('list', { name: 'Findings' }).innerText();
  expect(notes).toContain(`${count(duplicates)} duplicate rows removed`);
  // Schema before → after, and the dates' written form.
  const schema = await report.getByRole('region', { name: 'Schema before and after' }).innerText();
  expect(schema).toMatch(/OrderDate[\s\S]*order_date\s+DATE/);
  expect(await report.getByRole('region', { name: 'Date formats seen' }).innerText()).toContain('DD-MM-YYYY');

  await screenshotOf(page, report, 'test-results/teaching-cleaning-report.png');

  // silver.customers: birth dates in two forms, Gender NA → null.
  const customers = cell(page, 'silver.customers').locator('mn-cleaning-report');
  await customers.getByText('Cleaning report', { exact: true }).click();
  const formats = customers.getByRole('region', { name: 'Date formats seen' });
  await expect.poll(() => formats.isVisible(), { timeout: 30_000 }).toBe(true);
  expect(await formats.innerText()).toMatch(/BirthDate\s+M\/D\/YYYY[\s\S]*MM-DD-YYYY or DD-MM-YYYY/);
  await screenshotOf(page, customers, 'test-results/teaching-cleaning-customers.png');
  expect(errors).toEqual([]);
  await page.close();
});

test('the Profile button of a result shows each column: type, nulls, distinct, range, top values, histogram', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  const gold = cell(page, 'gold.customer_360');
  await waitForStatus(gold, ['done']);
  await waitForIdle(page);

  await gold.getByRole('button', { name: 'Profile', exact: true }).click();
  const profile = gold.getByRole('region', { name: 'Profile of gold.customer_360' });
  const birth = profile.getByRole('group', { name: 'Column birth_date' });
  await expect.poll(() => birth.isVisible(), { timeout: 30_000 }).toBe(true);
  expect(await profile.innerText()).toContain(`${count(truth.customers)} rows`);
  const birthText = await birth.innerText();
  expect(birthText).toMatch(/DATE/);
  expect(birthText).toMatch(/Nulls\s+0%/);
  expect(birthText).toMatch(/Range\s+\d{4}-\d{2}-\d{2} … \d{4}-\d{2}-\d{2}/);
  expect(await birth.getByRole('img', { name: /^Histogram of birth_date/ }).count()).toBe(1);
  // Customers who never bought have null dates: the profile shows the share.
  expect(await profile.getByRole('group', { name: 'Column first_order_date' }).innerText()).toMatch(/Nulls\s+\d+(\.\d)?% \([\d,]+\)/);
  // A text column lists its most frequent values.
  expect(await profile.getByRole('list', { name: 'Most frequent values of segment' }).getByRole('listitem').count()).toBeGreaterThan(0);

  await screenshotOf(page, profile, 'test-results/teaching-profile.png');
  expect(errors).toEqual([]);
  await page.close();
});
