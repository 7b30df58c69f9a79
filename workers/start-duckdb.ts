/**
 * DuckDB-WASM (the blocking build, which runs in this worker's own thread) opened and
 * wrapped as our engine. Loaded by the worker's entry after it has started compiling the
 * WASM, so this large script and the module download at once.
 */
import * as Comlink from 'comlink';
import { createDuckDB, BROWSER_RUNTIME, VoidLogger } from 'duckdb-wasm-browser-blocking';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { DuckEngine } from '../src/engine/duck-engine.ts';
import { browserPlatform } from '../src/engine/browser-platform.ts';
import { wasmBackend } from '../src/engine/wasm-backend.ts';
import { withTransferredResults } from '../src/engine/transfer-results.ts';
import type { CompiledEngineWasm } from './compile-engine-wasm.ts';

type Instantiated = (instance: WebAssembly.Instance, module: WebAssembly.Module) => void;

/** The part of DuckDB's bindings that fetches and instantiates its module (not in its types). */
interface ModuleLoading {
  mainModuleURL: string;
  _runtime: unknown;
  instantiateWasm(imports: WebAssembly.Imports, done: Instantiated): unknown[];
}

export async function startDuckEngine(compiled: Promise<CompiledEngineWasm | null>) {
  const db = await createDuckDB(
    { mvp: { mainModule: mvpWasm, mainWorker: '' }, eh: { mainModule: ehWasm, mainWorker: '' } },
    new VoidLogger(),
    BROWSER_RUNTIME,
  );
  useCompiledModule(db as unknown as ModuleLoading, await compiled);
  await db.instantiate(() => {});
  db.open({});
  return withTransferredResults(await DuckEngine.create(wasmBackend(db, browserPlatform)), Comlink.transfer);
}

/**
 * Hands DuckDB the module compiled in advance instead of letting it fetch and compile its
 * own: Emscripten asks the bindings' `instantiateWasm`, which is replaced here with one
 * that only instantiates. It does what DuckDB's own does first: publish the runtime its
 * imports call back into. Should instantiating fail, DuckDB's own way is tried, so the
 * engine never waits on a promise that will not settle.
 */
function useCompiledModule(bindings: ModuleLoading, compiled: CompiledEngineWasm | null): void {
  if (!compiled || new URL(bindings.mainModuleURL, self.location.href).href !== compiled.url) return;
  const ownWay = bindings.instantiateWasm.bind(bindings);
  bindings.instantiateWasm = (imports, done) => {
    (globalThis as { DUCKDB_RUNTIME?: unknown }).DUCKDB_RUNTIME = bindings._runtime;
    WebAssembly.instantiate(compiled.module, imports).then(
      (instance) => done(instance, compiled.module),
      () => ownWay(imports, done),
    );
    return [];
  };
}
