/**
 * Share links, opened untrusted: a link round-trips the notebook and its input values; in
 * someone else's browser it runs nothing until they choose "Trust and run"; markdown that
 * tries to run script stays inert; remote URLs are not fetched until network access is
 * allowed (the browser's request log and a local server's hit log both stay empty).
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import {
  cell,
  launchBrowser,
  RUN_TIMEOUT,
  statusOf,
  waitForIdle,
  waitForStatus,
} from './browser.ts';
import { allViolations, freshPage, linkTo, statuses } from './share-helpers.ts';

let browser: Browser;
let server: Server;
let dataUrl = '';
const hits: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  // A data server on another origin, standing in for the internet: it logs every request.
  server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-allow-headers', '*');
    response.setHeader('access-control-expose-headers', '*');
    response.end(request.method === 'OPTIONS' ? '' : 'a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dataUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

test('a link restores the notebook and its inputs; elsewhere it runs only once trusted', async () => {
  const author = await freshPage(browser);
  await author.page.goto(inject('baseUrl'));
  await waitForStatus(cell(author.page, 'bronze.customers'), ['done']);
  // A slicer value travels with the link (the run it starts need not finish first).
  await author.page.evaluate(() => {
    void (globalThis as unknown as Medallion).medallion.runtime.setInput('gender', 'F');
  });

  await author.page.getByRole('button', { name: 'Share' }).click();
  const url = await author.page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#nb=v1\.[A-Za-z0-9_-]+$/);
  const authorText = await author.page.evaluate(() =>
    (globalThis as unknown as Medallion).medallion.session.text(),
  );
  expect(authorText).toBe(readFileSync('notebooks/customer-360.md', 'utf8'));

  // Someone else's browser: no trust, no storage.
  const reader = await freshPage(browser);
  const { page } = reader;
  await page.goto(url);
  await expect.poll(() => page.getByRole('region', { name: 'Untrusted notebook' }).count()).toBe(1);
  const opened = await page.evaluate(() => {
    const { session, runtime } = (globalThis as unknown as Medallion).medallion;
    return { text: session.text(), gender: runtime.inputValues().get('gender') };
  });
  expect(opened).toEqual({ text: authorText, gender: 'F' });

  // The sample data loads (the notebook asks for it), the engine starts, and nothing runs.
  await expect
    .poll(() => page.getByText(/DuckDB v\d+\.\d+\.\d+ ready/).count(), { timeout: RUN_TIMEOUT })
    .toBe(1);
  await expect
    .poll(
      () =>
        page.evaluate(() => (globalThis as unknown as Medallion).medallion.runtime.files().length),
      { timeout: RUN_TIMEOUT },
    )
    .toBeGreaterThan(0);
  expect((await statuses(page)).filter((s) => s !== 'idle')).toEqual([]);

  await page.getByRole('button', { name: 'Trust and run' }).click();
  await waitForStatus(cell(page, 'gold.customer_360'), ['done']);
  expect(await page.getByRole('region', { name: 'Untrusted notebook' }).count()).toBe(0);

  // Trust is remembered for this content: the same link now opens and runs.
  const again = await reader.context.newPage();
  await again.goto(url);
  await waitForStatus(cell(again, 'bronze.customers'), ['done']);
  expect(await again.getByRole('region', { name: 'Untrusted notebook' }).count()).toBe(0);

  expect(await allViolations(reader)).toEqual([]);
  expect([...author.errors, ...reader.errors]).toEqual([]);
  await author.context.close();
  await reader.context.close();
});

test('markdown that tries to run script runs nothing', async () => {
  const text = [
    '---',
    'title: Hostile',
    '---',
    '',
    '<!-- cell: intro -->',
    '# Hello from a stranger',
    '',
    // CommonMark shows this one as text (an unquoted value may not hold "="); the quoted
    // one below is HTML and reaches the sanitizer.
    '<img src=x onerror=window.__pwned=1>',
    '',
    '<img src="x" onerror="window.__pwned=1" alt="broken">',
    '',
    '[click me](javascript:window.__pwned=2)',
    '',
    '<a href="javascript:window.__pwned=3">or me</a>',
    '',
    '<svg onload=window.__pwned=4></svg><iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
    '',
    '```sql id=answer',
    'CREATE TABLE gold.answer AS SELECT 42 AS answer',
    '```',
    '',
  ].join('\n');
  const shared = await freshPage(browser);
  const { page } = shared;
  await page.goto(await linkTo(inject('baseUrl'), { text, inputs: [] }));
  await expect
    .poll(() => page.getByRole('heading', { name: 'Hello from a stranger' }).count())
    .toBe(1);
  await expect
    .poll(() => page.getByText(/DuckDB v\d+\.\d+\.\d+ ready/).count(), { timeout: RUN_TIMEOUT })
    .toBe(1);

  const image = page.locator('mn-markdown img');
  expect(await image.count()).toBe(1);
  expect(await image.getAttribute('onerror')).toBeNull();
  await page.getByText('click me').click();
  await page.getByText('or me').click();
  expect(
    await page.locator('mn-markdown iframe, mn-markdown svg, mn-markdown script').count(),
  ).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  // Still on the page, and the SQL cell has not run.
  expect(page.url()).toContain('#nb=v1.');
  expect(await statusOf(cell(page, 'gold.answer'))).toBe('idle');
  expect(await page.getByRole('region', { name: 'Untrusted notebook' }).count()).toBe(1);
  expect(shared.errors).toEqual([]);
  await shared.context.close();
});

test('remote URLs are not fetched until network access is allowed', async () => {
  const text = [
    '---',
    'title: Remote data',
    '---',
    '',
    '```sql id=remote',
    "CREATE TABLE silver.remote AS SELECT * FROM read_csv('https://example.com/x.csv')",
    '```',
    '',
    '```sql id=server',
    `CREATE TABLE silver.server AS SELECT * FROM read_csv('${dataUrl}/y.csv')`,
    '```',
    '',
    // A URL built at run time: the text check cannot see it; the engine worker's guard does.
    '```sql id=built',
    `CREATE TABLE silver.built AS SELECT * FROM read_csv('http' || '://${dataUrl.replace('http://', '')}/z.csv')`,
    '```',
    '',
  ].join('\n');
  const shared = await freshPage(browser);
  const { page, context } = shared;
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('https://example.com/**', (route) =>
    route.fulfill({
      status: 200,
      body: 'a,b\n3,4\n',
      headers: { 'access-control-allow-origin': '*', 'content-type': 'text/csv' },
    }),
  );
  hits.length = 0;
  await page.goto(await linkTo(inject('baseUrl'), { text, inputs: [] }));

  const notice = page.getByRole('region', { name: 'Network access' });
  await expect.poll(() => notice.count()).toBe(1);
  expect(await notice.innerText()).toContain('https://example.com/x.csv');
  expect(await notice.innerText()).toContain(`${dataUrl}/y.csv`);
  await expect
    .poll(() => page.getByText(/DuckDB v\d+\.\d+\.\d+ ready/).count(), { timeout: RUN_TIMEOUT })
    .toBe(1);

  // Trusted, but the network is still off: the two readable URLs are refused by name, the
  // built one by the engine.
  await page.getByRole('button', { name: 'Trust and run' }).click();
  await waitForIdle(page);
  const remote = cell(page, 'silver.remote');
  expect(await statusOf(remote)).toBe('blocked');
  expect(await remote.innerText()).toContain('https://example.com/x.csv');
  expect(await remote.innerText()).toContain('Allow network access');
  expect(await statusOf(cell(page, 'silver.server'))).toBe('blocked');
  const built = cell(page, 'silver.built');
  expect(await statusOf(built)).toBe('error');
  expect(await built.innerText()).toContain('Network access is off');
  expect(requests.filter((u) => !u.startsWith(inject('baseUrl')))).toEqual([]);
  expect(hits).toEqual([]);

  await page.getByRole('button', { name: 'Allow network access' }).click();
  await waitForStatus(cell(page, 'silver.server'), ['done']);
  await waitForStatus(built, ['done']);
  await waitForStatus(remote, ['done']);
  // Now they go out, and the same request log sees them: the empty log above meant something.
  expect(await statusOf(remote)).toBe('done');
  expect(requests.filter((u) => u === 'https://example.com/x.csv').length).toBeGreaterThan(0);
  expect(hits.some((h) => h.includes('/y.csv'))).toBe(true);
  expect(hits.some((h) => h.includes('/z.csv'))).toBe(true);
  expect(shared.errors).toEqual([]);
  await context.close();
});

test('a shared notebook fetches the data its bronze cells name by URL, once allowed', async () => {
  const text = [
    '---',
    'title: Data by URL',
    '---',
    '',
    '```bronze id=bronze-people',
    'table: bronze.people',
    `urls: ${dataUrl}/data/people.csv`,
    '```',
    '',
    '```sql id=silver-people',
    'CREATE TABLE silver.people AS SELECT CAST(a AS INTEGER) AS a FROM bronze.people',
    '```',
    '',
  ].join('\n');
  const shared = await freshPage(browser);
  const { page } = shared;
  hits.length = 0;
  await page.goto(await linkTo(inject('baseUrl'), { text, inputs: [] }));

  // The banner names the URL; the file is not asked for (the notebook says where it is).
  const notice = page.getByRole('region', { name: 'Network access' });
  await expect.poll(() => notice.count()).toBe(1);
  expect(await notice.innerText()).toContain(`${dataUrl}/data/people.csv`);
  expect(await page.getByRole('region', { name: 'Data files needed' }).count()).toBe(0);
  await page.getByRole('button', { name: 'Trust and run' }).click();
  await waitForIdle(page);
  expect(await statusOf(cell(page, 'bronze.people'))).toBe('blocked');
  expect(hits).toEqual([]);

  await page.getByRole('button', { name: 'Allow network access' }).click();
  await waitForStatus(cell(page, 'silver.people'), ['done']);
  expect(await statusOf(cell(page, 'bronze.people'))).toBe('done');
  expect(hits).toEqual(['GET /data/people.csv']);
  expect(shared.errors).toEqual([]);
  await shared.context.close();
});

interface Medallion {
  medallion: {
    runtime: import('../../src/runtime/notebook-runtime.ts').NotebookRuntime;
    session: import('../../src/share/session.ts').NotebookSession;
  };
}
