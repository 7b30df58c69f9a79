/**
 * What DuckEngine needs from the DuckDB it runs on: a SQL session, and a way to make a
 * file readable by DuckDB. DuckDB-WASM reads registered names (wasm-backend.ts); native
 * DuckDB reads paths (native-engine.ts), so registering a file returns the string the
 * engine must put in `read_csv(…)` for it.
 */
import type { FileHandle } from './api.ts';
import type { ByteReader } from './detect-encoding.ts';
import type { DuckSession } from './duck-session.ts';

export interface RegisteredHandle {
  readonly reader: ByteReader;
  /** What DuckDB reads for this file: the registered name (WASM) or a path on disk (native). */
  readonly sqlPath: string;
}

export interface EngineBackend {
  readonly kind: 'wasm' | 'native';
  readonly platform: 'browser' | 'node';
  readonly session: DuckSession;
  version(): Promise<string>;
  registerFile(name: string, handle: FileHandle): Promise<RegisteredHandle>;
  dropFile(name: string): Promise<void>;
  /**
   * Bytes a new table may take before it will not fit, or null when there is no hard cap
   * (native DuckDB spills to disk).
   */
  memoryBudget(): number | null;
  /** Threads DuckDB uses (1 in the browser). */
  threads(): Promise<number>;
  /** How far DuckDB has read a registered file (by its sqlPath), when the backend can tell. */
  bytesRead?(sqlPath: string): number | null;
  /** The running statement's progress, 0 to 1, when DuckDB reports it. */
  queryProgress?(): number | null;
}
