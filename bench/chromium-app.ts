/**
 * The production build served locally and a headless Chromium to drive it: what every
 * browser measurement in `npm run bench` starts from.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { build, preview } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface ChromiumApp {
  readonly url: string;
  readonly browser: Browser;
  /** Which Chromium, for the results: "chromium-headless-shell 156.0.8078.129". */
  readonly browserName: string;
  close(): Promise<void>;
}

/**
 * Debian's headless shell when it is installed (`apt-get install chromium-headless-shell`,
 * what Playwright itself runs headless), else the full browser; CHROMIUM_PATH overrides.
 * The full browser opens a window for each new context, and with it a renderer for its own
 * address bar that takes ~1 s of CPU during the page's start (measured 2026-12-07): on two
 * cores that is the browser measuring itself. A person opens the app in a browser already running.
 */
function chromiumPath(): string {
  const shell = '/usr/bin/chromium-headless-shell';
  return process.env['CHROMIUM_PATH'] ?? (existsSync(shell) ? shell : '/usr/bin/chromium');
}

/** Builds the app, serves it with `vite preview` and launches Chromium. */
export async function startChromiumApp(): Promise<ChromiumApp> {
  await build({ logLevel: 'warn' });
  const port = await freePort();
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ executablePath, args: ARGS });
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    browserName: `${executablePath.split('/').pop()} ${browser.version()}`,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Resolves once the page's engine has started (the page marks it). */
export async function engineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('medallion:engine-ready').length > 0, null, { timeout: 60_000 });
}

/** Resolves once every plan the page's runtime has queued has finished. */
export async function runtimeIdle(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as { medallion: { runtime: { idle(): Promise<void> } } }).medallion.runtime.idle());
}

export function planCount(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('medallion:plan').length);
}

/** Waits for the page's `count`-th plan to end; its duration and number of cells. */
export async function waitForPlans(page: Page, count: number, timeout = 120_000): Promise<{ duration: number; cells: number }> {
  await page.waitForFunction((n) => performance.getEntriesByName('medallion:plan').length >= n, count, { timeout });
  return page.evaluate((n) => {
    const entry = performance.getEntriesByName('medallion:plan')[n - 1] as PerformanceMeasure;
    return { duration: entry.duration, cells: (entry.detail as { cells: number }).cells };
  }, count);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
