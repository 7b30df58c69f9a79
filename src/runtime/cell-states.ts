/**
 * Each cell's state as the runtime last set it, its edit count (a result that arrives after
 * an edit is kept but shown stale), and the state each queued cell had before it was
 * queued, put back when its plan is dropped (a cancel, an engine restart).
 */
import { IDLE, type CellState } from './cell-state.ts';

export class CellStates {
  private readonly states = new Map<string, CellState>();
  private readonly edits = new Map<string, number>();
  private readonly beforeQueued = new Map<string, CellState>();

  get(id: string): CellState {
    return this.states.get(id) ?? IDLE;
  }

  set(id: string, update: Partial<CellState>): void {
    this.states.set(id, { ...this.get(id), ...update });
  }

  delete(id: string): void {
    this.states.delete(id);
  }

  /** How many times the cell was edited: compared before and after a run. */
  version(id: string): number {
    return this.edits.get(id) ?? 0;
  }

  edited(id: string): void {
    this.edits.set(id, this.version(id) + 1);
  }

  /** Marks cells that have an outcome stale: their SQL or an upstream table changed. */
  markStale(ids: readonly string[]): void {
    for (const id of ids) {
      const status = this.get(id).status;
      if (status === 'done' || status === 'error' || status === 'blocked') this.set(id, { status: 'stale', message: null });
    }
  }

  /** The cell joins a plan; its state before is kept unless it was queued already. */
  queue(id: string): void {
    if (this.get(id).status !== 'queued') this.beforeQueued.set(id, this.get(id));
    this.set(id, { status: 'queued', message: null, progress: null });
  }

  /** The cell's plan reached it: nothing to put back any more. */
  started(id: string): void {
    this.beforeQueued.delete(id);
  }

  /**
   * Every plan was dropped: each cell still queued gets its state from before back, or
   * `stale` when it had results and reads a cell in `lost` (the one stopped while running).
   */
  dropQueued(lost: ReadonlySet<string>): void {
    for (const [id, before] of this.beforeQueued) {
      if (this.get(id).status !== 'queued') continue;
      const stale = before.status === 'done' && lost.has(id);
      this.set(id, { ...before, status: stale ? 'stale' : before.status, progress: null });
    }
    this.beforeQueued.clear();
  }
}
