/**
 * A plan's queries sent ahead. The queries of query, chart, KPI and input cells whose
 * inputs are ready (nothing before them in the plan still has to make a table they read)
 * go to the engine together, so it works through them back to back instead of waiting for
 * the page between one cell and the next; the plan then takes their results in its order.
 *
 * KPI cards reading the same rows are asked in one query (kpi-cards.ts). A card comparing
 * with a selected period gets its previous-period value later, from `withPreviousPeriod`,
 * once every query sent ahead has been answered: the period's variable is stepped back
 * for that query, and no other query may see it so.
 *
 * A slicer change may give a chart or card the answer kept from the last time its
 * parameters had these values (answer-cache.ts) instead of sending its query.
 */
import type { EngineApi } from '../engine/api.ts';
import type { Cell } from '../notebook/types.ts';
import type { ParamValue } from '../analysis/params.ts';
import type { CellState } from './cell-state.ts';
import { comparesNow, kpiValues, previousKpiValues } from './kpi-cards.ts';

/** What sending ahead needs to know of the notebook and its runtime. */
export interface EarlyContext {
  readonly engine: EngineApi;
  readonly params: ReadonlyMap<string, ParamValue>;
  cell(id: string): Cell | undefined;
  parents(id: string): readonly string[];
  /** A SQL cell whose one statement only reads. */
  readsOnly(id: string): boolean;
  /** A cell that may change tables no analysis names (analyze-notebook.ts `writesUnnamed`). */
  writesUnnamed(id: string): boolean;
  /** Its URLs may be read now (network allowed, or it reads none). */
  mayRun(id: string): boolean;
  /** Runs a query, chart or input cell: one engine call that changes no variable. */
  query(cell: Cell): Promise<Partial<CellState>>;
  /** The cell's answer kept from an earlier run with these parameter values (answer-cache.ts), if it may be reused. */
  keptAnswer(id: string): Partial<CellState> | undefined;
}

/** Cells whose run is one query that changes no variable, so it can go alongside others. */
const SENT_AHEAD_KINDS: ReadonlySet<string> = new Set(['chart', 'input', 'kpi']);

export class EarlyQueries {
  private readonly sent = new Map<string, Promise<Partial<CellState>>>();
  private readonly previousOf = new Map<string, Promise<string | null>>();
  /** Cells given a kept answer instead of a query: a KPI card's has its previous period already. */
  private readonly reused = new Set<string>();

  constructor(
    private readonly plan: readonly string[],
    private readonly context: EarlyContext,
  ) {}

  has(id: string): boolean {
    return this.sent.has(id);
  }

  /** The cell's result, if its query was sent ahead. */
  get(id: string): Promise<Partial<CellState>> | undefined {
    return this.sent.get(id);
  }

  /** Resolves once every query sent so far has been answered (or has failed). */
  async answered(): Promise<void> {
    await Promise.allSettled(this.sent.values());
  }

  /** Sends the queries of the plan's cells from `from` on that are ready and not sent yet. */
  sendFrom(from: number): void {
    const { context } = this;
    const toMake = new Set<string>();
    // Past a cell that may write what analysis cannot see, no query knows what it reads.
    let unnamedWrites = false;
    const kpiCards: Cell[] = [];
    for (const id of this.plan.slice(from)) {
      if (this.sent.has(id)) continue;
      const cell = context.cell(id);
      // Cheapest test first: this runs after every table a plan makes (Run all: dozens of times).
      const ready = !unnamedWrites && !context.parents(id).some((p) => toMake.has(p));
      const sendable =
        cell !== undefined &&
        ready &&
        (cell.kind === 'sql' ? context.readsOnly(id) : SENT_AHEAD_KINDS.has(cell.kind)) &&
        context.mayRun(id);
      const kept = sendable ? context.keptAnswer(id) : undefined;
      if (kept !== undefined) {
        this.reused.add(id);
        this.keep(id, Promise.resolve(kept));
      } else if (sendable && cell.kind === 'kpi') kpiCards.push(cell);
      else if (sendable) this.keep(id, context.query(cell));
      else {
        toMake.add(id);
        unnamedWrites ||= context.writesUnnamed(id);
      }
    }
    for (const [id, value] of kpiValues(context.engine, kpiCards, context.params)) {
      this.keep(id, value.then((v) => ({ kpi: { value: v, previous: null } })));
    }
  }

  /**
   * For a KPI card sent ahead that compares with a selected period: completes its result
   * with the previous period's value. The first call asks for every such card sent so far,
   * in one go; call it only once everything sent has been answered.
   */
  withPreviousPeriod(id: string): void {
    const { context } = this;
    const cell = context.cell(id);
    const current = this.sent.get(id);
    if (!current || this.reused.has(id) || cell?.kind !== 'kpi' || !comparesNow(cell, context.params)) return;
    if (!this.previousOf.has(id)) {
      const cards = this.plan
        .filter((other) => this.sent.has(other) && !this.reused.has(other) && !this.previousOf.has(other))
        .map((other) => context.cell(other))
        .filter((other): other is Cell => other?.kind === 'kpi' && comparesNow(other, context.params));
      const asked = previousKpiValues(context.engine, cards, context.params);
      for (const card of cards) {
        const previous = asked.then((values) => values.get(card.id) ?? null);
        previous.catch(() => undefined); // reported when the plan reaches the card
        this.previousOf.set(card.id, previous);
      }
    }
    const previous = this.previousOf.get(id)!;
    this.keep(id, current.then(async (state) => ({ kpi: { value: state.kpi?.value ?? null, previous: await previous } })));
  }

  private keep(id: string, result: Promise<Partial<CellState>>): void {
    result.catch(() => undefined); // its failure is reported when the plan reaches the cell
    this.sent.set(id, result);
  }
}
