/** A result grid sorts by a column when its header is clicked: ascending, descending, as it came. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { cell, launchBrowser, openPage, plansRun, waitForIdle } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The first rows' values of one column, as shown (blank while a page loads). */
async function shown(grid: Locator, column: number): Promise<string[]> {
  return grid.locator('.row').evaluateAll(
    (rows, c) => rows.map((row) => (row.querySelectorAll('[role="cell"]')[c] as HTMLElement | undefined)?.innerText.trim() ?? ''),
    column,
  );
}

test('clicking total_revenue sorts gold.customer_360 by it, both ways, then back', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  await expect.poll(() => plansRun(page), { timeout: 120_000 }).toBeGreaterThan(0);
  await waitForIdle(page);
  const customers = cell(page, 'gold.customer_360');
  await customers.scrollIntoViewIfNeeded();
  const grid = customers.getByRole('table', { name: 'Result of gold.customer_360' });
  // Off screen a grid is not laid out (content-visibility), and has no text to read until
  // it is scrolled to and the next frame lays it out.
  await grid.scrollIntoViewIfNeeded();
  await expect.poll(() => grid.getByRole('columnheader').first().innerText()).not.toBe('');
  const headers = await grid.getByRole('columnheader').allInnerTexts();
  const column = headers.findIndex((h) => h.startsWith('total_revenue'));
  expect(column).toBeGreaterThan(0);
  const header = grid.getByRole('columnheader').nth(column);
  const firstKeys = await shown(grid, 0);
  const money = (texts: string[]) => texts.map((t) => (t === 'null' ? null : Number(t.replace(/,/g, ''))));

  await header.getByRole('button').click();
  await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
  await expect.poll(async () => (await shown(grid, column)).every((t) => t !== '')).toBe(true);
  const ascending = money(await shown(grid, column));
  expect(ascending.length).toBeGreaterThan(5);
  expect(ascending).toEqual([...ascending].sort((a, b) => (a ?? Infinity) - (b ?? Infinity)));

  await header.getByRole('button').click();
  await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
  await expect.poll(async () => money(await shown(grid, column))[0]).toBeGreaterThan(ascending.at(-1) ?? 0);
  const descending = money(await shown(grid, column));
  expect(descending).toEqual([...descending].sort((a, b) => (b ?? -Infinity) - (a ?? -Infinity)));

  await header.getByRole('button').click();
  await expect.poll(() => header.getAttribute('aria-sort')).toBe('none');
  await expect.poll(() => shown(grid, 0)).toEqual(firstKeys);
  expect(errors).toEqual([]);
  await page.close();
});
