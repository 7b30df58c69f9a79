/**
 * Helpers for the share end-to-end tests: pages in their own browser context (their own
 * storage: "someone else's browser"), CSP violation capture, share links built in Node.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { encodeShareFragment, type SharedNotebook } from '../../src/share/share-link.ts';

export interface SharePage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught exceptions on the page. */
  readonly errors: string[];
  /** Content-Security-Policy violations, from the page's events and its console. */
  readonly violations: string[];
}

/** A page in a fresh context (own localStorage, caches, service worker). */
export async function freshPage(
  browser: Browser,
  options: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<SharePage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  return watch(context, await context.newPage());
}

export async function watch(context: BrowserContext, page: Page): Promise<SharePage> {
  const errors: string[] = [];
  const violations: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { __cspViolations?: string[] }).__cspViolations ??= []);
      list.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return { context, page, errors, violations };
}

/** Violations the page recorded itself (events), plus those its console reported. */
export async function allViolations(shared: SharePage): Promise<string[]> {
  const events = await shared.page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
  );
  return [...events, ...shared.violations];
}

export async function linkTo(baseUrl: string, shared: SharedNotebook): Promise<string> {
  return `${baseUrl}#${await encodeShareFragment(shared)}`;
}

/** Statuses of every code cell, by accessible name. */
export async function statuses(page: Page): Promise<string[]> {
  return page
    .locator('mn-cell .cell-status')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-status') ?? ''));
}
