/**
 * Offline: after the first visit the service worker holds the app, the engine's WASM and
 * the sample data, so with the network cut the page still opens and runs Customer 360.
 * The two engine start times are printed, not asserted (they depend on the machine).
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cell, launchBrowser, statusOf, waitForIdle, waitForStatus } from './browser.ts';
import { allViolations, freshPage } from './share-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Milliseconds from navigation to a ready engine, from the page's own performance mark. */
async function engineReadyMs(page: Page): Promise<number> {
  await expect
    .poll(
      () => page.evaluate(() => performance.getEntriesByName('medallion:engine-ready').length),
      { timeout: 90_000 },
    )
    .toBe(1);
  return page.evaluate(() =>
    Math.round(performance.getEntriesByName('medallion:engine-ready')[0]!.startTime),
  );
}

test('with the network cut after the first visit, the app opens and runs the sample notebook', async () => {
  const shared = await freshPage(browser, { serviceWorkers: 'allow' });
  const { page, context } = shared;
  await page.goto(inject('baseUrl'));
  const first = await engineReadyMs(page);
  await waitForStatus(cell(page, 'gold.customer_360'), ['done']);
  await waitForIdle(page);
  // Registered once the engine is ready; active once everything is precached.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), {
      timeout: 60_000,
    })
    .toBe('activated');

  await context.setOffline(true);
  await page.reload();
  const second = await engineReadyMs(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const gold = cell(page, 'gold.customer_360');
  await waitForStatus(gold, ['done', 'error', 'blocked']);
  await waitForIdle(page);
  expect(await statusOf(gold)).toBe('done');
  expect(
    await page
      .locator('.cell-status[data-status="error"], .cell-status[data-status="blocked"]')
      .count(),
  ).toBe(0);
  console.log(
    `engine ready after ${first} ms on the first visit, ${second} ms on the second (offline, from the service worker's cache)`,
  );

  // Another address of the app works offline too: the start page.
  await page.goto(`${inject('baseUrl')}?start`);
  await expect
    .poll(() => page.getByRole('heading', { name: 'Notebooks', exact: true }).count())
    .toBe(1);

  expect(await allViolations(shared)).toEqual([]);
  expect(shared.errors).toEqual([]);
  await context.close();
});
