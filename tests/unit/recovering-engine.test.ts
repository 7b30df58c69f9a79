/** The page's engine survives its worker: restarts, files registered again, listeners told. */
import { describe, expect, it } from 'vitest';
import type { EngineApi } from '../../src/engine/api.ts';
import {
  EngineRestartedError,
  RecoveringEngine,
  looksLikeTrap,
  type EngineConnection,
  type EngineRestart,
} from '../../src/client/recovering-engine.ts';

/** A worker stand-in: answers until it "dies", then never again (as a closed worker). */
class FakeWorker implements EngineConnection {
  dead = false;
  terminated = false;
  /** The next query fails with this, as a WASM trap surfaces. */
  failNextQuery: Error | null = null;
  /** Queries fail from now on (an instance left unusable). */
  broken = false;
  /** While set, nothing is answered (a thread busy starting DuckDB); `unblock` answers all. */
  private blocked: Array<() => void> | null = null;
  readonly added: string[] = [];
  readonly messages: unknown[] = [];
  private errorListener: (message: string) => void = () => {};

  private answer<T>(value: () => T): Promise<T> {
    if (this.dead) return new Promise<T>(() => {});
    const blocked = this.blocked;
    if (blocked) return new Promise<void>((resolve) => blocked.push(resolve)).then(value);
    return Promise.resolve().then(value);
  }

  block() {
    this.blocked = [];
  }
  unblock() {
    const waiting = this.blocked ?? [];
    this.blocked = null;
    for (const resolve of waiting) resolve();
  }

  readonly engine = {
    addFile: (name: string) => this.answer(() => (this.added.push(name), { name, size: 1 })),
    removeFile: async () => {},
    listFiles: () => this.answer(() => this.added.map((name) => ({ name, size: 1 }))),
    query: (sql: string) =>
      this.answer(() => {
        const failure = this.failNextQuery;
        this.failNextQuery = null;
        if (failure) throw failure;
        if (this.broken) throw new Error('RuntimeError: unreachable');
        return new TextEncoder().encode(sql);
      }),
    cancel: () => this.answer(() => false),
  } as unknown as EngineApi;

  ping() {
    return this.answer(() => true);
  }
  crash() {
    this.dead = true;
  }
  terminate() {
    this.terminated = true;
    this.dead = true;
  }
  onError(listener: (message: string) => void) {
    this.errorListener = listener;
  }
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  fireError(message: string) {
    this.errorListener(message);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const engine = new RecoveringEngine(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    { pingIntervalMs: 10, pingTimeoutMs: 50, startTimeoutMs: 300, checkTimeoutMs: 50 },
  );
  const restarts: EngineRestart[] = [];
  engine.onRestart((r) => restarts.push(r));
  return { engine, workers, restarts };
}

describe('RecoveringEngine', () => {
  it('after a crash starts a new worker, registers the files again and replays the network permission', async () => {
    const { engine, workers, restarts } = setup();
    await engine.addFile('AW_Sales_2016.csv', new Blob(['a']));
    await engine.addFile('AW_Customers.csv', new Blob(['b']));
    engine.port.postMessage({ type: 'medallion:network', allowed: true });
    await engine.crashForTesting();
    expect(restarts.map((r) => r.reason)).toEqual(['crashed']);
    expect(restarts[0]!.message).toMatch(/restarted/);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect((await engine.listFiles()).map((f) => f.name)).toEqual([
      'AW_Sales_2016.csv',
      'AW_Customers.csv',
    ]);
    expect(workers[1]!.messages).toEqual([{ type: 'medallion:network', allowed: true }]);
  });

  it('a call waiting on a worker that stopped answering fails with the restart message; the next one works', async () => {
    const { engine, workers, restarts } = setup();
    await engine.query('SELECT 0');
    workers[0]!.dead = true;
    await expect(engine.query('SELECT 1')).rejects.toBeInstanceOf(EngineRestartedError);
    expect(restarts.map((r) => r.reason)).toEqual(['unresponsive']);
    expect(new TextDecoder().decode(await engine.query('SELECT 2'))).toBe('SELECT 2');
  });

  it('a worker busy starting is given the start timeout, not the ping timeout', async () => {
    const { engine, workers, restarts } = setup();
    workers[0]!.block();
    const answer = engine.query('SELECT 1');
    // Unanswered pings for three times the ping timeout, then the start completes.
    await new Promise((resolve) => setTimeout(resolve, 150));
    workers[0]!.unblock();
    expect(new TextDecoder().decode(await answer)).toBe('SELECT 1');
    expect(restarts).toEqual([]);
    expect(workers).toHaveLength(1);
  });

  it('a worker that never finishes starting is restarted after the start timeout', async () => {
    const { engine, workers, restarts } = setup();
    workers[0]!.block();
    const started = Date.now();
    await expect(engine.query('SELECT 1')).rejects.toBeInstanceOf(EngineRestartedError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(restarts.map((r) => r.detail)).toEqual(['no answer to a ping in 0.3 s while starting']);
    expect(new TextDecoder().decode(await engine.query('SELECT 2'))).toBe('SELECT 2');
  });

  it('a file being added when the worker dies is added to the new one', async () => {
    const { engine, workers, restarts } = setup();
    await engine.addFile('AW_Customers.csv', new Blob(['b']));
    workers[0]!.dead = true;
    await engine.addFile('AW_Sales_2016.csv', new Blob(['a']));
    expect(restarts.map((r) => r.reason)).toEqual(['unresponsive']);
    expect((await engine.listFiles()).map((f) => f.name).sort()).toEqual([
      'AW_Customers.csv',
      'AW_Sales_2016.csv',
    ]);
  });

  it('a trap-like error on a healthy engine is only an error; on a broken one it restarts', async () => {
    const { engine, workers, restarts } = setup();
    workers[0]!.failNextQuery = new Error(
      'Out of Memory Error: could not allocate block of size 256 KiB',
    );
    await expect(engine.query('SELECT big')).rejects.toThrow(/Out of Memory Error/);
    expect(restarts).toEqual([]);

    workers[0]!.broken = true;
    await expect(engine.query('SELECT big')).rejects.toThrow(/running out of memory/);
    expect(restarts.map((r) => r.reason)).toEqual(['out-of-memory']);
    expect(workers).toHaveLength(2);
  });

  it('an error event restarts only a worker that no longer answers', async () => {
    const { workers, restarts } = setup();
    workers[0]!.fireError('Uncaught TypeError: x is undefined');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(restarts).toEqual([]);
    workers[0]!.dead = true;
    workers[0]!.fireError('worker gone');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(restarts.map((r) => r.reason)).toEqual(['crashed']);
  });

  it('knows a trap from an ordinary SQL error', () => {
    expect(
      looksLikeTrap(
        Object.assign(new Error('memory access out of bounds'), { name: 'RuntimeError' }),
      ),
    ).toBe(true);
    expect(looksLikeTrap(new Error('Aborted(). Build with -sASSERTIONS for more info.'))).toBe(
      true,
    );
    expect(looksLikeTrap(new Error('Catalog Error: Table with name x does not exist!'))).toBe(
      false,
    );
  });
});
