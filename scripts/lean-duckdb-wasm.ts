/**
 * A Vite plugin: the app imports DuckDB-WASM's engine module (`…/duckdb-eh.wasm?url`) and
 * gets the lean one instead, the same code without the exports nobody calls (see
 * src/engine/lean-duckdb-wasm.ts: they made the engine's start 1-1.6 s longer).
 *
 * Only the eh build, which every current browser runs: the mvp build, for browsers
 * without WebAssembly exceptions, is left as DuckDB ships it, since no browser here can
 * run it to check a lean one.
 */
import type { Plugin } from 'vite';
import { leanDuckdbWasmPath } from '../src/engine/lean-duckdb-wasm.ts';

const DUCKDB_EH_WASM_URL = '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

export function leanDuckdbWasmPlugin(): Plugin {
  return {
    name: 'medallion-lean-duckdb-wasm',
    // Before Vite's own resolver, which would find the package's file.
    enforce: 'pre',
    resolveId(source) {
      return source === DUCKDB_EH_WASM_URL ? `${leanDuckdbWasmPath('eh')}?url` : null;
    },
  };
}
