/**
 * Composition root: the engine worker, the notebook, the runtime and the page. The
 * notebook shows (and can be edited) at once; the engine and the sample data follow.
 */
import './ui/styles/global.css';
import './ui/mn-app.ts';
import notebookText from '../notebooks/customer-360.md?raw';
import { startWorkerEngine } from './client/worker-engine.ts';
import { parseNotebook } from './notebook/format.ts';
import { NotebookRuntime } from './runtime/notebook-runtime.ts';
import type { MnApp } from './ui/mn-app.ts';

/** Used when the sample generator's manifest is missing. */
const FALLBACK_SAMPLE = [
  'AW_Customers.csv',
  'AW_Products.csv',
  'AW_Product_Category.csv',
  'AW_Product_Subcategory.csv',
  'AW_Sales_2016.csv',
  'AW_Sales_2017.csv',
  'AW_Sales_2016 - Copy.csv',
  'AW_Sales_2017 - Copy.csv',
  'AW_Territory.csv',
];

const app: MnApp =
  document.querySelector('mn-app') ?? document.body.appendChild(document.createElement('mn-app'));
const { engine } = startWorkerEngine();
const runtime = new NotebookRuntime(engine, parseNotebook(notebookText));
app.runtime = runtime;
// The console and the benchmarks (bench/browser-bench.ts) reach the runtime here.
Object.assign(globalThis, { medallion: { runtime } });
requestAnimationFrame(() => performance.mark('medallion:page-usable'));
app.engine = { state: 'starting', label: 'Engine starting…' };

engine.info().then(
  (info) => {
    performance.mark('medallion:engine-ready');
    app.engine = { state: 'ready', label: `DuckDB v${info.duckdbVersion.replace(/^v/, '')} ready` };
  },
  (error: unknown) => {
    app.engine = { state: 'failed', label: 'Engine failed' };
    app.showError(
      `The DuckDB engine did not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  },
);

void loadSample();

/** Opens `/` on the bundled sample data, already run. URLs are relative: any sub-path works. */
async function loadSample(): Promise<void> {
  app.notice = 'Loading sample data…';
  try {
    const names = await sampleNames();
    const fetched = await Promise.all(names.map(fetchSampleFile));
    const files = fetched.filter((f): f is File => f !== null);
    if (files.length === 0) {
      app.notice = null;
      return;
    }
    await app.addFiles(files, false);
    app.notice = null;
    await runtime.runAll();
  } catch (error) {
    app.notice = null;
    app.showError(
      `Could not load the sample data: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function sampleNames(): Promise<string[]> {
  try {
    const response = await fetch('./sample/manifest.json');
    if (!response.ok) return FALLBACK_SAMPLE;
    const names: unknown = await response.json();
    return Array.isArray(names) && names.every((n) => typeof n === 'string')
      ? names
      : FALLBACK_SAMPLE;
  } catch {
    return FALLBACK_SAMPLE;
  }
}

async function fetchSampleFile(name: string): Promise<File | null> {
  const response = await fetch(`./sample/${encodeURIComponent(name)}`);
  // A dev server answers a missing file with index.html; only real data counts.
  if (!response.ok || (response.headers.get('content-type') ?? '').includes('text/html'))
    return null;
  return new File([await response.blob()], name, { type: 'text/csv' });
}
