/**
 * Notebooks as files: every gallery notebook saves as a `.md` file identical to the one in
 * notebooks/, and opens again from that file. The person's own saved file opens trusted;
 * the same file in someone else's browser opens untrusted. (Playwright cannot drive the
 * File System Access pickers, so these run the download / <input type=file> fallback.)
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { freshPage } from './share-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const names = readdirSync('notebooks')
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''));

async function withoutPickers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    for (const name of ['showSaveFilePicker', 'showOpenFilePicker'])
      Object.defineProperty(window, name, { value: undefined });
  });
}

/** Chooses an item of the notebook page's File menu. */
async function fromFileMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function openFile(page: Page, choose: () => Promise<void>, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), choose()]);
  await chooser.setFiles(path);
  await expect.poll(() => page.url()).toMatch(/\?local=local%3A[0-9a-f]+$/);
}

const text = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { medallion: { session: { text(): string } } }
    ).medallion.session.text(),
  );

test.each(names)('%s round-trips through a saved file', async (name) => {
  const original = readFileSync(`notebooks/${name}.md`, 'utf8');
  const author = await freshPage(browser);
  await withoutPickers(author.page);
  await author.page.goto(`${inject('baseUrl')}?notebook=${name}`);

  const [download] = await Promise.all([
    author.page.waitForEvent('download'),
    fromFileMenu(author.page, 'Save'),
  ]);
  expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+\.md$/);
  const path = await download.path();
  expect(readFileSync(path, 'utf8')).toBe(original);

  // Opened again from the file: the same notebook, trusted (this person saved it).
  await openFile(author.page, () => fromFileMenu(author.page, 'Open…'), path);
  await expect.poll(() => text(author.page)).toBe(original);
  expect(await author.page.getByRole('region', { name: 'Untrusted notebook' }).count()).toBe(0);

  // The same file in someone else's browser opens untrusted, from the start page.
  const reader = await freshPage(browser);
  await withoutPickers(reader.page);
  await reader.page.goto(`${inject('baseUrl')}?start`);
  await openFile(reader.page, () => reader.page.getByRole('button', { name: 'Open a notebook file…' }).click(), path);
  await expect.poll(() => text(reader.page)).toBe(original);
  await expect
    .poll(() => reader.page.getByRole('region', { name: 'Untrusted notebook' }).count())
    .toBe(1);

  expect([...author.errors, ...reader.errors]).toEqual([]);
  await author.context.close();
  await reader.context.close();
});
