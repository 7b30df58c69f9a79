/**
 * The first thing the engine worker does: fetch DuckDB's WASM and compile it while it
 * streams in, before DuckDB's 1.5 MB script has even arrived. Left to itself DuckDB
 * starts the same download only once that script is loaded and run (0.74 s of a cold
 * start measured here; bench/results.md has what the change did and did not gain).
 */
import { exceptions } from 'wasm-feature-detect';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

export interface CompiledEngineWasm {
  /** The address DuckDB would fetch the module from: it uses this module only for that one. */
  readonly url: string;
  readonly module: WebAssembly.Module;
}

/**
 * Starts compiling the build DuckDB will choose here: the one with WASM exceptions, which
 * every current browser supports. Resolves to null where it is not supported or the
 * compile fails, and DuckDB then loads its module itself, as it always could.
 */
export function compileEngineWasm(): Promise<CompiledEngineWasm | null> {
  const url = new URL(ehWasm, self.location.href).href;
  return exceptions()
    .then((supported) => (supported ? WebAssembly.compileStreaming(fetch(url)) : null))
    .then((module) => (module ? { url, module } : null))
    .catch(() => null);
}
