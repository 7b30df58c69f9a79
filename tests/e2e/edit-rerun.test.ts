/** Editing a silver cell makes its gold descendants stale; Shift+Enter re-runs them to done. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  editorOf,
  appendToEditor,
  cell,
  findCell,
  launchBrowser,
  openPage,
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

test('an edit to silver.sales re-runs the gold tables that read it', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  const gold = cell(page, 'gold.customer_360');
  await waitForStatus(gold, ['done']);
  await waitForIdle(page);

  const silver = await findCell(page, 'silver.sales', 'silver.');
  await appendToEditor(page, silver.region, '\n-- checked by the end-to-end test');

  // The edit alone marks the cell and everything downstream out of date.
  await waitForStatus(silver.region, ['stale'], 10_000);
  await waitForStatus(gold, ['stale'], 10_000);

  await (await editorOf(silver.region)).click();
  await page.keyboard.press('Shift+Enter');
  await waitForStatus(silver.region, ['done']);
  await waitForStatus(gold, ['done']);
  await waitForIdle(page);
  expect(await statusOf(gold)).toBe('done');
  // No gold table is left behind.
  expect(await page.locator('.cell-status[data-status="stale"]').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});
