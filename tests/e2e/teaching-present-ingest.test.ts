/**
 * Presentation mode steps through the notebook read-only and Escape leaves it; the ingest
 * report of a messy file shows what was detected, skipped and rejected, and its settings
 * form rewrites the bronze cell's options line and reloads the file.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { cell, editorOf, launchBrowser, openPage, rowCountText, waitForIdle, waitForStatus } from './browser.ts';
import { cellSource, screenshotOf } from './teaching-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('presentation mode steps through the cells with the code hidden, and Escape leaves', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  await waitForStatus(cell(page, 'gold.customer_360'), ['done']);
  await waitForIdle(page);
  const ids = await page.evaluate(() =>
    (globalThis as unknown as { medallion: { runtime: { notebook: { cells: { id: string }[] } } } }).medallion.runtime.notebook.cells.map(
      (c) => c.id,
    ),
  );

  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Presentation of Customer 360' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  const progress = page.locator('mn-presentation').getByRole('status');
  expect(await progress.innerText()).toBe(`Step 1 of ${ids.length}`);
  expect(await dialog.getByRole('article').getAttribute('aria-label')).toBe(
    `Step 1 of ${ids.length}: Customer 360 on AdventureWorks`,
  );
  await page.screenshot({ path: 'test-results/teaching-presentation-first.png' });

  // Step to silver.sales with the arrow key: its result shows, its SQL does not.
  const target = ids.indexOf('silver-sales');
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowRight');
  expect(await progress.innerText()).toBe(`Step ${target + 1} of ${ids.length}`);
  const article = dialog.getByRole('article', { name: `Step ${target + 1} of ${ids.length}: silver.sales` });
  expect(await article.isVisible()).toBe(true);
  expect(await article.getByRole('table', { name: 'Result of silver.sales' }).isVisible()).toBe(true);
  expect(await page.locator('mn-presentation .cm-content').count()).toBe(0);
  expect(await article.innerText()).not.toContain('CREATE OR REPLACE TABLE');
  await page.screenshot({ path: 'test-results/teaching-presentation.png' });
  // Its SQL is one click away, still read-only.
  await article.getByRole('button', { name: 'Show SQL' }).click();
  expect(await article.getByLabel('Source of silver.sales').innerText()).toContain('CREATE OR REPLACE TABLE silver.sales');

  await page.keyboard.press('ArrowLeft');
  expect(await progress.innerText()).toBe(`Step ${target} of ${ids.length}`);
  await page.keyboard.press('End');
  expect(await progress.innerText()).toBe(`Step ${ids.length} of ${ids.length}`);
  await page.getByRole('button', { name: '← Previous' }).click();
  expect(await progress.innerText()).toBe(`Step ${ids.length - 1} of ${ids.length}`);
  // A chart shows as the chart.
  await page.keyboard.press('Home');
  for (let i = 0; i < ids.indexOf('chart-monthly-revenue'); i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => dialog.locator('mn-chart-view svg').count()).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/teaching-presentation-chart.png' });
  await page.keyboard.press('Home');
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowRight');

  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('mn-presentation').count()).toBe(0);
  // Back in the notebook, at the cell the presentation reached.
  const box = (await cell(page, 'silver.sales').boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeLessThan(900);
  expect(errors).toEqual([]);
  await page.close();
});

test('a messy file: the ingest report shows what was skipped and rejected, and Reload applies new settings', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  await waitForStatus(cell(page, 'gold.customer_360'), ['done']);
  await waitForIdle(page);

  // A Latin-1 export with a two-line preamble, semicolons and one ragged line.
  const text = 'Export from ShopSystem\r\nGenerated 2024-01-01\r\nid;name;amount\r\n1;Ann;10,5\r\n2;Bob;3\r\n3;"Chlo\xe9";7\r\n4;Dan;1;extra\r\n5;Eve;2\r\n';
  await page.getByLabel('Add data files').setInputFiles({ name: 'messy.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'latin1') });
  const bronze = cell(page, 'bronze.messy');
  await waitForStatus(bronze, ['done']);
  await waitForIdle(page);
  expect(await rowCountText(bronze)).toBe('4 rows');

  const report = bronze.getByRole('table', { name: 'Files read by bronze.messy' });
  const row = await report.getByRole('row').nth(1).innerText();
  expect(row).toMatch(/messy\.csv\s+Latin-1\s+semicolon\s+double\s+yes\s+2\s+4\s+1/);
  expect(await bronze.getByRole('list', { name: 'Skipped lines of messy.csv' }).innerText()).toContain('Export from ShopSystem');
  const rejects = await bronze.getByRole('list', { name: 'Rejected lines in messy.csv' }).innerText();
  expect(rejects).toMatch(/line 7\s+Expected Number of Columns: 3 Found: 4/);
  expect(rejects).toContain('4;Dan;1;extra');
  await screenshotOf(page, bronze, 'test-results/teaching-ingest-report.png');

  // Read the header line as data: the cell gets an options line, and one more row.
  await bronze.getByRole('button', { name: 'Settings for messy.csv' }).click();
  const form = bronze.getByRole('form', { name: 'Settings for messy.csv' });
  await form.getByLabel('First line is a header').uncheck();
  await screenshotOf(page, bronze, 'test-results/teaching-ingest-settings.png');
  await form.getByRole('button', { name: 'Reload' }).click();
  await expect.poll(() => cellSource(page, 'bronze-messy')).toContain('options messy.csv: {header: false}');
  await waitForStatus(bronze, ['done']);
  await waitForIdle(page);
  expect(await rowCountText(bronze)).toBe('5 rows');
  expect(await (await editorOf(bronze)).innerText()).toContain('options messy.csv: {header: false}');

  // "Use detected settings" takes the line out again.
  await bronze.getByRole('button', { name: 'Settings for messy.csv' }).click();
  await form.getByRole('button', { name: 'Use detected settings' }).click();
  await expect.poll(() => cellSource(page, 'bronze-messy')).not.toContain('options');
  await waitForStatus(bronze, ['done']);
  await waitForIdle(page);
  expect(await rowCountText(bronze)).toBe('4 rows');
  expect(errors).toEqual([]);
  await page.close();
});
