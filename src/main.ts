/**
 * Composition root: what the address asks for (a gallery notebook, a share link, a
 * notebook kept in this browser, or the start page), then the engine worker, the
 * notebook, the runtime, the session (trust, autosave, share, files) and the page. The
 * notebook shows (and can be edited) at once; the engine and the sample data follow.
 */
// First: the engine worker starts before the rest of the app is evaluated.
import './client/start-engine-early.ts';
import './ui/styles/global.css';
import './ui/mn-app.ts';
import './ui/mn-start-page.ts';
import { startWorkerEngine } from './client/worker-engine.ts';
import { takeEarlyWorker } from './client/engine-worker-boot.ts';
import { parseNotebook } from './notebook/format.ts';
import { notebookTitle } from './notebook/types.ts';
import { NotebookRuntime } from './runtime/notebook-runtime.ts';
import { matchesFilePattern } from './analysis/bronze-spec.ts';
import type { MnApp } from './ui/mn-app.ts';
import { bundledGallery } from './share/gallery.ts';
import { addressOf, readOpenRequest } from './share/open-request.ts';
import { openRequested, type OpenedNotebook } from './share/open-notebook.ts';
import { NotebookStore } from './share/notebook-store.ts';
import { TrustStore } from './share/trust.ts';
import { browserStorage } from './share/browser-storage.ts';
import {
  autosaveChannel,
  createBlankNotebook,
  importNotebookText,
  NotebookSession,
} from './share/session.ts';
import { openNotebookFile } from './share/notebook-files.ts';
import { isShareFragment } from './share/share-link.ts';
import { registerServiceWorker } from './share/service-worker.ts';

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

performance.mark('t:main-start');
const app: MnApp =
  document.querySelector('mn-app') ?? document.body.appendChild(document.createElement('mn-app'));
const storage = browserStorage();
const store = new NotebookStore(storage);
const trust = new TrustStore(storage);
const gallery = bundledGallery();

// A share link pasted into this tab changes only the fragment: open it as a page of its own.
window.addEventListener('hashchange', () => {
  if (isShareFragment(location.hash)) location.reload();
});

try {
  const request = readOpenRequest(
    new URL(location.href),
    gallery.map((g) => g.name),
  );
  const opening = await openRequested(request, { gallery, store, trust });
  performance.mark('t:opened');
  if (opening.kind === 'start') showStartPage(opening.message);
  else startNotebook(opening.notebook);
} catch (error) {
  showStartPage(`This notebook could not be opened: ${messageOf(error)}`);
}

function startNotebook(opened: OpenedNotebook): void {
  const { engine, worker } = startWorkerEngine();
  performance.mark('t:worker-started');
  const runtime = new NotebookRuntime(engine, parseNotebook(opened.text));
  const session = new NotebookSession(runtime, opened, store, trust, {
    worker,
    channel: autosaveChannel(),
    href: () => location.href,
    navigate: (url) => location.assign(url),
    replaceUrl: (url) => history.replaceState(null, '', url),
    reload: () => location.reload(),
    storage,
  });
  app.runtime = runtime;
  let restarts = 0;
  function showEngineState(): void {
    const restartsBefore = restarts;
    app.engine = { state: 'starting', label: restarts ? 'Engine restarting…' : 'Engine starting…' };
    engine.info().then(
      (info) => {
        if (restarts === 0) performance.mark('medallion:engine-ready');
        app.engine = {
          state: 'ready',
          label: `DuckDB v${info.duckdbVersion.replace(/^v/, '')} ready`,
        };
      },
      (error: unknown) => {
        if (restarts !== restartsBefore) return; // a restart is under way: its call reports
        app.engine = { state: 'failed', label: 'Engine failed' };
        app.showError(`The DuckDB engine did not start: ${messageOf(error)}`);
      },
    );
  }
  // The engine worker died and a new one took over: say so, mark what was lost, and show
  // the new engine's state (the call that was waiting for the old one failed with it).
  engine.onRestart((restart) => {
    runtime.engineRestarted(restart.message);
    app.showError(restart.message);
    restarts++;
    showEngineState();
  });
  // The console and the benchmarks (bench/browser-bench.ts) reach the runtime here.
  Object.assign(globalThis, { medallion: { runtime, session } });
  requestAnimationFrame(() => performance.mark('medallion:page-usable'));
  document.title = `${notebookTitle(runtime.notebook)} · Medallion Notebook`;

  app.session = session;
  session.start();
  performance.mark('t:session');
  void app.updateComplete.then(() => performance.mark('t:first-render'));

  showEngineState();
  // The service worker's precache (the whole app again, DuckDB's 24 MB WASM included) waits
  // until the engine has started and the first run is over: it would slow both.
  void loadData(runtime, session)
    .then(() => engine.info())
    .then(registerServiceWorker, registerServiceWorker);
}

/**
 * Opens a notebook on its data: the bundled sample when it asks for it (`data: sample`),
 * else the files the person adds. Runs it at once only if it is trusted and has its
 * files; an untrusted notebook waits for "Trust and run".
 */
async function loadData(runtime: NotebookRuntime, session: NotebookSession): Promise<void> {
  try {
    const patterns = [...runtime.analysis.values()].flatMap((a) => a.files);
    if (runtime.notebook.meta['data'] === 'sample' && patterns.length > 0) {
      app.notice = 'Loading sample data…';
      const names = (await sampleNames()).filter((n) =>
        patterns.some((p) => matchesFilePattern(n, p)),
      );
      const fetched = await Promise.all(names.map(fetchSampleFile));
      const files = fetched.filter((f): f is File => f !== null);
      if (files.length > 0) await app.addFiles(files, false);
      app.notice = null;
    }
    if (session.trusted && session.missingFiles().length === 0) await runtime.runAll();
  } catch (error) {
    app.notice = null;
    app.showError(`Could not load the sample data: ${messageOf(error)}`);
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

/** The gallery, "Open a notebook file…", "New notebook" and the notebooks kept here. */
function showStartPage(message: string | null): void {
  takeEarlyWorker()?.terminate(); // started in case a notebook opened; none did
  const page = document.createElement('mn-start-page');
  page.gallery = gallery;
  page.store = store;
  page.channel = autosaveChannel();
  page.message = message;
  page.addEventListener('mn-open-file', () => {
    openNotebookFile()
      .then(async (file) => {
        if (file)
          location.assign(addressOf.local(await importNotebookText(store, trust, file.text)));
      })
      .catch((error: unknown) => page.showError(messageOf(error)));
  });
  page.addEventListener('mn-new-notebook', () => {
    try {
      location.assign(addressOf.local(createBlankNotebook(store)));
    } catch (error) {
      page.showError(messageOf(error));
    }
  });
  app.replaceWith(page);
  document.title = 'Notebooks · Medallion Notebook';
  registerServiceWorker();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
