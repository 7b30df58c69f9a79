/**
 * Files in the browser: DuckDB reads a dropped File in place through FileReaderSync
 * (BROWSER_FILEREADER), so a large CSV is never copied into the WASM heap.
 */
import { DuckDBDataProtocol, type DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import type { FileHandle } from './api.ts';
import type { ByteReader } from './detect-encoding.ts';
import type { EnginePlatform } from './platform.ts';

export const browserPlatform: EnginePlatform = {
  name: 'browser',
  async register(db: DuckDBBindings, name: string, handle: FileHandle): Promise<ByteReader> {
    if (typeof handle === 'string') throw new Error(`${name}: a browser engine reads files, not paths.`);
    db.registerFileHandle(name, handle, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    return {
      size: handle.size,
      read: async (start, end) => new Uint8Array(await handle.slice(start, end).arrayBuffer()),
    };
  },
};
