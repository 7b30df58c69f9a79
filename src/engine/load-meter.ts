/**
 * Progress while DuckDB loads files it was told to read: bytes read, and rows estimated
 * from them, reported every quarter second.
 */
import type { Prepared } from './csv-prepare.ts';

/** What the backend can tell about a running load. */
export interface LoadReadings {
  /** Bytes DuckDB has read of a file so far (cumulative), when the backend can tell. */
  readonly bytesRead: (sqlPath: string) => number | null;
  /** The running statement's progress (0 to 1), when DuckDB reports it. */
  readonly queryProgress: () => number | null;
}

/** How often the loading phase reports bytes read. */
const PROGRESS_MS = 250;
/**
 * Reports bytes read while DuckDB loads the files: from the bytes the backend saw DuckDB
 * read (WASM), else from DuckDB's query progress (native). Stays quiet when neither is known.
 * Rows are estimated from those bytes and each file's bytes per line (null if unknown).
 */
export function loadMeter(
  prepared: readonly Prepared[],
  bytesTotal: number,
  readings: LoadReadings,
  report: (bytesDone: number, rowsEstimate: number | null) => void,
): { stop(): void } {
  const start = new Map(prepared.map((p) => [p.file.sqlPath, readings.bytesRead(p.file.sqlPath)]));
  const perLineKnown = prepared.every((p) => p.bytesPerLine !== null);
  const rowsOf = (p: Prepared, bytes: number) => (p.bytesPerLine ? bytes / p.bytesPerLine : 0);
  report(0, perLineKnown ? 0 : null);
  const timer = setInterval(() => {
    let done = 0;
    let rows = 0;
    let known = false;
    for (const p of prepared) {
      const before = start.get(p.file.sqlPath);
      const now = readings.bytesRead(p.file.sqlPath);
      if (before === null || before === undefined || now === null) continue;
      known = true;
      const read = Math.min(p.file.reader.size, now - before);
      done += read;
      rows += rowsOf(p, read);
    }
    if (!known) {
      const fraction = readings.queryProgress();
      if (fraction === null) return;
      done = fraction * bytesTotal;
      rows = prepared.reduce((sum, p) => sum + fraction * rowsOf(p, p.file.reader.size), 0);
    }
    report(Math.min(bytesTotal, Math.round(done)), perLineKnown ? Math.round(rows) : null);
  }, PROGRESS_MS);
  return { stop: () => clearInterval(timer) };
}

