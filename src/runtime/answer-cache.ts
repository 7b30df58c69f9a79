/**
 * Answers of chart and KPI cells kept by the parameter values they were asked with, so a
 * slicer set back to a value seen before (F → M → F, a drill-down and back up) shows its
 * charts and cards without asking the engine again, as BI tools do. The runtime empties it
 * whenever a cell may have changed a table: an answer is only ever of the data as it is.
 * Queries reading the clock, random numbers or sequences are never kept (asked again, they
 * would answer differently); nor are cells reading the network (the runtime checks those).
 */
import type { Table } from 'apache-arrow';
import type { Cell } from '../notebook/types.ts';
import type { ParamValue } from '../analysis/params.ts';
import type { CellAnalysis } from '../analysis/analyze-notebook.ts';
import type { CellState } from './cell-state.ts';

/** What a reused answer restores of a cell's state. */
export type KeptAnswer = Partial<Pick<CellState, 'result' | 'kpi'>>;

/** Enough for thousands of chart answers; a chart plotting a whole table does not crowd out the rest for long. */
const MAX_BYTES = 32 * 1024 * 1024;

const VOLATILE =
  /\b(random|uuid|gen_random_uuid|uuidv4|uuidv7|now|today|current_date|current_time|current_timestamp|localtime|localtimestamp|get_current_time|get_current_timestamp|transaction_timestamp|nextval|currval|setseed)\b/i;

/** Whether a cell's answer may be kept: a chart or a KPI card whose query gives the same answer each time. */
export function keepable(cell: Cell): boolean {
  return (cell.kind === 'chart' || cell.kind === 'kpi') && !VOLATILE.test(cell.source);
}

/**
 * Whether running a cell may change a table, so that no kept answer can be trusted after
 * it. `lastMade`: the cell's text at its last successful run.
 */
export function mayChangeTables(cell: Cell, analysis: CellAnalysis | undefined, lastMade: string | undefined): boolean {
  if (cell.kind !== 'sql' && cell.kind !== 'bronze') return false; // charts, cards, inputs and tests only read
  if (cell.kind === 'sql' && analysis?.readOnly) return false;
  // A view made again from the same text shows the same rows (each slicer change refreshes its preview so).
  return !(analysis?.definesKind === 'view' && lastMade === cell.source);
}

/** Every parameter's value, as one string (an answer may depend on any: views read all variables). */
export function paramsKey(params: ReadonlyMap<string, ParamValue>): string {
  return JSON.stringify([...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export class AnswerCache {
  /** In order of last use, oldest first. */
  private readonly answers = new Map<string, { answer: KeptAnswer; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes = MAX_BYTES) {}

  get(cell: Cell, params: string): KeptAnswer | undefined {
    const key = keyOf(cell, params);
    const kept = this.answers.get(key);
    if (kept === undefined) return undefined;
    this.answers.delete(key);
    this.answers.set(key, kept);
    return kept.answer;
  }

  put(cell: Cell, params: string, answer: KeptAnswer): void {
    const key = keyOf(cell, params);
    const bytes = (answer.result ? tableBytes(answer.result.preview) : 0) + key.length * 2 + 64;
    if (bytes > this.maxBytes) return;
    this.remove(key);
    this.answers.set(key, { answer, bytes });
    this.bytes += bytes;
    for (const oldest of this.answers.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  /** Keeps what a chart's or card's state shows, if it is a current answer. */
  keep(cell: Cell, params: string, state: CellState): void {
    if (state.status !== 'done') return;
    this.put(cell, params, cell.kind === 'kpi' ? { kpi: state.kpi } : { result: state.result });
  }

  clear(): void {
    this.answers.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.answers.size;
  }

  private remove(key: string): void {
    const kept = this.answers.get(key);
    if (kept === undefined) return;
    this.answers.delete(key);
    this.bytes -= kept.bytes;
  }
}

/** The cell's text is part of the key: an edited chart asks again. */
function keyOf(cell: Cell, params: string): string {
  return `${cell.kind}\u0000${cell.source}\u0000${params}`;
}

function tableBytes(table: Table): number {
  return table.data.reduce((sum, data) => sum + data.byteLength, 0);
}
