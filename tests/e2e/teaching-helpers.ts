/** Helpers of the teaching end-to-end tests: screenshots of whole elements, runtime access. */
import type { Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A screenshot of one element, whole and clear of the sticky top bar: the viewport grows
 * to hold it and the element is scrolled to the bottom of it, then the size goes back.
 */
export async function screenshotOf(page: Page, locator: Locator, path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const size = page.viewportSize()!;
  const box = await locator.boundingBox();
  const height = Math.max(size.height, Math.ceil(box?.height ?? 0) + 180);
  if (height !== size.height) await page.setViewportSize({ width: size.width, height });
  await locator.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await locator.screenshot({ path, animations: 'disabled' });
  if (height !== size.height) await page.setViewportSize(size);
}

/** A cell's text, read from the runtime the page exposes as `medallion`. */
export function cellSource(page: Page, id: string): Promise<string> {
  return page.evaluate(
    (cellId) =>
      (globalThis as unknown as { medallion: { runtime: { notebook: { cells: { id: string; source: string }[] } } } })
        .medallion.runtime.notebook.cells.find((c) => c.id === cellId)?.source ?? '',
    id,
  );
}
