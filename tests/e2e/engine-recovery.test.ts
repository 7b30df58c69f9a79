/**
 * The engine worker dies (forced here, as running out of memory would): the page notices,
 * starts a new engine with the same files, says what happened, and marks the lost tables
 * stale; the notebook and its inputs are untouched, and Run all rebuilds everything.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  cell,
  launchBrowser,
  openPage,
  RUN_TIMEOUT,
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

interface PageRuntime {
  notebook: unknown;
  inputValues(): Map<string, unknown>;
  engine: { crashForTesting(): Promise<void>; listFiles(): Promise<{ name: string }[]> };
}

/** Kills the page's engine worker, as a WASM trap would, and waits for the page to say so. */
async function crashEngine(page: Page): Promise<void> {
  await page.evaluate(() =>
    (
      globalThis as unknown as { medallion: { runtime: PageRuntime } }
    ).medallion.runtime.engine.crashForTesting(),
  );
  await expect
    .poll(() => page.getByText(/engine .*restarted/i).count(), { timeout: 30_000 })
    .toBeGreaterThan(0);
}

test('after an engine crash the page restarts it, says so, and Run all rebuilds the notebook', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  const gold = cell(page, 'gold.customer_360');
  await waitForStatus(gold, ['done', 'error', 'blocked']);
  await waitForIdle(page);
  expect(await statusOf(gold)).toBe('done');

  const snapshot = () =>
    page.evaluate(() => {
      const { runtime } = (globalThis as unknown as { medallion: { runtime: PageRuntime } })
        .medallion;
      return JSON.stringify({ notebook: runtime.notebook, inputs: [...runtime.inputValues()] });
    });
  const before = await snapshot();
  const filesBefore = await page.evaluate(async () => {
    const { runtime } = (globalThis as unknown as { medallion: { runtime: PageRuntime } })
      .medallion;
    return (await runtime.engine.listFiles()).map((f) => f.name).sort();
  });

  // The notice, and the lost tables marked stale.
  await crashEngine(page);
  await expect.poll(() => statusOf(gold), { timeout: 10_000 }).toBe('stale');
  // The cell says why it is stale: the restart, not an edit.
  expect(await gold.innerText()).toMatch(/restarted; its tables were lost\. Re-run to rebuild them\./);
  expect(await gold.innerText()).not.toContain('Out of date');
  expect(await snapshot()).toBe(before);

  // The new engine has the same files, and Run all rebuilds the gold layer.
  const filesAfter = await page.evaluate(async () => {
    const { runtime } = (globalThis as unknown as { medallion: { runtime: PageRuntime } })
      .medallion;
    return (await runtime.engine.listFiles()).map((f) => f.name).sort();
  });
  expect(filesAfter).toEqual(filesBefore);
  // The top bar follows the new engine: restarting, then ready (not "Engine failed").
  await expect
    .poll(() => page.getByText(/DuckDB v\d+\.\d+\.\d+ ready/).count(), { timeout: 30_000 })
    .toBe(1);
  await page.getByRole('button', { name: 'Run all' }).click();
  await waitForStatus(gold, ['done', 'error', 'blocked'], RUN_TIMEOUT);
  await waitForIdle(page);
  expect(await statusOf(gold)).toBe('done');
  const failed = await page
    .locator('.cell-status[data-status="error"], .cell-status[data-status="blocked"]')
    .count();
  expect(failed).toBe(0);
  expect(await snapshot()).toBe(before);
  expect(errors).toEqual([]);
  await page.close();
});

test('a crash while the engine starts: the top bar shows the new engine ready, and the notebook runs', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  await expect.poll(() => page.getByText('Engine starting…').count()).toBe(1);
  await crashEngine(page);
  await expect
    .poll(() => page.getByText(/DuckDB v\d+\.\d+\.\d+ ready/).count(), { timeout: RUN_TIMEOUT })
    .toBe(1);
  expect(await page.getByText('Engine failed').count()).toBe(0);
  // The sample files reach the new engine and the notebook runs on its own.
  const gold = cell(page, 'gold.customer_360');
  await waitForStatus(gold, ['done', 'error', 'blocked'], RUN_TIMEOUT);
  await waitForIdle(page);
  expect(await statusOf(gold)).toBe('done');
  expect(await page.getByText(/Could not add/).count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('the Cancel button in the top bar stops the running query', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  const gold = cell(page, 'gold.customer_360');
  await waitForStatus(gold, ['done', 'error', 'blocked']);
  await waitForIdle(page);
  const id = await page.evaluate(() => {
    const { runtime } = (globalThis as unknown as { medallion: { runtime: { dispatch(a: object): string; runCell(id: string): Promise<void> } } }).medallion;
    const added = runtime.dispatch({ type: 'add', kind: 'sql', source: 'SELECT sum(a.range * b.range) AS s FROM range(100000000) a, range(100) b' });
    void runtime.runCell(added);
    return added;
  });
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  await expect.poll(() => cancel.count()).toBe(1);
  await cancel.click();
  await expect
    .poll(() => page.evaluate((cellId) => (globalThis as unknown as { medallion: { runtime: { state(id: string): { status: string; message: string | null } } } }).medallion.runtime.state(cellId), id), { timeout: 2000 })
    .toMatchObject({ status: 'error', message: 'Cancelled' });
  await expect.poll(() => cancel.count()).toBe(0);
  expect(await statusOf(gold)).toBe('done');
  expect(errors).toEqual([]);
  await page.close();
});

test('Cancel stops a long query in the worker within a second and keeps the tables', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  const gold = cell(page, 'gold.customer_360');
  await waitForStatus(gold, ['done', 'error', 'blocked']);
  await waitForIdle(page);

  const outcome = await page.evaluate(async () => {
    type Runtime = {
      dispatch(action: object): string;
      runCell(id: string): Promise<void>;
      cancel(): Promise<void>;
      state(id: string): { status: string; message: string | null };
      engine: { query(sql: string): Promise<Uint8Array> };
    };
    const { runtime } = (globalThis as unknown as { medallion: { runtime: Runtime } }).medallion;
    const id = runtime.dispatch({
      type: 'add',
      kind: 'sql',
      source: 'SELECT sum(a.range * b.range) AS s FROM range(100000000) a, range(100) b',
    });
    const run = runtime.runCell(id);
    while (runtime.state(id).status !== 'running') await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    await runtime.cancel();
    await run;
    const ms = performance.now() - t0;
    const rows = (await runtime.engine.query('SELECT count(*) FROM gold.customer_360')).byteLength;
    return { ms, state: runtime.state(id), rows };
  });
  expect(outcome.state).toMatchObject({ status: 'error', message: 'Cancelled' });
  expect(outcome.ms).toBeLessThan(1000);
  expect(outcome.rows).toBeGreaterThan(0);
  expect(await statusOf(gold)).toBe('done');
  expect(errors).toEqual([]);
  await page.close();
});
