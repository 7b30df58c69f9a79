/**
 * The notebooks kept in this browser, on the start page: an edited gallery notebook is
 * listed; it can be renamed, duplicated and deleted there, and what is left opens with
 * the edit and the new name.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { appendToEditor, cell, editorOf, findCell, launchBrowser, waitForIdle, waitForStatus } from './browser.ts';
import { freshPage } from './share-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('rename, duplicate and delete a notebook kept in this browser', async () => {
  const shared = await freshPage(browser);
  const { page } = shared;
  await page.goto(inject('baseUrl'));
  await waitForStatus(cell(page, 'gold.customer_360'), ['done']);
  await waitForIdle(page);
  const silver = await findCell(page, 'silver.sales', 'silver.');
  await appendToEditor(page, silver.region, '\n-- my own change');
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mn:notebook:')).length))
    .toBe(1);

  await page.goto(`${inject('baseUrl')}?start`);
  const list = page.getByRole('list', { name: 'Notebooks in this browser' });
  const titles = () => list.getByRole('listitem').locator('a, input').evaluateAll((els) => els.map((e) => e.textContent?.trim() || (e as HTMLInputElement).value));
  await expect.poll(titles).toEqual(['Customer 360']);

  // Rename: type the new name, Enter.
  await list.getByRole('button', { name: 'Rename Customer 360' }).click();
  const name = list.getByRole('textbox', { name: 'New name for Customer 360' });
  await name.fill('Customer 360, my version');
  await name.press('Enter');
  await expect.poll(titles).toEqual(['Customer 360, my version']);

  // Duplicate, then delete the original: the copy is what is left.
  await list.getByRole('button', { name: 'Duplicate Customer 360, my version' }).click();
  await expect.poll(() => titles().then((t) => [...t].sort())).toEqual(['Customer 360, my version', 'Customer 360, my version (copy)']);
  await list.getByRole('button', { name: 'Delete Customer 360, my version', exact: true }).click();
  await list.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(titles).toEqual(['Customer 360, my version (copy)']);
  // Reloaded, the list is the same: the changes are in storage, not only on the page.
  await page.reload();
  await expect.poll(titles).toEqual(['Customer 360, my version (copy)']);

  // The copy opens with its name and the edit.
  await list.getByRole('link', { name: 'Customer 360, my version (copy)' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().innerText()).toBe('Customer 360, my version (copy)');
  await expect.poll(async () => (await editorOf(cell(page, silver.name))).innerText()).toContain('-- my own change');
  expect(shared.errors).toEqual([]);
  await shared.context.close();
});
