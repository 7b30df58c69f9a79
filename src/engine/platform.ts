import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import type { FileHandle } from './api.ts';
import type { ByteReader } from './detect-encoding.ts';

/** What differs between the browser worker and Node: how files reach DuckDB. */
export interface EnginePlatform {
  readonly name: 'browser' | 'node';
  /** Registers `handle` under `name` without copying it into the WASM heap where possible. */
  register(db: DuckDBBindings, name: string, handle: FileHandle): Promise<ByteReader>;
}
