/**
 * The Customer 360 pipeline (the same cells as wasm-pipeline.ts) in the app itself, in
 * headless Chromium: the notebook opened from a file, then the scale's files added through
 * the file input (read in place by file handle), which runs every cell that reads them:
 * the whole pipeline, timed by the page's own plan measure. This is "the browser
 * pipeline": DuckDB-WASM in our engine worker, on Chromium's WebAssembly compiler rather
 * than Node's. Each run has a fresh page and engine, as each Node run has a fresh engine.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { serializeNotebook } from '../src/notebook/format.ts';
import { pipelineNotebook } from './wasm-pipeline.ts';
import { engineReady, planCount, runtimeIdle, type ChromiumApp } from './chromium-app.ts';

/** Seconds for the pipeline: the best of `times` runs after a warm-up run. */
export async function runBrowserPipeline(app: ChromiumApp, dataDir: string, inPlace: boolean, times: number): Promise<number> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'medallion-bench-'));
  try {
    // Without `data: sample`: the page then waits for the person's files instead of loading the bundled ones.
    const pipeline = pipelineNotebook(inPlace);
    const { data: _sample, ...meta } = pipeline.meta;
    const notebook = { ...pipeline, meta };
    const notebookFile = path.join(scratch, 'pipeline.md');
    writeFileSync(notebookFile, serializeNotebook(notebook));
    const files = readdirSync(dataDir).filter((f) => f.startsWith('AW_')).map((f) => path.join(dataDir, f));
    let best = Infinity;
    for (let run = 0; run <= times; run++) {
      const seconds = await pipelineOnce(app, notebookFile, files, notebook.cells.length);
      if (run > 0) best = Math.min(best, seconds); // run 0 warms up (file cache)
    }
    return best;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function pipelineOnce(app: ChromiumApp, notebookFile: string, files: readonly string[], cells: number): Promise<number> {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    // The file chooser, not the File System Access picker: Playwright answers the chooser.
    await page.addInitScript(() => Object.defineProperty(window, 'showOpenFilePicker', { value: undefined }));
    await page.goto(app.url);
    await engineReady(page);
    await runtimeIdle(page);
    await openNotebook(page, notebookFile);
    await engineReady(page);
    await runtimeIdle(page);

    const before = await planCount(page);
    await page.getByLabel('Add data files').setInputFiles([...files]);
    const names = files.map((f) => path.basename(f));
    await page.waitForFunction(
      (wanted) => {
        const have = (globalThis as unknown as { medallion: { runtime: { files(): readonly string[] } } }).medallion.runtime.files();
        return wanted.every((name) => have.includes(name));
      },
      names,
      { timeout: 10 * 60_000, polling: 200 },
    );
    await runtimeIdle(page);
    await failIfAnyCellFailed(page);
    const plans = await page.evaluate(
      (n) => performance.getEntriesByName('medallion:plan').slice(n).map((e) => ({ ms: e.duration, cells: ((e as PerformanceMeasure).detail as { cells: number }).cells })),
      before,
    );
    const whole = plans.filter((p) => p.cells === cells);
    if (whole.length !== 1) throw new Error(`expected one plan of all ${cells} cells after adding the files, saw ${JSON.stringify(plans)}`);
    return whole[0]!.ms / 1000;
  } finally {
    await context.close();
  }
}

async function openNotebook(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('menuitem', { name: 'Open…' }).click()]);
  await chooser.setFiles(file);
  await page.waitForURL(/\?local=/);
}

/** A run that stopped part way would time less than the pipeline: say which cell failed. */
async function failIfAnyCellFailed(page: Page): Promise<void> {
  const failed = await page.evaluate(() => {
    const { runtime } = (globalThis as unknown as {
      medallion: { runtime: { notebook: { cells: { id: string }[] }; state(id: string): { status: string; message: string | null } } };
    }).medallion;
    return runtime.notebook.cells
      .map((c) => ({ id: c.id, ...runtime.state(c.id) }))
      .filter((s) => s.status !== 'done')
      .map((s) => `${s.id}: ${s.status} ${s.message ?? ''}`);
  });
  if (failed.length > 0) throw new Error(`pipeline in Chromium did not finish: ${failed.join('; ')}`);
}
