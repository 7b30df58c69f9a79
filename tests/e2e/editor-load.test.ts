/**
 * The code editor (CodeMirror) is loaded after the page shows. Until it arrives a cell's
 * code is plain text; if its script cannot be fetched, the person is told, the code stays,
 * and a later click loads it and edits as usual.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { cell, launchBrowser, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('when the editor script fails to load, the code stays, a toast says so, and the next click edits', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'), async (page) => {
    await page.route(/code-editor-[^/]*\.js$/, (route) => route.abort());
  });
  const region = cell(page, 'bronze.customers');
  const plain = region.locator('pre.static');
  await expect.poll(() => plain.innerText()).toContain('table: bronze.customers');

  await plain.click();
  await expect
    .poll(() => page.getByRole('alert').allInnerTexts())
    .toEqual([expect.stringContaining('The code editor could not be loaded')]); // one toast, not one per cell
  expect(await region.locator('.cm-content').count()).toBe(0);
  expect(await plain.innerText()).toContain('files: AW_Customers.csv');

  // The network is back: the next click makes the editor, and typing edits the cell.
  await page.unroute(/code-editor-[^/]*\.js$/);
  await plain.click();
  const editor = region.locator('.cm-content');
  await expect.poll(() => editor.count()).toBe(1);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# typed after the editor loaded');
  await expect.poll(() => editor.innerText()).toContain('# typed after the editor loaded');
  expect(errors).toEqual([]);
  await page.close();
});
