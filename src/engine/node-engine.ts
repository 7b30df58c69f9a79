/**
 * The engine in Node (tests, headless runner): DuckDB-WASM's Node build, with files read
 * in place from disk through DuckDB's NODE_FS protocol. Native DuckDB: native-engine.ts.
 */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import path from 'node:path';
import type { FileHandle } from './api.ts';
import type { ByteReader } from './detect-encoding.ts';
import type { EnginePlatform } from './platform.ts';
import { DuckEngine, type EngineOptions } from './duck-engine.ts';
import { wasmBackend } from './wasm-backend.ts';
import { pathReader } from './node-files.ts';
import { duckdbWasmPath, leanDuckdbWasmPath } from './lean-duckdb-wasm.ts';

export const nodePlatform: EnginePlatform = {
  name: 'node',
  async register(db, name, handle: FileHandle): Promise<ByteReader> {
    if (typeof handle === 'string') {
      const absolute = path.resolve(handle);
      const reader = await pathReader(absolute);
      db.registerFileURL(name, absolute, duckdb.DuckDBDataProtocol.NODE_FS, true);
      return reader;
    }
    const bytes = new Uint8Array(await handle.arrayBuffer());
    db.registerFileBuffer(name, bytes.slice());
    return { size: bytes.length, read: async (start, end) => bytes.subarray(start, end) };
  },
};

export async function createNodeEngine(options: EngineOptions = {}): Promise<DuckEngine> {
  // Node 20 has WebAssembly exceptions, so DuckDB picks its eh build: that one is made lean.
  const bundles = {
    mvp: { mainModule: duckdbWasmPath('mvp'), mainWorker: '' },
    eh: { mainModule: leanDuckdbWasmPath('eh'), mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({});
  return DuckEngine.create(wasmBackend(db, nodePlatform), options);
}
