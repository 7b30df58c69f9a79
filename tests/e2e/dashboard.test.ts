/**
 * The Customer 360 dashboard in a real browser: slicers, KPI cards, cross-filtering from
 * the map, drill-down and back, switching views, and the chart settings form. Expected
 * numbers are computed here from the generator's truth files, not read from the page.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  cell,
  launchBrowser,
  openPage,
  plansRun,
  RUN_TIMEOUT,
  waitForIdle,
  waitForStatus,
} from './browser.ts';

const SAMPLE = new URL('../../public/sample/', import.meta.url);
const truth = JSON.parse(readFileSync(new URL('truth.json', SAMPLE), 'utf8')) as {
  revenue: string;
  revenue_by_country: Record<string, string>;
  revenue_by_category: Record<string, string>;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Opens `/` and waits until every cell, the dashboard's included, has run. `errors` also
 * collects Content-Security-Policy refusals: charts must draw without inline styles.
 */
async function openNotebook(viewport?: { width: number; height: number }, serviceWorkers: 'allow' | 'block' = 'allow') {
  let refusals: string[] = [];
  const opened = await openPage(
    browser,
    inject('baseUrl'),
    async (page) => {
      page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) refusals.push(message.text());
      });
      if (viewport) await page.setViewportSize(viewport);
    },
    serviceWorkers,
  );
  opened.errors.push(...refusals);
  refusals = opened.errors;
  try {
    await waitForStatus(cell(opened.page, 'Total revenue KPI'), ['done']);
  } catch (error) {
    // Say what the page showed (a toast, the engine's state), not only the cell's status.
    const shown = await opened.page.locator('mn-toasts, mn-top-bar').allInnerTexts();
    await opened.page.screenshot({ path: 'test-results/dashboard-did-not-run.png' });
    throw new Error(
      `The notebook did not run. Page shows: ${shown.join(' | ')}. Page errors: ${opened.errors.join('; ') || 'none'}`,
      { cause: error },
    );
  }
  await waitForIdle(opened.page);
  return opened;
}

function card(page: Page, label: string): Locator {
  return page.getByRole('group', { name: label, exact: true });
}

function chips(page: Page): Locator {
  return page.getByRole('group', { name: 'Active filters' });
}

/** Decimal text ("1155.2500") → hundredths of a unit, rounded half up, as bigint. */
function toCents(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  const tenThousandths = BigInt(whole + (fraction + '0000').slice(0, 4));
  return (tenThousandths + 50n) / 100n;
}

function sumCents(values: readonly string[]): bigint {
  // Sum exactly at four places, round once at the end.
  const total = values.reduce((sum, v) => {
    const [whole = '0', fraction = ''] = v.split('.');
    return sum + BigInt(whole + (fraction + '0000').slice(0, 4));
  }, 0n);
  return (total + 50n) / 100n;
}

/** 123456789n cents → "$1,234,567.89". */
function dollars(cents: bigint): string {
  const whole = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${whole}.${(cents % 100n).toString().padStart(2, '0')}`;
}

/** Total revenue of the customers of one gender, from the Customer 360 truth file. */
function revenueOfGender(gender: string): string {
  const [header, ...lines] = readFileSync(new URL('customer_360.truth.csv', SAMPLE), 'utf8')
    .trim()
    .split('\n');
  const columns = header!.split(',');
  const genderAt = columns.indexOf('gender');
  const revenueAt = columns.indexOf('total_revenue');
  const revenues = lines
    .map((l) => l.split(','))
    .filter((f) => f[genderAt] === gender)
    .map((f) => f[revenueAt]!);
  return dollars(sumCents(revenues));
}

test('choosing F in the Gender slicer shows the revenue of female customers', async () => {
  const { page, errors } = await openNotebook();
  const expected = revenueOfGender('F');
  expect(expected).toMatch(/^\$\d{1,3}(,\d{3})*\.\d\d$/);
  await expect
    .poll(() => card(page, 'Total revenue').innerText())
    .toContain(dollars(toCents(truth.revenue)));

  await page.getByLabel('Gender', { exact: true }).selectOption('F');
  await expect
    .poll(() => card(page, 'Total revenue').innerText(), { timeout: RUN_TIMEOUT })
    .toContain(expected);
  await expect.poll(() => chips(page).innerText()).toContain('Gender: F');

  // M, then F again: F's cards and charts come back from the answers kept the first time.
  await page.getByLabel('Gender', { exact: true }).selectOption('M');
  await expect
    .poll(() => card(page, 'Total revenue').innerText(), { timeout: RUN_TIMEOUT })
    .toContain(revenueOfGender('M'));
  await page.getByLabel('Gender', { exact: true }).selectOption('F');
  await expect
    .poll(() => card(page, 'Total revenue').innerText(), { timeout: RUN_TIMEOUT })
    .toContain(expected);
  expect(errors).toEqual([]);
  await page.close();
});

test('clicking a country on the map narrows the cards and charts to it; its chip clears it', async () => {
  const { page, errors } = await openNotebook();
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  const map = page.getByRole('region', { name: 'Revenue by country', exact: true });
  await map.locator('path[aria-label="Australia"]').click();

  const australia = dollars(toCents(truth.revenue_by_country['Australia']!));
  await expect
    .poll(() => card(page, 'Total revenue').innerText(), { timeout: RUN_TIMEOUT })
    .toContain(australia);
  await expect.poll(() => chips(page).innerText()).toContain('Country: Australia');
  expect(await page.getByLabel('Country', { exact: true }).inputValue()).toBe('Australia');

  // Another chart narrowed too: its bars (labelled "Bachelors (F), $12,345") add up to Australia's revenue.
  const education = page.getByRole('region', { name: 'Revenue by education', exact: true });
  await expect
    .poll(async () => {
      const labels = await education
        .locator('g[aria-label="bar"] rect')
        .evaluateAll((rects) => rects.map((r) => r.getAttribute('aria-label') ?? ''));
      return labels.reduce(
        (sum, label) => sum + Number(label.replace(/.*\$/, '').replace(/,/g, '')),
        0,
      );
    })
    .toBeCloseTo(Number(truth.revenue_by_country['Australia']), -2);
  // Top customers are all Australian now.
  const top = page.getByRole('table', { name: 'Result of Top customers' });
  const countries = () =>
    top
      .getByRole('cell')
      .evaluateAll((cells) => [...new Set(cells.map((c) => c.textContent?.trim() ?? ''))]);
  await expect
    .poll(async () => {
      const seen = await countries();
      return ['Australia', 'United States', 'Canada', 'France'].filter((c) => seen.includes(c));
    })
    .toEqual(['Australia']);

  await page.getByRole('button', { name: 'Clear Country filter' }).click();
  await expect
    .poll(() => card(page, 'Total revenue').innerText(), { timeout: RUN_TIMEOUT })
    .toContain(dollars(toCents(truth.revenue)));
  await expect.poll(() => chips(page).innerText()).not.toContain('Country');
  expect(await page.getByLabel('Country', { exact: true }).inputValue()).toBe('');
  expect(errors).toEqual([]);
  await page.close();
});

test('clicking a category drills the product chart down; the breadcrumb goes back up', async () => {
  const { page, errors } = await openNotebook();
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  const products = page.getByRole('region', { name: /^Revenue and margin by category/ });
  const bars = () =>
    products
      .locator('g[aria-label="bar"] rect')
      .evaluateAll((rects) =>
        rects.map((r) => (r.getAttribute('aria-label') ?? '').replace(/,.*/, '')),
      );
  await expect.poll(bars).toEqual(expect.arrayContaining(['Bikes', 'Accessories', 'Clothing']));

  await products.locator('rect[aria-label^="Bikes,"]').click();
  const crumbs = products.getByRole('navigation', { name: 'Drill path' });
  await expect.poll(() => crumbs.innerText(), { timeout: RUN_TIMEOUT }).toMatch(/All\s*›?\s*Bikes/);
  await expect.poll(bars).toEqual(expect.arrayContaining(['Road Bikes', 'Mountain Bikes']));
  expect(await bars()).not.toContain('Accessories');
  // The drill path filters the cards as well.
  const bikes = dollars(toCents(truth.revenue_by_category['Bikes']!));
  await expect.poll(() => card(page, 'Total revenue').innerText()).toContain(bikes);
  await expect.poll(() => chips(page).innerText()).toMatch(/Product: Bikes/);

  await crumbs.getByRole('button', { name: 'All', exact: true }).click();
  await expect
    .poll(bars, { timeout: RUN_TIMEOUT })
    .toEqual(expect.arrayContaining(['Bikes', 'Accessories', 'Clothing']));
  await expect
    .poll(() => card(page, 'Total revenue').innerText())
    .toContain(dollars(toCents(truth.revenue)));
  expect(await chips(page).innerText()).not.toMatch(/Product/);
  expect(errors).toEqual([]);
  await page.close();
});

test('switching to the dashboard and back keeps the filters and re-runs nothing', async () => {
  const { page, errors } = await openNotebook();
  await page.getByLabel('Gender', { exact: true }).selectOption('F');
  const female = revenueOfGender('F');
  await expect
    .poll(() => card(page, 'Total revenue').innerText(), { timeout: RUN_TIMEOUT })
    .toContain(female);
  await waitForIdle(page);
  const plans = await plansRun(page);

  await page.keyboard.press('Control+Shift+D');
  await expect.poll(() => page.getByRole('main', { name: 'Dashboard' }).count()).toBe(1);
  expect(await page.getByRole('main', { name: 'Notebook' }).count()).toBe(0);
  expect(await page.getByLabel('Gender', { exact: true }).inputValue()).toBe('F');
  expect(await card(page, 'Total revenue').innerText()).toContain(female);
  expect(await chips(page).innerText()).toContain('Gender: F');
  // Code is hidden on the dashboard.
  expect(await page.locator('.cm-content').count()).toBe(0);

  await page.getByRole('button', { name: 'Notebook', exact: true }).click();
  await expect.poll(() => page.getByRole('main', { name: 'Notebook' }).count()).toBe(1);
  expect(await page.getByLabel('Gender', { exact: true }).inputValue()).toBe('F');
  expect(await card(page, 'Total revenue').innerText()).toContain(female);
  expect(await plansRun(page)).toBe(plans);
  expect(errors).toEqual([]);
  await page.close();
});

test('a chart saves as SVG and as PNG', async () => {
  const { page, errors } = await openNotebook();
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  const tile = page.getByRole('region', { name: 'Monthly revenue by gender', exact: true });
  await expect.poll(() => tile.locator('svg[viewBox]').count()).toBeGreaterThan(0);

  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    tile.getByRole('button', { name: /as SVG$/ }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe('monthly-revenue-by-gender.svg');
  const text = readFileSync((await svg.path())!, 'utf8');
  expect(text).toMatch(/^<\?xml/);
  expect(text).toContain('Monthly revenue by gender');
  expect(text).toContain('#c2417a'); // the notebook's colour for F

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    tile.getByRole('button', { name: /as PNG$/ }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('monthly-revenue-by-gender.png');
  const bytes = readFileSync((await png.path())!);
  expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  // Twice the chart's size: the PNG's width (bytes 16–19 of the IHDR chunk) is over 2 × 400.
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(800);
  expect(errors).toEqual([]);
  await page.close();
});

test('screenshots of the dashboard at laptop and phone widths', async () => {
  mkdirSync('test-results', { recursive: true });
  for (const [name, viewport] of [
    ['laptop', { width: 1366, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    const { page, errors } = await openNotebook(viewport);
    await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
    await expect
      .poll(() => card(page, 'Total revenue').innerText())
      .toContain(dollars(toCents(truth.revenue)));
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Revenue by country', exact: true })
          .locator('svg')
          .count(),
      )
      .toBeGreaterThan(0);
    // Every chart tile has drawn (no loading placeholders left).
    await expect.poll(() => page.getByRole('status', { name: 'Loading chart' }).count()).toBe(0);
    await page.screenshot({ path: `test-results/dashboard-${name}.png` });
    await page.screenshot({ path: `test-results/dashboard-${name}-full.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('the chart settings form changes the chart type in the cell text and redraws it', async () => {
  // The form's download is refused below: the service worker must not answer it from its cache.
  const { page, errors } = await openNotebook(undefined, 'block');
  const chart = cell(page, 'Revenue by education');
  await expect.poll(() => chart.locator('g[aria-label="bar"] rect').count()).toBeGreaterThan(0);

  // The form loads on first use (it is not in the first download). Offline, it says so.
  const settings = chart.getByRole('button', { name: 'Chart settings' });
  await page.route(/mn-chart-form-[^/]*\.js$/, (route) => route.abort());
  await settings.click();
  // (Timeouts: under load, a refused or a first import can take over the default second.)
  await expect
    .poll(() => page.getByRole('alert').allInnerTexts(), { timeout: RUN_TIMEOUT })
    .toEqual([expect.stringContaining('The chart settings could not be loaded')]);
  expect(await settings.getAttribute('aria-pressed')).toBe('false');
  await page.unroute(/mn-chart-form-[^/]*\.js$/);
  await settings.click();
  const form = chart.getByRole('form', { name: 'Chart settings' });
  const chartType = form.getByLabel('Chart type');
  await expect.poll(() => chartType.inputValue(), { timeout: RUN_TIMEOUT }).toBe('bar-x');
  await chartType.selectOption({ label: 'Scatter' });

  await expect
    .poll(() => chart.locator('g[aria-label="dot"] circle').count(), { timeout: RUN_TIMEOUT })
    .toBeGreaterThan(0);
  expect(await chart.locator('g[aria-label="bar"]').count()).toBe(0);
  // The edit is in the cell's text (the editor, or its plain text before the editor is
  // made), the rest of the spec as it was.
  await chart.getByText('Chart spec (YAML)').click();
  const source = chart.locator('.cm-content, pre.static').first();
  await expect.poll(() => source.innerText()).toMatch(/^mark: dot$/m);
  expect(await source.innerText()).toMatch(/^sort: -x$/m);
  expect(errors).toEqual([]);
  await page.close();
});
