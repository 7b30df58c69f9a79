/** Files added through the "Add data files" input load into bronze and run through to gold. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  cell,
  launchBrowser,
  openPage,
  rowCountText,
  ROW_COUNT,
  statusOf,
  waitForIdle,
  waitForStatus,
} from './browser.ts';

const SAMPLE_DIR = join(process.cwd(), 'public', 'sample');

function sampleFiles(): string[] {
  const manifest = join(SAMPLE_DIR, 'manifest.json');
  if (!existsSync(manifest))
    throw new Error(`${manifest} is missing: generate the sample data first.`);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as string[]).map((name) =>
    join(SAMPLE_DIR, name),
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('adding the sample files through the input and pressing Run all makes gold.customer_360', async () => {
  // Start without the bundled sample, as someone bringing their own files would.
  const { page, errors } = await openPage(browser, inject('baseUrl'), (p) =>
    p.route('**/sample/**', (route) => route.fulfill({ status: 404, body: 'not here' })),
  );
  await expect
    .poll(() => page.getByText('No data files yet').isVisible(), { timeout: 30_000 })
    .toBe(true);
  const gold = cell(page, 'gold.customer_360');
  expect(await statusOf(gold)).toBe('idle');

  const files = sampleFiles();
  await page.getByLabel('Add data files').setInputFiles(files);
  // Every file shows up in the files panel.
  const list = page.getByRole('list', { name: 'Loaded files' });
  await expect
    .poll(() => list.getByRole('listitem').count(), { timeout: 30_000 })
    .toBe(files.length);

  await page.getByRole('button', { name: 'Run all', exact: true }).click();
  await waitForStatus(gold, ['done', 'error', 'blocked']);
  await waitForIdle(page);
  expect(await statusOf(gold)).toBe('done');
  expect(await rowCountText(gold)).toMatch(ROW_COUNT);
  // After ingest the panel tells what it found in each file.
  expect(await list.innerText()).toMatch(/UTF-8|Latin-1/);
  expect(errors).toEqual([]);
  await page.close();
});
