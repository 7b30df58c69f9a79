/**
 * The engine's one way of talking SQL, whatever DuckDB sits behind it: DuckDB-WASM's
 * blocking bindings (browser worker, Node tests) or native DuckDB (`@duckdb/node-api`,
 * see native-session.ts). Every method is async and every result is Arrow IPC (or decoded
 * from it), so ingest, tests, profiles and the cleaning report run unchanged on either.
 *
 * Statements on one session run one at a time (a DuckDB connection holds one pending
 * query: starting a second one would invalidate the first), and `cancel()` interrupts the
 * one running now.
 */
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { tableFromIPC, type Table } from 'apache-arrow';
import { concatBytes } from './concat-bytes.ts';

export interface DuckSession {
  /** A small result as an Arrow table (catalog lookups, counts). */
  table(sql: string): Promise<Table>;
  /** A result as Arrow IPC stream bytes, ready to transfer. */
  bytes(sql: string): Promise<Uint8Array>;
  /** First column of the first row, as a JS value (null when there is no row). */
  scalar(sql: string): Promise<unknown>;
  /**
   * Runs one statement, possibly long, and returns its whole result as one Arrow IPC
   * stream. The thread stays responsive meanwhile, so a `cancel()` gets through.
   */
  execute(sql: string): Promise<Uint8Array>;
  /** Interrupts the statement running now; it fails with QueryCancelledError. True if one was running. */
  cancel(): boolean;
}

/** What a statement interrupted by `cancel()` throws, on either DuckDB. */
export class QueryCancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'QueryCancelledError';
  }
}

/** Runs tasks one after another, in call order. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export function firstValue(table: Table): unknown {
  return table.numRows > 0 ? table.getChildAt(0)?.get(0) : null;
}

const SLICE_MS = 16;

/**
 * What every session shares: statements run one at a time, each result whole as Arrow
 * IPC, and `cancel()` interrupts the running one, which then fails with
 * QueryCancelledError. A subclass says how one statement runs and how DuckDB is told to stop.
 */
export abstract class QueuedSession implements DuckSession {
  private readonly queue = new SerialQueue();
  protected running = false;
  /** Set by cancel() while a statement runs. */
  protected cancelled = false;

  /** Runs one statement to its end; its whole result as Arrow IPC. */
  protected abstract runStatement(sql: string): Promise<Uint8Array>;
  /** Asks DuckDB to stop the statement running now. */
  protected abstract interrupt(): void;

  async table(sql: string): Promise<Table> {
    return tableFromIPC(await this.bytes(sql));
  }

  bytes(sql: string): Promise<Uint8Array> {
    return this.execute(sql);
  }

  async scalar(sql: string): Promise<unknown> {
    return firstValue(await this.table(sql));
  }

  execute(sql: string): Promise<Uint8Array> {
    return this.queue.run(async () => {
      this.running = true;
      this.cancelled = false;
      try {
        return await this.runStatement(sql);
      } catch (error) {
        throw this.cancelled ? new QueryCancelledError() : readableError(error);
      } finally {
        this.running = false;
        this.cancelled = false;
      }
    });
  }

  cancel(): boolean {
    if (!this.running) return false;
    this.cancelled = true;
    this.interrupt();
    return true;
  }
}

/** The session over DuckDB-WASM's blocking bindings: pending queries polled in slices. */
export class WasmSession extends QueuedSession {
  private readonly conn: number;

  constructor(readonly db: DuckDBBindings) {
    super();
    this.conn = db.connect().useUnsafe((_, id) => id);
  }

  protected interrupt(): void {
    this.db.cancelPendingQuery(this.conn);
  }

  /**
   * Polls the pending query, yielding to the event loop once a slice of time has passed
   * (a quick query never yields), and returns the schema, record batches and end marker.
   */
  protected async runStatement(sql: string): Promise<Uint8Array> {
    const pause = slicer(() => {
      if (this.cancelled) throw new QueryCancelledError();
    });
    let header = this.db.startPendingQuery(this.conn, sql, false);
    while (header === null) {
      await pause();
      header = this.db.pollPendingQuery(this.conn);
    }
    const parts: Uint8Array[] = [header];
    for (;;) {
      const batch = this.db.fetchQueryResults(this.conn);
      if (batch === null) {
        await pause();
        continue;
      }
      if (batch.length === 0) break;
      parts.push(batch);
    }
    parts.push(END_OF_STREAM);
    return concatBytes(parts);
  }
}

/** The Arrow IPC stream end marker: continuation token and a zero length. */
const END_OF_STREAM = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** Returns a function that yields to the event loop once a slice of time has passed. */
function slicer(afterYield: () => void): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      afterYield();
      sliceStart = performance.now();
    }
  };
}

/**
 * Some DuckDB errors arrive as JSON ({"exception_type": …, "exception_message": …});
 * people should read the message, not the envelope.
 */
export function readableError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message.trimStart().startsWith('{')) {
    try {
      const parsed = JSON.parse(message) as { exception_type?: string; exception_message?: string };
      if (parsed.exception_message) {
        return new Error(`${parsed.exception_type ?? 'DuckDB'} Error: ${parsed.exception_message}`);
      }
    } catch {
      // not JSON after all: keep the message as it is
    }
  }
  return error instanceof Error ? error : new Error(message);
}
