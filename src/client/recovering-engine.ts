/**
 * The page's engine, surviving the engine worker's death. DuckDB-WASM can die in ways
 * nothing inside the worker can catch: the 4 GB heap runs out, a WASM trap leaves the
 * instance unusable, the thread stops answering. This wrapper notices (the worker's error
 * event, an error that looks like a trap followed by a failed health check, or a watchdog
 * ping that goes unanswered while calls wait), starts a new worker, registers the files
 * added through it again, replays the page's messages to the worker (network permission),
 * and tells its listeners so the runtime can mark what was lost. Calls caught in the crash
 * fail with EngineRestartedError; calls made after it wait for the new engine.
 *
 * No DOM here: the worker sits behind `EngineConnection` (worker-engine.ts), so tests can
 * drive this with fakes.
 */
import type {
  CleaningReport,
  CleaningRequest,
  DataTest,
  DataTestResult,
  EngineApi,
  EngineInfo,
  FileHandle,
  IngestOptions,
  IngestProgress,
  IngestResult,
  RegisteredFile,
  RelationProfile,
  RowOrder,
  RunOptions,
  RunResult,
  TableInfo,
} from '../engine/api.ts';

/** One engine worker, as the page sees it. */
export interface EngineConnection {
  readonly engine: EngineApi;
  /** Resolves while the worker's thread lives (answered even while DuckDB starts). */
  ping(): Promise<unknown>;
  /** Tests only: ends the worker as a crash would, without a word to the page. */
  crash(): void;
  terminate(): void;
  /** Calls `listener` when the worker reports an uncaught error. */
  onError(listener: (message: string) => void): void;
  postMessage(message: unknown): void;
}

export type RestartReason = 'out-of-memory' | 'crashed' | 'unresponsive';

export interface EngineRestart {
  readonly reason: RestartReason;
  /** What to tell the person. */
  readonly message: string;
  /** What was seen: the error, or how long the worker did not answer. */
  readonly detail: string;
}

export class EngineRestartedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineRestartedError';
  }
}

export interface RecoveryOptions {
  /** While calls wait, the worker is pinged this often… */
  readonly pingIntervalMs?: number;
  /** …and declared dead when a ping goes unanswered this long (a query yields every ~100 ms). */
  readonly pingTimeoutMs?: number;
  /**
   * The same, for a worker whose engine has not answered any call yet. DuckDB's start holds
   * the worker's thread for seconds at a time (instantiating its module took 1.8 s of a
   * 5.4 s start here, and over 8 s with a second tab starting and running beside it), and
   * a restart would only start that wait again.
   */
  readonly startTimeoutMs?: number;
  /** After an error event or a trap-like error: how long a health check may take. */
  readonly checkTimeoutMs?: number;
  /** Restarts in a row (no call succeeding between them) before giving up. */
  readonly maxRestarts?: number;
}

const MESSAGES: Record<RestartReason, string> = {
  'out-of-memory':
    'The engine restarted after running out of memory; its tables were lost. Re-run to rebuild them.',
  crashed: 'The engine crashed and was restarted; its tables were lost. Re-run to rebuild them.',
  unresponsive:
    'The engine stopped responding and was restarted; its tables were lost. Re-run to rebuild them.',
};

/** Errors after which the WASM instance may be unusable: traps, aborts, allocation failures. */
const TRAP =
  /RuntimeError|memory access out of bounds|unreachable|Aborted\(|bad_alloc|out of memory|table index is out of bounds|call stack size/i;

interface Life {
  readonly connection: EngineConnection;
  dead: boolean;
  /** Whether its engine has answered a call: DuckDB is up, so the short ping timeout applies. */
  started: boolean;
  /** Rejects when this worker is declared dead, so the calls waiting on it end. */
  readonly died: Promise<never>;
  kill(error: EngineRestartedError): void;
}

type Listener = (restart: EngineRestart) => void;

export class RecoveringEngine implements EngineApi {
  private life: Life;
  private readonly files = new Map<string, FileHandle>();
  /** The last message of each `type` posted to the worker, replayed to a new one. */
  private readonly messages = new Map<string, unknown>();
  private readonly listeners = new Set<Listener>();
  /** Settles when the newest worker has its files back. */
  private ready: Promise<void> = Promise.resolve();
  private pending = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private pinging = false;
  private restartsInARow = 0;
  private readonly options: Required<RecoveryOptions>;

  /** What the page posts to the worker outside Comlink (network permission), kept for a new worker. */
  readonly port = {
    postMessage: (message: unknown) => {
      const type = (message as { type?: unknown } | null)?.type;
      this.messages.set(typeof type === 'string' ? type : `#${this.messages.size}`, message);
      this.life.connection.postMessage(message);
    },
  };

  constructor(
    private readonly connect: () => EngineConnection,
    options: RecoveryOptions = {},
  ) {
    this.options = {
      pingIntervalMs: options.pingIntervalMs ?? 2000,
      pingTimeoutMs: options.pingTimeoutMs ?? 8000,
      startTimeoutMs: options.startTimeoutMs ?? 60_000,
      checkTimeoutMs: options.checkTimeoutMs ?? 2000,
      maxRestarts: options.maxRestarts ?? 3,
    };
    this.life = this.begin();
  }

  /** Calls `listener` each time the engine restarts; returns the unsubscribe. */
  onRestart(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  info(): Promise<EngineInfo> {
    return this.call((e) => e.info());
  }

  /**
   * A file caught in a restart is added to the new engine (adding is idempotent): the page
   * loading the sample while the engine restarts at start must not end with no files.
   */
  async addFile(name: string, handle: FileHandle): Promise<RegisteredFile> {
    const add = () => this.call((e) => e.addFile(name, handle));
    const registered = await add().catch((error: unknown) => {
      if (error instanceof EngineRestartedError) return add();
      throw error;
    });
    this.files.set(name, handle);
    return registered;
  }

  async removeFile(name: string): Promise<void> {
    await this.call((e) => e.removeFile(name));
    this.files.delete(name);
  }

  listFiles(): Promise<RegisteredFile[]> {
    return this.call((e) => e.listFiles());
  }

  ingest(
    table: string,
    patterns: readonly string[],
    onProgress?: (progress: IngestProgress) => void,
    options?: IngestOptions,
  ): Promise<IngestResult> {
    return this.call((e) => e.ingest(table, patterns, onProgress, options));
  }

  run(sql: string, options: RunOptions): Promise<RunResult> {
    return this.call((e) => e.run(sql, options));
  }

  page(relation: string, offset: number, limit: number, order?: RowOrder): Promise<Uint8Array> {
    return this.call((e) => e.page(relation, offset, limit, order));
  }

  query(sql: string): Promise<Uint8Array> {
    return this.call((e) => e.query(sql));
  }

  catalog(): Promise<TableInfo[]> {
    return this.call((e) => e.catalog());
  }

  runTests(table: string, tests: readonly DataTest[]): Promise<DataTestResult[]> {
    return this.call((e) => e.runTests(table, tests));
  }

  profile(relation: string): Promise<RelationProfile> {
    return this.call((e) => e.profile(relation));
  }

  cleaningReport(request: CleaningRequest): Promise<CleaningReport> {
    return this.call((e) => e.cleaningReport(request));
  }

  busyTime(): Promise<number> {
    return this.call((e) => e.busyTime());
  }

  drop(qualified: string): Promise<boolean> {
    return this.call((e) => e.drop(qualified));
  }

  /** Not queued behind a restart, and never a reason for one: it only interrupts. */
  async cancel(): Promise<boolean> {
    if (this.life.dead) return false;
    return Promise.race([this.life.connection.engine.cancel(), this.life.died]).catch(() => false);
  }

  /** Kills the worker as a crash would, then checks on it at once instead of waiting for the watchdog. */
  async crashForTesting(): Promise<void> {
    const life = this.life;
    life.connection.crash();
    await this.check(life, 'crashed', 'crashForTesting closed the worker');
  }

  private async call<T>(work: (engine: EngineApi) => Promise<T>): Promise<T> {
    await this.ready;
    const life = this.life;
    this.pending++;
    this.startWatchdog();
    try {
      const result = await Promise.race([work(life.connection.engine), life.died]);
      life.started = true;
      this.restartsInARow = 0;
      return result;
    } catch (error) {
      if (life.dead)
        throw error instanceof EngineRestartedError
          ? error
          : new EngineRestartedError(MESSAGES.crashed);
      life.started = true; // an error from the engine: it is up
      if (looksLikeTrap(error)) {
        const restarted = await this.check(life, 'out-of-memory', messageOf(error), true);
        if (restarted) throw new EngineRestartedError(MESSAGES['out-of-memory']);
      }
      throw error;
    } finally {
      this.pending--;
      if (this.pending === 0) this.stopWatchdog();
    }
  }

  private begin(): Life {
    const connection = this.connect();
    let kill!: (error: EngineRestartedError) => void;
    const died = new Promise<never>((_, reject) => {
      kill = reject;
    });
    died.catch(() => undefined); // nobody may be waiting when it dies
    const life: Life = { connection, dead: false, started: false, died, kill };
    connection.onError((message) => void this.check(life, 'crashed', message));
    for (const message of this.messages.values()) connection.postMessage(message);
    return life;
  }

  /**
   * Whether `life`'s worker still answers (and, after a trap, still runs a query); if not,
   * restarts it. Resolves true when it restarted.
   */
  private async check(
    life: Life,
    reason: RestartReason,
    detail: string,
    query = false,
  ): Promise<boolean> {
    if (life.dead) return true;
    const timeout = this.options.checkTimeoutMs;
    const alive =
      (await answers(life.connection.ping(), timeout)) &&
      (!query || (await answers(life.connection.engine.query('SELECT 1'), timeout)));
    if (alive || life.dead) return life.dead;
    this.restart(life, reason, detail);
    return true;
  }

  private restart(life: Life, reason: RestartReason, detail: string): void {
    if (life.dead) return;
    life.dead = true;
    life.connection.terminate();
    this.restartsInARow++;
    const restart: EngineRestart = { reason, message: MESSAGES[reason], detail };
    console.warn(`Engine worker restarted (${reason}): ${detail}`);
    if (this.restartsInARow > this.options.maxRestarts) {
      const message = `The engine failed ${this.restartsInARow} times in a row and was not started again (${detail}). Reload the page.`;
      life.kill(new EngineRestartedError(message));
      this.ready = Promise.reject(new EngineRestartedError(message));
      this.ready.catch(() => undefined);
      return;
    }
    // Listeners first (the runtime stops its plan and marks what was lost), then the calls
    // caught in the crash fail, then the new worker gets its files back.
    for (const listener of this.listeners) listener(restart);
    life.kill(new EngineRestartedError(restart.message));
    this.life = this.begin();
    const next = this.life;
    this.ready = (async () => {
      for (const [name, handle] of this.files) {
        try {
          await Promise.race([next.connection.engine.addFile(name, handle), next.died]);
        } catch (error) {
          if (next.dead) return;
          this.files.delete(name);
          console.warn(`Could not register ${name} again after the engine restarted:`, error);
        }
      }
    })();
  }

  private startWatchdog(): void {
    if (this.watchdog !== null) return;
    this.watchdog = setInterval(() => {
      if (this.pinging) return;
      const life = this.life;
      const timeout = life.started ? this.options.pingTimeoutMs : this.options.startTimeoutMs;
      this.pinging = true;
      void answers(life.connection.ping(), timeout).then((alive) => {
        this.pinging = false;
        if (!alive)
          this.restart(
            life,
            'unresponsive',
            `no answer to a ping in ${timeout / 1000} s${life.started ? '' : ' while starting'}`,
          );
      });
    }, this.options.pingIntervalMs);
  }

  private stopWatchdog(): void {
    if (this.watchdog === null) return;
    clearInterval(this.watchdog);
    this.watchdog = null;
  }
}

export function looksLikeTrap(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  return TRAP.test(`${name} ${messageOf(error)}`);
}

/** Whether `promise` settles successfully within `ms`. */
function answers(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(false);
      },
    );
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
