/** A cell's toolbar: move a cell down and up again, delete it and bring it back with Undo. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cell, launchBrowser, openPage, plansRun, waitForIdle } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The notebook's code cells by name, in page order. */
function cellNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector('mn-app')?.shadowRoot?.querySelector('main[aria-label="Notebook"]');
    return [...(main?.querySelectorAll('mn-cell') ?? [])]
      .map((c) => c.shadowRoot?.querySelector('section')?.getAttribute('aria-label') ?? '')
      .filter((name) => name.includes('.'));
  });
}

test('Move down, Move up, Delete and Undo act on the cell and keep the notebook in order', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  await expect.poll(() => plansRun(page), { timeout: 120_000 }).toBeGreaterThan(0);
  await waitForIdle(page);
  const order = await cellNames(page);
  const at = order.indexOf('bronze.products');
  expect(at).toBeGreaterThanOrEqual(0);
  const next = order[at + 1]!;
  const products = cell(page, 'bronze.products');
  await products.scrollIntoViewIfNeeded();

  await products.getByRole('button', { name: 'Move down' }).click();
  await expect.poll(async () => (await cellNames(page)).indexOf('bronze.products')).toBe(at + 1);
  expect((await cellNames(page))[at]).toBe(next);
  await products.getByRole('button', { name: 'Move up' }).click();
  await expect.poll(() => cellNames(page)).toEqual(order);

  await products.getByRole('button', { name: 'Delete cell' }).click();
  await expect.poll(async () => (await cellNames(page)).includes('bronze.products')).toBe(false);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => cellNames(page)).toEqual(order);
  expect(errors).toEqual([]);
  await page.close();
});
