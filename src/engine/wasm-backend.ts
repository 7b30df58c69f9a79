/**
 * DuckDB-WASM behind the engine: the blocking bindings in this thread, files registered
 * by name through the platform (a File read in place in the browser, a path in Node).
 */
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import type { FileHandle } from './api.ts';
import type { EngineBackend, RegisteredHandle } from './backend.ts';
import type { EnginePlatform } from './platform.ts';
import { WasmSession } from './duck-session.ts';

const GiB = 2 ** 30;
/** wasm32: DuckDB-WASM's heap can never grow past 4 GiB, whatever the machine has. */
export const WASM_HEAP_CAP = 4 * GiB;
/** When the browser says nothing about the machine's memory. */
const DEFAULT_BUDGET = 2 * GiB;

export function wasmBackend(db: DuckDBBindings, platform: EnginePlatform): EngineBackend {
  const reads = installReadMeter();
  return {
    kind: 'wasm',
    platform: platform.name,
    session: new WasmSession(db),
    version: async () => db.getVersion(),
    async registerFile(name: string, handle: FileHandle): Promise<RegisteredHandle> {
      return { reader: await platform.register(db, name, handle), sqlPath: name };
    },
    async dropFile(name: string) {
      db.dropFile(name);
    },
    memoryBudget: () => wasmMemoryBudget(globalThis as BudgetHints),
    threads: async () => 1,
    bytesRead: (sqlPath) => (reads ? (reads.get(sqlPath) ?? 0) : null),
  };
}

type ReadFile = (
  mod: unknown,
  fileId: number,
  buffer: number,
  bytes: number,
  location: number,
) => number;
type FileInfoOf = (mod: unknown, fileId: number) => { fileName?: string } | null | undefined;

/**
 * Counts the bytes DuckDB-WASM reads per registered file, for load progress: DuckDB's own
 * query progress is not exposed by the WASM bindings, but every read of a registered file
 * goes through the JS runtime's `readFile` (`globalThis.DUCKDB_RUNTIME`, set when the
 * module is instantiated), which is wrapped here once.
 */
function installReadMeter(): Map<string, number> | null {
  const scope = globalThis as {
    DUCKDB_RUNTIME?: Record<string, unknown>;
    MEDALLION_READS?: Map<string, number>;
  };
  const runtime = scope.DUCKDB_RUNTIME;
  const readFile = runtime?.['readFile'] as (ReadFile & { metered?: true }) | undefined;
  const infoOf = (runtime?.['getFileInfo'] ?? runtime?.['resolveFileInfo']) as
    FileInfoOf | undefined;
  if (!runtime || !readFile || !infoOf) return null;
  // One count for the process: every instantiation replaces DUCKDB_RUNTIME, and all the
  // instances then read through the newest one (several engines live side by side in tests).
  const reads = (scope.MEDALLION_READS ??= new Map<string, number>());
  if (readFile.metered) return reads;
  // Not cached by id: ids are reused once a file is dropped. Reads come in buffers of
  // megabytes, so the lookup costs nothing that matters.
  const metered = (
    mod: unknown,
    fileId: number,
    buffer: number,
    bytes: number,
    location: number,
  ) => {
    const n = readFile.call(runtime, mod, fileId, buffer, bytes, location);
    if (n > 0) {
      let name: string | undefined;
      try {
        name = infoOf.call(runtime, mod, fileId)?.fileName;
      } catch {
        name = undefined;
      }
      if (name) reads.set(name, (reads.get(name) ?? 0) + n);
    }
    return n;
  };
  runtime['readFile'] = Object.assign(metered, { metered: true as const });
  return reads;
}

interface BudgetHints {
  readonly navigator?: { readonly deviceMemory?: number };
  readonly performance?: { readonly memory?: { readonly jsHeapSizeLimit?: number } };
}

/**
 * What DuckDB-WASM may hold: the 4 GiB heap cap, lowered to half the device's memory
 * (`navigator.deviceMemory`, Chromium, rounded down to 8 at most) and to the JS heap limit
 * where the browser tells them; 2 GiB when it tells nothing.
 */
export function wasmMemoryBudget(hints: BudgetHints): number {
  const device = hints.navigator?.deviceMemory;
  const heapLimit = hints.performance?.memory?.jsHeapSizeLimit;
  const bounds = [WASM_HEAP_CAP];
  if (typeof device === 'number' && device > 0) bounds.push((device * GiB) / 2);
  if (typeof heapLimit === 'number' && heapLimit > 0) bounds.push(heapLimit);
  return bounds.length > 1 ? Math.min(...bounds) : DEFAULT_BUDGET;
}
