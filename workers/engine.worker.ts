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
import { wasmBackend } from '../src/engine/wasm-backend.ts';
import { withTransferredResults } from '../src/engine/transfer-results.ts';
import type { EngineApi } from '../src/engine/api.ts';
import { installNetworkGuard } from './network-guard.ts';

// Before DuckDB exists: requests leaving the app's origin are refused until the page allows them.
installNetworkGuard(self);

async function start() {
  const db = await createDuckDB(
    { mvp: { mainModule: mvpWasm, mainWorker: '' }, eh: { mainModule: ehWasm, mainWorker: '' } },
    new VoidLogger(),
    BROWSER_RUNTIME,
  );
  await db.instantiate(() => {});
  db.open({});
  return withTransferredResults(await DuckEngine.create(wasmBackend(db, browserPlatform)), Comlink.transfer);
}

// Exposed at once so the page can queue calls while the WASM module still compiles.
// `ping` answers at once, even then: the page's watchdog asks it whether this thread lives
// (src/client/recovering-engine.ts); `crashForTesting` ends the thread as a crash would.
const ready = start();
const whenReady = new Proxy({} as EngineApi, {
  get: (_, method: string) => async (...args: unknown[]) => {
    if (method === 'ping') return true;
    if (method === 'crashForTesting') return self.close();
    const engine = (await ready) as unknown as Record<string, (...a: unknown[]) => unknown>;
    return engine[method]!(...args);
  },
});
Comlink.expose(whenReady);
