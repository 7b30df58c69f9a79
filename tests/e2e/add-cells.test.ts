/**
 * A chart or a slicer is added from the page, not only by editing the file: the "Add…"
 * menu of a cell with a result starts the new cell from that result, and it runs.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { cell, launchBrowser, openPage, plansRun, waitForIdle, waitForStatus } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('a chart, a slicer and a query added under gold.customer_360 start from it and run', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  await expect.poll(() => plansRun(page), { timeout: 120_000 }).toBeGreaterThan(0);
  await waitForIdle(page);
  const customers = cell(page, 'gold.customer_360');
  const addBelow = customers.getByRole('button', { name: 'Add chart, card, slicer or tests below' });

  await addBelow.click();
  await page.getByRole('menu', { name: 'Add below' }).getByRole('menuitem', { name: 'Chart' }).click();
  // The new chart's spec is open, the caret in it: Shift+Enter runs it.
  const spec = page.locator('section.chart').filter({ has: page.locator('.cm-focused') });
  await expect.poll(() => spec.count()).toBe(1);
  expect(await spec.locator('.cm-content').innerText()).toMatch(/FROM gold\.customer_360\s+GROUP BY 1/);
  await page.keyboard.press('Shift+Enter');
  const name = (await spec.locator('header .name').innerText()).trim();
  const chart = cell(page, name);
  await waitForStatus(chart, ['done']);
  await expect.poll(() => chart.locator('g[aria-label="bar"] rect').count()).toBeGreaterThan(1);

  await addBelow.click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.evaluate(() => {
    const active = document.querySelector('mn-app')?.shadowRoot?.activeElement;
    return active?.shadowRoot?.activeElement?.textContent ?? '';
  })).toBe('Slicer');
  await page.keyboard.press('Enter');
  const focusedSlicer = page.locator('section.input').filter({ has: page.locator('.cm-focused') });
  await expect.poll(() => focusedSlicer.count()).toBe(1);
  const slicer = cell(page, (await focusedSlicer.locator('header .name').innerText()).trim());
  await page.keyboard.press('Shift+Enter');
  await waitForStatus(slicer, ['done']);
  // Its options are the column's values, from a query over the table.
  const options = await slicer.getByRole('combobox').locator('option').allInnerTexts();
  expect(options.length).toBeGreaterThan(2);
  expect(options[0]).toBe('All');

  // A SQL cell under a gold table starts as a query of it.
  await customers.getByRole('button', { name: 'Add SQL cell below' }).click();
  const query = page.locator('section.sql').filter({ has: page.locator('.cm-focused') });
  await expect.poll(() => query.locator('.cm-content').innerText()).toBe('SELECT *\nFROM gold.customer_360');
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => query.locator('.cell-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
  // All of the table's rows: the count its own cell shows.
  const made = await customers.locator('header .meta').first().innerText();
  expect(made).toMatch(/^[\d,]+ rows$/);
  expect(await query.locator('header .meta').first().innerText()).toBe(made);
  expect(errors).toEqual([]);
  await page.close();
});
