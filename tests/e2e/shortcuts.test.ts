/** The page's own shortcuts, pressed outside any editor: Run all, notebook ⇄ dashboard, the list of shortcuts. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { cell, editorOf, launchBrowser, openPage, plansRun, statusOf, waitForIdle } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('Ctrl+Shift+Enter runs every cell again; Ctrl+Shift+D switches to the dashboard and back', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  // The bundled sample's first run.
  await expect.poll(() => plansRun(page), { timeout: 120_000 }).toBeGreaterThan(0);
  await waitForIdle(page);
  const before = await plansRun(page);
  const startedBefore = await page.evaluate(() => performance.getEntriesByName('medallion:plan').at(-1)!.startTime);

  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+Shift+Enter');
  await expect.poll(() => plansRun(page), { timeout: 60_000 }).toBeGreaterThan(before);
  await waitForIdle(page);
  // The whole notebook ran: the last plan covers every code cell, gold included.
  const last = await page.evaluate(() => {
    const plan = performance.getEntriesByName('medallion:plan').at(-1) as PerformanceMeasure;
    return { startTime: plan.startTime, cells: (plan.detail as { cells: number }).cells };
  });
  expect(last.startTime).toBeGreaterThan(startedBefore);
  expect(last.cells).toBeGreaterThan(40);
  expect(await statusOf(cell(page, 'gold.customer_360'))).toBe('done');

  await page.keyboard.press('Control+Shift+D');
  await expect.poll(() => page.getByRole('main', { name: 'Dashboard' }).count()).toBe(1);
  await page.keyboard.press('Control+Shift+D');
  await expect.poll(() => page.getByRole('main', { name: 'Notebook' }).count()).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
});

test('? lists the shortcuts (not while typing in a cell); Esc closes the list', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  await expect.poll(() => plansRun(page), { timeout: 120_000 }).toBeGreaterThan(0);
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  // A "?" typed in a SQL cell is a character of its text.
  const customers = cell(page, 'gold.customer_360');
  await (await editorOf(customers)).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('?');
  await expect.poll(() => customers.locator('.cm-content').innerText()).toMatch(/\?$/);
  expect(await list.isVisible()).toBe(false);
  await page.keyboard.press('Backspace');

  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('?');
  await expect.poll(() => list.isVisible()).toBe(true);
  expect(await list.innerText()).toMatch(/Run all/);
  await page.keyboard.press('Escape');
  await expect.poll(() => list.isVisible()).toBe(false);

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect.poll(() => list.isVisible()).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});
