/** What the runtime knows about each cell while the notebook runs; never saved. */
import type { Table } from 'apache-arrow';
import type { DataTestResult, IngestProgress, IngestResult } from '../engine/api.ts';

/**
 * idle: never ran. queued/running: in the current plan. done/error: last run's outcome.
 * stale: its SQL or an upstream table changed since it last ran. blocked: not run because
 * an upstream cell failed or sits on a cycle (`message` says which).
 */
export type CellStatus = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'stale' | 'blocked';

export interface CellResult {
  /** Quoted relation to page through, or null when the whole result is in `preview`. */
  readonly relation: string | null;
  readonly rows: number;
  readonly preview: Table;
  readonly elapsedMs: number;
}

/**
 * A KPI card's values for the current and the previous period: a number as exact decimal
 * text, any other value (a date, a name) as its display text.
 */
export interface KpiResult {
  readonly value: string | null;
  readonly previous: string | null;
}

/** One data test's outcome, its offending rows decoded for display. */
export interface CellTestResult extends Omit<DataTestResult, 'sample'> {
  readonly sample: Table;
}

export interface CellState {
  readonly status: CellStatus;
  /**
   * The error (DuckDB's message), why the cell is blocked, why it is stale when an edit did
   * not do it (an engine restart), or a note on how a done cell ran (a retry after running out of memory).
   */
  readonly message: string | null;
  readonly result: CellResult | null;
  readonly ingest: IngestResult | null;
  readonly progress: IngestProgress | null;
  /** An input cell's options, when they come from a query. */
  readonly options?: readonly string[];
  readonly kpi?: KpiResult;
  /** A test cell's results, one per test, in the order declared. */
  readonly tests?: readonly CellTestResult[];
}

export const IDLE: CellState = { status: 'idle', message: null, result: null, ingest: null, progress: null };
