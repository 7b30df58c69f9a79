/** A file dragged onto the page: the drop overlay shows while it is held, and the drop adds it. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  cell,
  launchBrowser,
  openPage,
  rowCountText,
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

/** Fires a drag event carrying one CSV file on an element, as a browser does for a file from the desktop. */
function dragFile(
  page: Page,
  selector: string,
  type: 'dragenter' | 'dragover' | 'dragleave' | 'drop',
  name: string,
  text: string,
) {
  return page.evaluate(
    ({ selector, type, name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'text/csv' }));
      const target = document.querySelector(selector)!;
      target.dispatchEvent(
        new DragEvent(type, {
          dataTransfer: data,
          bubbles: true,
          cancelable: true,
          composed: true,
        }),
      );
    },
    { selector, type, name, text },
  );
}

test('a CSV dropped on the page gets a bronze cell of its own, loaded and run', async () => {
  const { page, errors } = await openPage(browser, inject('baseUrl'));
  await waitForIdle(page);
  const overlay = page.getByText('Drop files to add them');
  const csv = 'shop,city\n1,Paris\n2,Oslo\n3,Lima\n';

  await dragFile(page, 'mn-app', 'dragenter', 'my_shops.csv', csv);
  await dragFile(page, 'mn-app', 'dragover', 'my_shops.csv', csv);
  await expect.poll(() => overlay.isVisible()).toBe(true);
  // Leaving the page without dropping takes the overlay away and adds nothing.
  await dragFile(page, 'mn-app', 'dragleave', 'my_shops.csv', csv);
  await expect.poll(() => overlay.isVisible()).toBe(false);

  await dragFile(page, 'mn-app', 'dragenter', 'my_shops.csv', csv);
  await dragFile(page, 'mn-app', 'drop', 'my_shops.csv', csv);
  await expect.poll(() => overlay.isVisible()).toBe(false);
  const shops = cell(page, 'bronze.my_shops');
  await expect.poll(() => shops.count(), { timeout: 30_000 }).toBe(1);
  await waitForStatus(shops, ['done', 'error', 'blocked']);
  expect(await rowCountText(shops)).toBe('3 rows');
  const files = page.getByRole('list', { name: 'Loaded files' });
  await expect.poll(() => files.innerText()).toContain('my_shops.csv');
  expect(errors).toEqual([]);
  await page.close();
});
