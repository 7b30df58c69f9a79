/**
 * In the page, through the engine worker: a cell that runs out of memory while the last
 * run's downstream table still holds memory drops that table, runs again, and says so.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { tableFromIPC } from 'apache-arrow';
import { cell, launchBrowser, openPage, waitForIdle, waitForStatus } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface PageRuntime {
  dispatch(action: object): string;
  runCell(id: string): Promise<void>;
  engine: { query(sql: string): Promise<Uint8Array> };
}

test('running a cell again near the memory limit drops the table it will remake, retries, and says so', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  await waitForStatus(cell(page, 'gold.customer_360'), ['done']);
  await waitForIdle(page);

  // The probe needs ~45 MB while it runs and keeps one row; its copy keeps ~45 MB: under a
  // limit 80 MB above what the sample's tables hold, each fits alone, not both at once.
  const usedIpc = await page.evaluate(async () => {
    const { runtime } = (globalThis as unknown as { medallion: { runtime: PageRuntime } }).medallion;
    return Array.from(await runtime.engine.query('SELECT sum(memory_usage_bytes)::BIGINT AS b FROM duckdb_memory()'));
  });
  const used = Number(tableFromIPC(new Uint8Array(usedIpc)).getChild('b')?.get(0));
  const id = await page.evaluate(async (limitMb) => {
    const { runtime } = (globalThis as unknown as { medallion: { runtime: PageRuntime } }).medallion;
    await runtime.engine.query(`SET memory_limit = '${limitMb}MB'`);
    const probe = runtime.dispatch({
      type: 'add',
      kind: 'sql',
      source: `CREATE OR REPLACE TABLE silver.memory_probe AS
SELECT count(*) AS k FROM (SELECT DISTINCT repeat('x', 200) || i AS s FROM range(200000) t(i))`,
    });
    runtime.dispatch({
      type: 'add',
      kind: 'sql',
      source: `CREATE OR REPLACE TABLE gold.memory_copy AS SELECT k, repeat('y', 200) || r AS s FROM silver.memory_probe, range(200000) t(r)`,
    });
    await runtime.runCell(probe);
    await runtime.runCell(probe);
    return probe;
  }, Math.ceil(used / 2 ** 20) + 80);
  expect(id).toBeTruthy();
  await waitForIdle(page);

  const probe = cell(page, 'silver.memory_probe');
  await waitForStatus(probe, ['done']);
  await waitForStatus(cell(page, 'gold.memory_copy'), ['done']);
  await probe.scrollIntoViewIfNeeded();
  expect(await probe.locator('.note').innerText()).toMatch(/ran out of memory .*gold\.memory_copy.* ran again/);
  await page.screenshot({ path: 'test-results/rerun-memory.png' });
  expect(errors).toEqual([]);
  await page.close();
});
