/**
 * The Debian Chromium driven by playwright-core (`npx playwright install` cannot download
 * here), plus the few page helpers every end-to-end test needs. Waits poll the page's
 * own state words; no test sleeps for a fixed time.
 */
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Running the whole sample notebook takes seconds; a cold engine start adds a few more. */
export const RUN_TIMEOUT = 90_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface OpenedPage {
  readonly page: Page;
  /** Uncaught exceptions on the page; a test ends by expecting none. */
  readonly errors: string[];
}

/**
 * `serviceWorkers: 'block'` for a test that refuses requests with `page.route`: once the
 * app's service worker controls the page (it claims it after the first run), it answers
 * the page's requests from its cache and the route never sees them.
 */
export async function openPage(
  browser: Browser,
  url: string,
  prepare?: (page: Page) => Promise<unknown>,
  serviceWorkers: 'allow' | 'block' = 'allow',
): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await prepare?.(page);
  await page.goto(url);
  return { page, errors };
}

/** A cell by its accessible name, exactly (`silver.sales` must not match `silver.sales_lines`). */
export function cell(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

export async function statusOf(region: Locator): Promise<string> {
  return (await region.locator('.cell-status').first().getAttribute('data-status')) ?? '';
}

/** Polls until the cell's state is one of `statuses`. */
export async function waitForStatus(
  region: Locator,
  statuses: readonly string[],
  timeout = RUN_TIMEOUT,
): Promise<void> {
  await expect
    .poll(() => statusOf(region), { timeout, interval: 100 })
    .toSatisfy((s: string) => statuses.includes(s));
}

/** How many plans the page's runtime has finished (each Run all, slicer change, cell run). */
export function plansRun(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('medallion:plan').length);
}

/** Polls until no cell is queued or running. */
export async function waitForIdle(page: Page, timeout = RUN_TIMEOUT): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .locator('.cell-status[data-status="queued"], .cell-status[data-status="running"]')
          .count(),
      {
        timeout,
        interval: 100,
      },
    )
    .toBe(0);
}

/** The row count a cell's header shows, e.g. `18,148 rows`. */
export async function rowCountText(region: Locator): Promise<string> {
  return (
    (await region.locator('header').first().innerText()).match(
      /\b\d{1,3}(?:,\d{3})* rows?\b/,
    )?.[0] ?? ''
  );
}

export const ROW_COUNT = /^\d{1,3}(?:,\d{3})* rows?$/;

/** The first cell whose name is `preferred`, else the first whose name starts with `prefix`. */
export async function findCell(
  page: Page,
  preferred: string,
  prefix: string,
): Promise<{ name: string; region: Locator }> {
  if ((await cell(page, preferred).count()) > 0)
    return { name: preferred, region: cell(page, preferred) };
  const names = await page
    .locator('mn-cell section[aria-label]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  const name = names.find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`No cell named ${preferred} or ${prefix}*`);
  return { name, region: cell(page, name) };
}

/**
 * A cell's code editor. Editors are made as their cell nears the screen (plain text until
 * then), so the cell is scrolled to first, as a person would.
 */
export async function editorOf(region: Locator): Promise<Locator> {
  await region.scrollIntoViewIfNeeded();
  return region.locator('.cm-content').first();
}

/** Puts the caret at the end of a cell's editor and types `text` there. */
export async function appendToEditor(page: Page, region: Locator, text: string): Promise<void> {
  await (await editorOf(region)).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  // Close a completion popup, if typing opened one, so the next key reaches the editor.
  await page.keyboard.press('Escape');
}
