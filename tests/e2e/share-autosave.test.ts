/**
 * Autosave: an edit is in browser storage within a second and comes back after a reload
 * (with "Revert to the original"); two tabs editing the same notebook are told, and the
 * second can keep its version as a copy.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  editorOf,
  appendToEditor,
  cell,
  findCell,
  launchBrowser,
  waitForIdle,
  waitForStatus,
} from './browser.ts';
import { freshPage, watch } from './share-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const KEY = 'mn:notebook:gallery:customer-360';
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key) ?? '', KEY);

async function ready(page: Page): Promise<void> {
  await waitForStatus(cell(page, 'gold.customer_360'), ['done']);
  await waitForIdle(page);
}

test('an edit survives a reload, and can be reverted', async () => {
  const shared = await freshPage(browser);
  const { page } = shared;
  await page.goto(inject('baseUrl'));
  await ready(page);
  expect(await stored(page)).toBe(''); // opening alone stores nothing

  const silver = await findCell(page, 'silver.sales', 'silver.');
  await appendToEditor(page, silver.region, '\n-- kept across reloads');
  await expect
    .poll(() => stored(page), { timeout: 1500, interval: 50 })
    .toContain('kept across reloads');

  await page.reload();
  const restored = page.getByRole('region', { name: 'Restored changes' });
  await expect.poll(() => restored.count()).toBe(1);
  await expect
    .poll(async () => (await editorOf(cell(page, silver.name))).innerText())
    .toContain('kept across reloads');
  await ready(page);

  await restored.getByRole('button', { name: 'Revert to the original' }).click();
  await page.waitForLoadState('load');
  await ready(page);
  expect(await (await editorOf(cell(page, silver.name))).innerText()).not.toContain(
    'kept across reloads',
  );
  expect(await page.getByRole('region', { name: 'Restored changes' }).count()).toBe(0);
  expect(await stored(page)).toBe('');
  expect(shared.errors).toEqual([]);
  await shared.context.close();
});

test('two tabs never silently overwrite each other', async () => {
  const first = await freshPage(browser);
  const second = await watch(first.context, await first.context.newPage());
  await first.page.goto(inject('baseUrl'));
  await second.page.goto(inject('baseUrl'));
  await ready(first.page);
  await ready(second.page);

  const silver = await findCell(first.page, 'silver.sales', 'silver.');
  await appendToEditor(first.page, silver.region, '\n-- from the first tab');
  const alert = second.page.getByRole('alert').filter({ hasText: 'changed in another tab' });
  await expect.poll(() => alert.count(), { timeout: 5000 }).toBe(1);

  // The second tab edits anyway: its version is not written over the first one's.
  await appendToEditor(second.page, cell(second.page, silver.name), '\n-- from the second tab');
  // The editor hands the edit to the runtime after its short debounce.
  await expect
    .poll(() =>
      second.page.evaluate(() =>
        (
          globalThis as unknown as { medallion: { session: { text(): string } } }
        ).medallion.session.text(),
      ),
    )
    .toContain('from the second tab');
  const saved = await second.page.evaluate(() =>
    (
      globalThis as unknown as { medallion: { session: { autosave: { flush(): boolean } } } }
    ).medallion.session.autosave.flush(),
  );
  expect(saved).toBe(false);
  expect(await stored(first.page)).toContain('from the first tab');
  expect(await stored(first.page)).not.toContain('from the second tab');

  await alert.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect.poll(() => second.page.url()).toMatch(/\?local=local%3A[0-9a-f]+$/);
  const copyId = decodeURIComponent(new URL(second.page.url()).searchParams.get('local')!);
  const copy = await second.page.evaluate(
    (key) => localStorage.getItem(key) ?? '',
    `mn:notebook:${copyId}`,
  );
  expect(copy).toContain('from the second tab');
  expect(await stored(first.page)).not.toContain('from the second tab');
  expect([...first.errors, ...second.errors]).toEqual([]);
  await first.context.close();
});
