/**
 * The engine's web worker: DuckDB-WASM (blocking build) lives in this thread, next to
 * the engine code, and Comlink is the only hop to the page. Nothing else happens here.
 *
 * This entry is kept small so it runs at once: it starts the WASM download and compile,
 * answers the page, and loads DuckDB's large script (./start-duckdb.ts) meanwhile.
 */
import * as Comlink from 'comlink';
import type { EngineApi } from '../src/engine/api.ts';
import { installNetworkGuard } from './network-guard.ts';
import { compileEngineWasm } from './compile-engine-wasm.ts';

// Before DuckDB exists: requests leaving the app's origin are refused until the page allows them.
installNetworkGuard(self);

const compiled = compileEngineWasm();
const ready = import('./start-duckdb.ts').then(({ startDuckEngine }) => startDuckEngine(compiled));

// Exposed at once so the page can queue calls while the WASM module still compiles.
// `ping` answers at once, even then: the page's watchdog asks it whether this thread lives
// (src/client/recovering-engine.ts); `crashForTesting` ends the thread as a crash would.
const whenReady = new Proxy({} as EngineApi, {
  get: (_, method: string) => async (...args: unknown[]) => {
    if (method === 'ping') return true;
    if (method === 'crashForTesting') return self.close();
    const engine = (await ready) as unknown as Record<string, (...a: unknown[]) => unknown>;
    return engine[method]!(...args);
  },
});
Comlink.expose(whenReady);
