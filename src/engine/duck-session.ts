/**
 * One DuckDB connection over the blocking bindings (browser worker or Node), with the
 * three ways the engine talks to it: small queries as Arrow tables, results as IPC bytes,
 * and long statements run in slices so the thread's event loop keeps breathing between
 * polls (messages such as a cancel still get through).
 */
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { tableFromIPC, type Table } from 'apache-arrow';

const SLICE_MS = 16;

export class DuckSession {
  private readonly conn: number;

  constructor(readonly db: DuckDBBindings) {
    this.conn = db.connect().useUnsafe((_, id) => id);
  }

  /** A small result as an Arrow table (catalog lookups, counts). */
  table(sql: string): Table {
    return tableFromIPC(this.bytes(sql));
  }

  /** A result as Arrow IPC stream bytes, ready to transfer. */
  bytes(sql: string): Uint8Array {
    try {
      return this.db.runQuery(this.conn, sql);
    } catch (error) {
      throw readableError(error);
    }
  }

  /** First column of the first row, as a JS value. */
  scalar(sql: string): unknown {
    const table = this.table(sql);
    return table.numRows > 0 ? table.getChildAt(0)?.get(0) : null;
  }

  /**
   * Runs one statement in slices, yielding to the event loop between them, and returns
   * its whole result as one Arrow IPC stream (schema, record batches, end marker).
   */
  async execute(sql: string): Promise<Uint8Array> {
    try {
      return await this.executeInSlices(sql);
    } catch (error) {
      throw readableError(error);
    }
  }

  private async executeInSlices(sql: string): Promise<Uint8Array> {
    const pause = slicer();
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
    return concat(parts);
  }
}

/** The Arrow IPC stream end marker: continuation token and a zero length. */
const END_OF_STREAM = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** Returns a function that yields to the event loop once a slice of time has passed. */
function slicer(): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
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
