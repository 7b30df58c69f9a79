/**
 * The engine's web worker: DuckDB-WASM (blocking build) lives in this thread, next to
 * the engine code, and Comlink is the only hop to the page. Nothing else happens here.
 */
import * as Comlink from 'comlink';
import { createDuckDB, BROWSER_RUNTIME, VoidLogger } from 'duckdb-wasm-browser-blocking';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { DuckEngine } from '../src/engine/duck-engine.ts';
import { browserPlatform } from '../src/engine/browser-platform.ts';
import { withTransferredResults } from '../src/engine/transfer-results.ts';
import type { EngineApi } from '../src/engine/api.ts';

async function start() {
  const db = await createDuckDB(
    { mvp: { mainModule: mvpWasm, mainWorker: '' }, eh: { mainModule: ehWasm, mainWorker: '' } },
    new VoidLogger(),
    BROWSER_RUNTIME,
  );
  await db.instantiate(() => {});
  db.open({});
  return withTransferredResults(new DuckEngine(db, browserPlatform), Comlink.transfer);
}

// Exposed at once so the page can queue calls while the WASM module still compiles.
const ready = start();
const whenReady = new Proxy({} as EngineApi, {
  get: (_, method: string) => async (...args: unknown[]) => {
    const engine = (await ready) as unknown as Record<string, (...a: unknown[]) => unknown>;
    return engine[method]!(...args);
  },
});
Comlink.expose(whenReady);
