/** A SQL error shows DuckDB's message; cells that read the failed table are blocked. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
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

test('a syntax error in silver.sales shows the error and blocks gold', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  const gold = cell(page, 'gold.customer_360');
  await waitForStatus(gold, ['done']);
  await waitForIdle(page);

  const silver = await findCell(page, 'silver.sales', 'silver.');
  await appendToEditor(page, silver.region, '\nWHERE WHERE');
  await page.keyboard.press('Shift+Enter');

  await waitForStatus(silver.region, ['error']);
  const alert = silver.region.getByRole('alert');
  expect(await alert.innerText()).toMatch(/Parser Error|syntax error/i);
  // The editor marks the line the error names: the one just typed, the cell's last.
  const lines = silver.region.locator('.cm-line');
  const line = Number(/LINE (\d+):/.exec(await alert.innerText())![1]);
  expect(line).toBe(await lines.count());
  await expect.poll(() => silver.region.locator('.cm-line.cm-error-line').innerText()).toBe('WHERE WHERE');
  // "Go to line" puts the caret there, from wherever it was.
  await page.keyboard.press('Control+Home');
  await silver.region.getByRole('button', { name: `Go to line ${line}` }).click();
  await expect.poll(() => silver.region.locator('.cm-focused .cm-activeLine').innerText()).toBe('WHERE WHERE');

  await waitForStatus(gold, ['blocked']);
  await waitForIdle(page);
  expect(await statusOf(gold)).toBe('blocked');
  // It says why, in words.
  expect(await gold.locator('.note.blocked').innerText()).toMatch(/fail/i);
  expect(errors).toEqual([]);
  await page.close();
});
