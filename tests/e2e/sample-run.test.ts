/** `/` opens the Customer 360 notebook on the bundled sample and runs it to the end. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import {
  cell,
  launchBrowser,
  openPage,
  rowCountText,
  ROW_COUNT,
  RUN_TIMEOUT,
  statusOf,
  waitForIdle,
  waitForStatus,
} from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the sample notebook runs on open and gold.customer_360 is done with its rows', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));

  // The notebook shows before the engine is ready, and the engine reports when it is.
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().isVisible()).toBe(true);
  await expect
    .poll(() => page.getByText(/DuckDB v\d+\.\d+\.\d+ ready/).count(), { timeout: RUN_TIMEOUT })
    .toBe(1);

  const gold = cell(page, 'gold.customer_360');
  await waitForStatus(gold, ['done', 'error', 'blocked']);
  await waitForIdle(page);
  expect(await statusOf(gold)).toBe('done');
  expect(await rowCountText(gold)).toMatch(ROW_COUNT);

  // Nothing upstream failed either.
  const failed = await page
    .locator('.cell-status[data-status="error"], .cell-status[data-status="blocked"]')
    .count();
  expect(failed).toBe(0);
  // The result grid shows the table with its footer.
  await expect
    .poll(() => gold.getByRole('table', { name: 'Result of gold.customer_360' }).isVisible())
    .toBe(true);
  // Off screen a grid is not laid out (content-visibility), and has no text to read until
  // it is scrolled to and the next frame lays it out.
  await gold.locator('mn-result-grid .footer').scrollIntoViewIfNeeded();
  await expect.poll(() => gold.locator('mn-result-grid .footer').innerText()).toMatch(
    /Showing rows 1–\d+ of [\d,]+/,
  );

  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/e2e-sample-run.png' });
  await gold.getByRole('table', { name: 'Result of gold.customer_360' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e-customer-360.png' });
  expect(errors).toEqual([]);
  await page.close();
});
