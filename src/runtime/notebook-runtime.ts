/**
 * The main-thread runtime: holds the notebook, its analysis and graph, each cell's state,
 * and runs plans on the engine. Like the Observable runtime, an edit marks the cell and
 * its descendants stale; running recomputes only what is affected, in dependency order;
 * a failure blocks what depends on it instead of running it on stale inputs; and a result
 * that arrives after its cell was edited again is kept but shown as stale.
 */
import type { CleaningReport, EngineApi, FileHandle, IngestProgress, RelationProfile, RowOrder } from '../engine/api.ts';
import type { Cell, Notebook } from '../notebook/types.ts';
import { reduceNotebook, addedCellId, type NotebookAction } from '../notebook/reducer.ts';
import { analyzeNotebook, type CellAnalysis } from '../analysis/analyze-notebook.ts';
import { dataUrlsOf, type DataUrl } from '../analysis/bronze-spec.ts';
import { layerOf } from '../analysis/analyze-sql.ts';
import { buildGraph, descendants, planRun, type DependencyGraph } from '../graph/dependency-graph.ts';
import { decodeIpc } from '../client/arrow-decode.ts';
import type { CellState } from './cell-state.ts';
import { CellStates } from './cell-states.ts';
import type { ParamValue } from '../analysis/params.ts';
import { ParamVariables } from './param-variables.ts';
import { runDashboardCell } from './dashboard-cells.ts';
import { EarlyQueries, type EarlyContext } from './early-queries.ts';
import { bronzeCellsReading, newBronzeCellFor } from './dropped-files.ts';
import { runBronzeCell, runSqlCell, runTestCell } from './pipeline-cells.ts';
import { planForInputs } from './input-plan.ts';
import { dropTablesMadeAgain, ranOutOfMemory, retryNote } from './memory-retry.ts';
import { buildLineage, type Lineage } from './lineage.ts';
import { AnswerCache, keepable, mayChangeTables, paramsKey } from './answer-cache.ts';
import { networkRefusal, remoteUrlsInValues, remoteUrlsOfCell } from '../analysis/remote-urls.ts';

type Listener = () => void;

export class NotebookRuntime {
  notebook: Notebook;
  analysis: Map<string, CellAnalysis> = new Map();
  graph!: DependencyGraph;
  private readonly states = new CellStates();
  private readonly listeners = new Set<Listener>();
  private queue: Promise<unknown> = Promise.resolve();
  private fileNames: string[] = [];
  /** Each `$parameter`'s value, set by input cells (slicers) and chart clicks, and its DuckDB variable. */
  private readonly variables = new ParamVariables();
  /** Bumped on every change so views can tell cheaply that something moved. */
  revision = 0;
  /** Bumped when the notebook's text or an input's value changes (what autosave keeps). */
  contentRevision = 0;
  /** Bumped when a cell may have changed the engine's tables (new SQL, new files), not on re-runs for inputs. */
  catalogRevision = 0;
  /** Each table-making cell's source at its last successful run. */
  private readonly lastMade = new Map<string, string>();
  /** Off until the person allows it: a cell that reads a remote URL is refused (see allowNetwork). */
  private network = false;
  /** Bumped by cancel() and by an engine restart: plans queued before then do not run on. */
  private epoch = 0;
  /** Why the last plans stopped: "Cancelled", or what the engine restart lost. */
  private stopReason = 'Cancelled';
  /** The cell running now, if any. */
  private runningId: string | null = null;
  /** Chart and KPI answers by parameter values, reused when a slicer goes back to a value (answer-cache.ts). */
  private readonly answers = new AnswerCache();

  constructor(
    readonly engine: EngineApi,
    notebook: Notebook,
  ) {
    this.notebook = notebook;
    this.reanalyze();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(id: string): CellState {
    return this.states.get(id);
  }

  /** Problems analysis found in a cell (unknown tables, duplicates, cycles, bad specs). */
  problems(id: string): readonly string[] {
    return [...(this.analysis.get(id)?.problems ?? []), ...(this.graph.problems.get(id) ?? [])];
  }

  /**
   * Advice that does not stop a cell from running: the medallion layer rules (a gold table
   * reading bronze, a silver table reading gold…), each with why the rule exists.
   */
  warnings(id: string): readonly string[] {
    return this.analysis.get(id)?.warnings ?? [];
  }

  /**
   * What a silver cell did to the bronze rows it reads: rows in and out, duplicates,
   * values that failed to cast, date formats seen, schema before and after. Null for a
   * cell that does not make a table from bronze. Computed on demand (a few scans).
   */
  async cleaningReport(id: string): Promise<CleaningReport | null> {
    const cell = this.notebook.cells.find((c) => c.id === id);
    const analysis = this.analysis.get(id);
    if (!cell || cell.kind !== 'sql' || !analysis?.defines) return null;
    const sources = analysis.references.filter((r) => layerOf(r) === 'bronze');
    if (sources.length === 0) return null;
    return this.engine.cleaningReport({ table: analysis.defines, sql: cell.source, sources });
  }

  /** Files → bronze → silver → gold → charts, with row counts and test outcomes, for the lineage view. */
  lineage(): Lineage {
    return buildLineage(this.notebook.cells, this.analysis, this.fileNames, (id) => this.state(id));
  }

  /** Per-column profile of a table or a cell's kept result (`CellResult.relation`). */
  profile(relation: string): Promise<RelationProfile> {
    return this.engine.profile(relation);
  }

  /** The files the engine holds, by name. */
  files(): readonly string[] {
    return this.fileNames;
  }

  /** Applies an edit to the notebook. Returns the id of an added cell, if any. */
  dispatch(action: NotebookAction): string | undefined {
    const before = this.notebook;
    this.notebook = reduceNotebook(before, action);
    this.contentRevision++;
    this.reanalyze();
    if (action.type === 'edit') {
      const cell = this.notebook.cells.find((c) => c.id === action.id);
      if (cell && cell.kind !== 'markdown') {
        this.states.edited(action.id);
        this.states.markStale([action.id, ...descendants(this.graph, [action.id])]);
      }
    }
    if (action.type === 'delete') this.states.delete(action.id);
    this.changed();
    return addedCellId(before, this.notebook);
  }

  /** Runs every code cell, in dependency order. */
  runAll(): Promise<void> {
    const roots = this.notebook.cells.filter((c) => c.kind !== 'markdown').map((c) => c.id);
    return this.enqueue(planRun(this.graph, roots));
  }

  /** Runs a cell, any upstream cells that have not run successfully, and its descendants. */
  runCell(id: string): Promise<void> {
    const roots = [id, ...this.upstreamNotDone(id)];
    return this.enqueue(planRun(this.graph, roots));
  }

  /** The current value of every parameter. */
  inputValues(): ReadonlyMap<string, ParamValue> {
    return this.params;
  }

  private get params(): Map<string, ParamValue> {
    return this.variables.values;
  }

  /**
   * Gives parameters saved values (an autosave, a share link) without running anything:
   * the notebook may not be trusted yet, and a later run uses them anyway.
   */
  restoreInputs(values: Iterable<readonly [string, ParamValue]>): void {
    for (const [name, value] of values) this.params.set(name, value);
    this.contentRevision++;
    this.changed();
  }

  /** Lets cells read remote URLs (refused until then, with the URL named in the cell's state). */
  allowNetwork(): void {
    this.network = true;
    this.changed();
  }

  get networkAllowed(): boolean {
    return this.network;
  }

  /** Every remote URL the notebook's cells (or their parameter values) would read, each once. */
  remoteUrls(): string[] {
    const urls = this.notebook.cells.flatMap((cell) => this.remoteUrlsOf(cell.id));
    return [...new Set(urls)];
  }

  private remoteUrlsOf(id: string): string[] {
    const cell = this.notebook.cells.find((c) => c.id === id);
    if (!cell || cell.kind === 'markdown') return [];
    const used = (this.analysis.get(id)?.params ?? []).flatMap((p) => (this.params.has(p) ? [this.params.get(p)!] : []));
    return [...new Set([...remoteUrlsOfCell(cell), ...remoteUrlsInValues(used)])];
  }

  /**
   * Sets a parameter (a slicer changed, a bar was clicked) and re-runs only the cells that
   * use it, and what depends on them.
   */
  setInput(name: string, value: ParamValue): Promise<void> {
    return this.setInputs([[name, value]]);
  }

  /**
   * Sets several parameters at once ("Clear all" filters) and re-runs the cells that use
   * any of them in one plan, so a cell that reads three of them runs once, not three times.
   */
  setInputs(values: Iterable<readonly [string, ParamValue]>): Promise<void> {
    const names = new Set<string>();
    for (const [name, value] of values) {
      this.params.set(name, value);
      names.add(name);
    }
    this.contentRevision++;
    const users = [...this.analysis.values()].filter((a) => a.params.some((p) => names.has(p))).map((a) => a.id);
    this.changed();
    const isReadyView = (id: string) => this.analysis.get(id)?.definesKind === 'view' && this.state(id).status === 'done';
    const { plan, views } = planForInputs(this.graph, users, isReadyView);
    const run = this.enqueue(plan, true);
    if (views.length === 0) return run;
    return Promise.all([run, this.enqueue(views)]).then(() => undefined);
  }

  /**
   * Registers files. A file whose name a bronze cell reads replaces the old one for the
   * whole notebook and re-runs what depends on it; a file no bronze cell reads gets a new
   * bronze cell of its own.
   */
  async addFiles(files: readonly { name: string; handle: FileHandle }[], run = true): Promise<void> {
    this.answers.clear();
    for (const { name, handle } of files) await this.engine.addFile(name, handle);
    this.fileNames = (await this.engine.listFiles()).map((f) => f.name).sort();
    const affected: string[] = [];
    for (const { name } of files) {
      const readers = bronzeCellsReading(this.notebook.cells, this.analysis, name);
      if (readers.length > 0) affected.push(...readers);
      else affected.push(this.dispatch(newBronzeCellFor(this.notebook.cells, this.analysis, name))!);
    }
    this.changed();
    if (run && affected.length > 0) await this.enqueue(planRun(this.graph, [...new Set(affected)]));
  }

  /** Rows [offset, offset + limit) of a cell's result, for the grid's scrolling. */
  async page(relation: string, offset: number, limit: number, order?: RowOrder) {
    return decodeIpc(await this.engine.page(relation, offset, limit, order));
  }

  /** Tables and columns the engine holds now, for completion and browsing. */
  catalog() {
    return this.engine.catalog();
  }

  /** Waits until every queued plan has finished. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /**
   * Stops running: the engine interrupts the running query (that cell ends in `error`,
   * "Cancelled"), and every queued cell goes back to its state before it was queued, or
   * `stale` when it had results and reads the cancelled cell. Tables made before stay.
   */
  async cancel(): Promise<void> {
    const running = this.runningId;
    this.stop('Cancelled', running);
    this.changed();
    await this.engine.cancel();
  }

  /**
   * The engine died and a new one took its place (src/client/recovering-engine.ts): its
   * tables and DuckDB variables are gone, files are registered again. Cells that had
   * results are marked stale with `message`, the running plan stops, and variables are
   * set again on the next run. The notebook and the input values are untouched.
   */
  engineRestarted(message: string): void {
    this.stop(message, this.runningId);
    this.variables.forgetEngine();
    this.answers.clear();
    for (const cell of this.notebook.cells) {
      if (cell.kind === 'markdown') continue;
      const state = this.state(cell.id);
      if (state.status === 'done' || (state.status === 'stale' && state.result)) {
        this.setState(cell.id, { status: 'stale', message });
      }
    }
    this.changed();
  }

  /** Drops every queued plan, restoring its cells (see cancel). */
  private stop(reason: string, running: string | null): void {
    this.epoch++;
    this.stopReason = reason;
    this.states.dropQueued(new Set(running ? descendants(this.graph, [running]) : []));
  }

  /** Files bronze cells can fetch by URL (`urls:`), each name once. */
  dataUrls(): DataUrl[] {
    return dataUrlsOf(this.notebook.cells);
  }

  /** Fetches the files a bronze cell names by URL that nobody has added (an added file wins). */
  private async fetchDataFiles(urls: readonly DataUrl[]): Promise<void> {
    const wanted = urls.filter(({ name }) => !this.fileNames.includes(name));
    if (wanted.length === 0) return;
    for (const { name, url } of wanted) await this.engine.addFile(name, url);
    this.fileNames = (await this.engine.listFiles()).map((f) => f.name).sort();
    this.changed();
  }

  private upstreamNotDone(id: string): string[] {
    const found: string[] = [];
    const stack = [...(this.graph.parents.get(id) ?? [])];
    while (stack.length) {
      const parent = stack.pop()!;
      if (found.includes(parent)) continue;
      if (this.state(parent).status !== 'done') found.push(parent);
      stack.push(...(this.graph.parents.get(parent) ?? []));
    }
    return found;
  }

  /**
   * Forgets every kept chart and KPI answer: the next slicer changes ask the engine again
   * (the benchmark times first visits of a value so).
   */
  forgetAnswers(): void {
    this.answers.clear();
  }

  /** Queues a plan; `reuse`: its charts and cards may take answers kept for the same parameter values. */
  private enqueue(plan: string[], reuse = false): Promise<void> {
    for (const id of plan) this.states.queue(id);
    this.changed();
    const epoch = this.epoch;
    const run = this.queue.then(() => this.execute(plan, epoch, reuse));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async execute(plan: readonly string[], epoch: number, reuse: boolean): Promise<void> {
    if (epoch !== this.epoch) return; // cancelled (or the engine restarted) before it started
    const started = performance.now();
    const busyBefore = await this.busyTime();
    // Taken before the variables are set: a change meanwhile makes its plan's answers not kept (keepAnswer).
    const asked = paramsKey(this.params);
    const unset = await this.variables.sync(this.engine);
    const failed = new Set<string>();
    const early = new EarlyQueries(plan, this.earlyContext(reuse ? asked : null));
    early.sendFrom(0);
    for (const [index, id] of plan.entries()) {
      if (epoch !== this.epoch) break;
      this.states.started(id);
      const cell = this.notebook.cells.find((c) => c.id === id);
      if (!cell || cell.kind === 'markdown') continue;
      const failedParent = (this.graph.parents.get(id) ?? []).find(
        (p) => failed.has(p) || ['error', 'blocked'].includes(this.state(p).status),
      );
      if (failedParent !== undefined) {
        failed.add(id);
        const name = this.analysis.get(failedParent)?.defines ?? failedParent;
        this.setState(id, { status: 'blocked', message: `Not run: it reads ${name}, which failed.` });
        continue;
      }
      const unsetParam = this.analysis.get(id)?.params.find((p) => unset.has(p));
      if (unsetParam !== undefined) {
        // Its query would read the parameter's last value, not the one chosen: say so instead.
        failed.add(id);
        this.setState(id, { status: 'error', message: unset.get(unsetParam)!, progress: null });
        continue;
      }
      this.runningId = id;
      if (early.has(id)) {
        // Results sent together are shown together, once the engine has answered them all:
        // drawing each chart while the engine works would take the CPU it needs (on a
        // laptop the page, the engine's worker and the browser's own threads share two cores).
        this.setState(id, { status: 'running', message: null, progress: null });
        this.changed();
        await early.answered();
        early.withPreviousPeriod(id);
      }
      let ok = await this.runOne(id, epoch, early.get(id));
      if (!ok && epoch === this.epoch && ranOutOfMemory(this.state(id).message)) {
        // Tables later cells of this plan make again: the last run's may be what filled memory.
        const later = plan.slice(index + 1).flatMap((laterId) => this.analysis.get(laterId)?.defines ?? []);
        const dropped = await dropTablesMadeAgain(this.engine, later);
        if (dropped.length > 0) ok = await this.runOne(id, epoch);
        if (ok) this.note(id, retryNote(dropped));
      }
      this.runningId = null;
      if (ok) this.keepAnswer(id, asked);
      if (!ok) failed.add(id);
      if (!early.has(id)) early.sendFrom(index + 1);
    }
    // Benchmarks and the page read how long each plan took, and how long of it the engine
    // was busy (its query time), from the performance timeline.
    const engineBusyMs = (await this.busyTime()) - busyBefore;
    performance.measure('medallion:plan', { start: started, detail: { cells: plan.length, failed: failed.size, engineBusyMs } });
    // Cells on a cycle, and those downstream of one, never enter a plan: say why.
    const cyclic = [...this.graph.cyclic];
    for (const id of [...cyclic, ...descendants(this.graph, cyclic)]) {
      const reason = this.graph.cyclic.has(id) ? this.graph.problems.get(id)?.join(' ') : 'Not run: it reads a table made on a cycle.';
      this.setState(id, { status: 'blocked', message: reason ?? 'On a cycle.' });
    }
    this.changed();
  }

  /** A note on a cell that ran, shown under it until it runs again. */
  private note(id: string, message: string): void {
    this.setState(id, { message });
    this.changed();
  }

  /**
   * Keeps a chart's or card's answer for the parameter values its plan started with, unless
   * they changed while it ran (its variables may then have moved under it).
   */
  private keepAnswer(id: string, asked: string): void {
    const cell = this.keepableCell(id);
    if (cell && paramsKey(this.params) === asked) this.answers.keep(cell, asked, this.state(id));
  }

  /** The cell, if its answers may be kept: a chart or card asking the same each time and reading no URL. */
  private keepableCell(id: string): Cell | undefined {
    const cell = this.notebook.cells.find((c) => c.id === id);
    return cell && keepable(cell) && this.remoteUrlsOf(id).length === 0 ? cell : undefined;
  }

  /** What the plan's queries sent ahead need of this runtime (early-queries.ts); `reuseFor`: parameters whose kept answers it may take. */
  private earlyContext(reuseFor: string | null): EarlyContext {
    return {
      engine: this.engine,
      params: this.params,
      cell: (id) => this.notebook.cells.find((c) => c.id === id),
      parents: (id) => this.graph.parents.get(id) ?? [],
      readsOnly: (id) => this.analysis.get(id)?.readOnly === true,
      writesUnnamed: (id) => this.analysis.get(id)?.writesUnnamed === true,
      mayRun: (id) => this.network || this.remoteUrlsOf(id).length === 0,
      query: (cell) => this.query(cell),
      keptAnswer: (id) => {
        const cell = reuseFor === null ? undefined : this.keepableCell(id);
        return cell && this.answers.get(cell, reuseFor!);
      },
    };
  }

  /** The engine's busy time so far (NaN when it cannot say, e.g. while restarting). */
  private async busyTime(): Promise<number> {
    try {
      return await this.engine.busyTime();
    } catch {
      return NaN;
    }
  }

  private async runOne(id: string, epoch = this.epoch, early?: Promise<Partial<CellState>>): Promise<boolean> {
    const cell = this.notebook.cells.find((c) => c.id === id)!;
    const analysis = this.analysis.get(id)!;
    const version = this.states.version(id);
    const remote = this.network ? [] : this.remoteUrlsOf(id);
    if (remote.length > 0) {
      this.setState(id, { status: 'blocked', message: networkRefusal(remote), progress: null });
      this.changed();
      return false;
    }
    this.setState(id, { status: 'running', message: null, progress: null });
    this.changed();
    if (mayChangeTables(cell, this.analysis.get(id), this.lastMade.get(id))) this.answers.clear();
    try {
      if (cell.kind === 'bronze') {
        const onProgress = (progress: IngestProgress) => {
          this.setState(id, { progress });
          this.changed();
        };
        this.finish(id, version, await runBronzeCell(this.engine, cell, analysis, (urls) => this.fetchDataFiles(urls), onProgress));
      } else if (cell.kind === 'test') {
        const { tests, failure } = await runTestCell(this.engine, cell, analysis);
        if (failure === null) this.finish(id, version, { tests });
        else {
          this.setState(id, { status: 'error', message: failure, tests, progress: null });
          this.changed();
          return false;
        }
      } else {
        this.finish(id, version, await (early ?? this.query(cell)));
      }
      if (epoch !== this.epoch) throw new Error(this.stopReason); // stopped between two of its engine calls
      return true;
    } catch (error) {
      // A cancelled or lost call says why the run stopped, not how the engine put it.
      const message = epoch !== this.epoch ? this.stopReason : messageOf(error);
      // A test cell that could not run has no results: drop the last run's, so none show as current.
      this.setState(id, { status: 'error', message, progress: null, ...(cell.kind === 'test' ? { tests: undefined } : {}) });
      this.changed();
      return false;
    }
  }

  /** Runs a SQL, chart, KPI or input cell: one engine call that changes no variable, except a KPI's comparison. */
  private query(cell: Cell): Promise<Partial<CellState>> {
    if (cell.kind !== 'sql') return runDashboardCell(this.engine, cell, this.params);
    return runSqlCell(this.engine, cell, this.analysis.get(cell.id)!, this.params);
  }

  private finish(id: string, version: number, update: Partial<CellState>): void {
    const cell = this.notebook.cells.find((c) => c.id === id);
    if (cell && this.analysis.get(id)?.defines && (cell.kind === 'bronze' || this.lastMade.get(id) !== cell.source)) {
      this.lastMade.set(id, cell.source);
      this.catalogRevision++;
    }
    const edited = this.states.version(id) !== version;
    this.setState(id, { ...update, status: edited ? 'stale' : 'done', message: null, progress: null });
    this.changed();
  }

  private setState(id: string, update: Partial<CellState>): void {
    this.states.set(id, update);
  }

  private reanalyze(): void {
    this.analysis = analyzeNotebook(this.notebook);
    this.variables.adopt(this.notebook.cells, this.analysis);
    this.graph = buildGraph(
      this.notebook.cells.map((c) => ({
        id: c.id,
        defines: this.analysis.get(c.id)?.defines ?? null,
        references: this.analysis.get(c.id)?.references ?? [],
      })),
    );
  }

  private changed(): void {
    this.revision++;
    for (const listener of this.listeners) listener();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
