/**
 * The gallery and the Content-Security-Policy: `/` still opens Customer 360 and runs it
 * with no CSP violation; `?notebook=medallion-101` opens that notebook; an unknown name
 * shows the start page with a clear message and the gallery.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { cell, launchBrowser, statusOf, waitForIdle, waitForStatus } from './browser.ts';
import { allViolations, freshPage } from './share-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('/ runs Customer 360 on the sample with no CSP violation', async () => {
  const shared = await freshPage(browser);
  const { page } = shared;
  await page.goto(inject('baseUrl'));
  const gold = cell(page, 'gold.customer_360');
  await waitForStatus(gold, ['done', 'error', 'blocked']);
  await waitForIdle(page);
  expect(await statusOf(gold)).toBe('done');
  // Charts (Plot), the editor (CodeMirror) and the grid have all rendered by now.
  expect(await page.locator('mn-cell').count()).toBeGreaterThan(10);
  // The meta tag is in force.
  expect(
    await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
  ).toContain("script-src 'self'");
  expect(await allViolations(shared)).toEqual([]);
  // Nothing in the trusted sample asks for attention.
  expect(await page.getByRole('region', { name: 'Untrusted notebook' }).count()).toBe(0);
  expect(shared.errors).toEqual([]);
  await shared.context.close();
});

test('?notebook=medallion-101 opens that notebook from the gallery', async () => {
  const shared = await freshPage(browser);
  const { page } = shared;
  await page.goto(`${inject('baseUrl')}?notebook=medallion-101`);
  await expect.poll(() => page.title()).toContain('Medallion 101');
  // It asks for the sample data too (`data: sample`), so it runs on open, to its gold table.
  // (Some of its data tests fail on purpose: they are the exercises.)
  await waitForStatus(cell(page, 'gold.customer_revenue'), ['done']);
  await waitForIdle(page);
  expect(await allViolations(shared)).toEqual([]);
  expect(shared.errors).toEqual([]);
  await shared.context.close();
});

test('an unknown ?notebook= name says so and shows the gallery', async () => {
  const shared = await freshPage(browser);
  const { page } = shared;
  await page.goto(`${inject('baseUrl')}?notebook=no-such-notebook`);
  await expect
    .poll(() => page.getByRole('alert').first().innerText())
    .toContain('no notebook named "no-such-notebook"');
  const links = page.getByRole('link', { name: /Customer 360/ });
  expect(await links.count()).toBeGreaterThan(0);
  await links.first().click();
  await expect.poll(() => page.url()).toContain('?notebook=customer-360');
  await waitForStatus(cell(page, 'gold.customer_360'), ['done']);
  expect(await allViolations(shared)).toEqual([]);
  expect(shared.errors).toEqual([]);
  await shared.context.close();
});

test('a damaged link says what is wrong and shows the gallery', async () => {
  const shared = await freshPage(browser);
  const { page } = shared;
  await page.goto(`${inject('baseUrl')}#nb=v9.abc`);
  await expect
    .poll(() => page.getByRole('alert').first().innerText())
    .toContain('another version of Medallion Notebook');
  expect(await page.getByRole('link', { name: /Customer 360/ }).count()).toBeGreaterThan(0);
  expect(shared.errors).toEqual([]);
  await shared.context.close();
});
