/**
 * A deliberately broken silver cell turns its data tests red, with the offending rows,
 * the hint and the SQL that lists them; restoring the text turns them green again.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { cell, editorOf, launchBrowser, openPage, statusOf, waitForIdle, waitForStatus } from './browser.ts';
import { cellSource, screenshotOf } from './teaching-helpers.ts';

const truth = JSON.parse(readFileSync(join(process.cwd(), 'public', 'sample', 'truth.json'), 'utf8')) as {
  order_lines: number;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Replaces a cell's whole text through its editor, as a paste would, and runs it. */
async function replaceAndRun(page: Page, region: Locator, text: string): Promise<void> {
  await (await editorOf(region)).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Shift+Enter');
}

test('dropping the dedup from silver.sales turns its tests red; restoring it turns them green', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  await waitForStatus(cell(page, 'gold.customer_360'), ['done']);
  await waitForIdle(page);

  const silver = cell(page, 'silver.sales');
  const tests = cell(page, 'Tests of silver.sales');
  expect(await tests.count()).toBe(1);
  expect(await statusOf(tests)).toBe('done');
  expect(await tests.getByRole('status').first().innerText()).toMatch(/All 9 tests of silver\.sales passed/);

  const original = await cellSource(page, 'silver-sales');
  const broken = original.replace(/\n\s*QUALIFY row_number\(\) OVER \([\s\S]*?\) = 1/, '');
  expect(broken).not.toBe(original);

  await replaceAndRun(page, silver, broken);
  await waitForStatus(tests, ['error']);
  await waitForIdle(page);
  expect(await tests.getByRole('status').first().innerText()).toMatch(/1 of 9 tests of silver\.sales failed/);

  const unique = tests.getByRole('listitem', { name: 'unique (order_number, order_line): failed' });
  const text = await unique.innerText();
  expect(text).toContain(`${truth.order_lines.toLocaleString('en-US')} duplicated keys`);
  expect(text).toMatch(/Hint\s+Every sales file was delivered twice/);
  // A sample of the offending keys, and the SQL that lists all of them, ready to copy.
  const sample = unique.getByRole('table', { name: 'Failing rows of unique (order_number, order_line)' });
  expect(await sample.isVisible()).toBe(true);
  // Off screen a grid is not laid out (content-visibility), and has no text to read until
  // it is scrolled to and the next frame lays it out.
  await sample.scrollIntoViewIfNeeded();
  await expect.poll(() => sample.innerText()).toContain('occurrences');
  expect(await unique.getByLabel('SQL of unique (order_number, order_line)').innerText()).toMatch(/HAVING count\(\*\) > 1/);
  expect(await unique.getByRole('button', { name: 'Copy SQL' }).isVisible()).toBe(true);
  // The other tests still pass, and say so.
  expect(await tests.getByRole('listitem', { name: 'not_null (order_date): passed' }).count()).toBe(1);
  // Gold downstream ran on the broken table; its own tests catch the damage too.
  expect(await statusOf(cell(page, 'Tests of gold.fact_sales'))).toBe('error');

  await screenshotOf(page, tests, 'test-results/teaching-test-failure.png');

  await replaceAndRun(page, silver, original);
  await waitForStatus(tests, ['done']);
  await waitForIdle(page);
  expect(await tests.getByRole('status').first().innerText()).toMatch(/All 9 tests of silver\.sales passed/);
  expect(await tests.getByRole('listitem', { name: /: failed$/ }).count()).toBe(0);
  expect(await statusOf(cell(page, 'Tests of gold.fact_sales'))).toBe('done');
  await screenshotOf(page, tests, 'test-results/teaching-test-pass.png');
  expect(errors).toEqual([]);
  await page.close();
});
