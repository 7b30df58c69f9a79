/**
 * The page's handle on the engine worker. It implements the same EngineApi as the
 * in-process engine, so the runtime cannot tell them apart; callbacks are proxied
 * back across the worker boundary. The worker is restarted when it dies
 * (recovering-engine.ts); `worker` forwards the page's own messages to whichever worker
 * is current.
 */
import * as Comlink from 'comlink';
import { createEngineWorker, takeEarlyWorker } from './engine-worker-boot.ts';
import type { EngineApi, FileHandle, IngestProgress } from '../engine/api.ts';
import {
  RecoveringEngine,
  type EngineConnection,
  type RecoveryOptions,
} from './recovering-engine.ts';

/** What the worker answers besides the engine (workers/engine.worker.ts). */
interface WorkerExtras {
  ping(): Promise<boolean>;
  crashForTesting(): Promise<void>;
}

export function startWorkerEngine(options: RecoveryOptions = {}): {
  engine: RecoveringEngine;
  worker: { postMessage(message: unknown): void };
} {
  const engine = new RecoveringEngine(connectWorker, options);
  return { engine, worker: engine.port };
}

function connectWorker(): EngineConnection {
  const worker = takeEarlyWorker() ?? createEngineWorker();
  const remote = Comlink.wrap<EngineApi & WorkerExtras>(worker);
  const engine: EngineApi = {
    info: () => remote.info(),
    addFile: (name: string, handle: FileHandle) => remote.addFile(name, handle),
    removeFile: (name) => remote.removeFile(name),
    listFiles: () => remote.listFiles(),
    ingest: (table, patterns, onProgress?: (p: IngestProgress) => void, options?) =>
      remote.ingest(
        table,
        [...patterns],
        onProgress ? Comlink.proxy(onProgress) : undefined,
        options,
      ),
    run: (sql, options) => remote.run(sql, options),
    page: (relation, offset, limit, order) => remote.page(relation, offset, limit, order),
    query: (sql) => remote.query(sql),
    catalog: () => remote.catalog(),
    runTests: (table, tests) => remote.runTests(table, [...tests]),
    profile: (relation) => remote.profile(relation),
    cleaningReport: (request) => remote.cleaningReport(request),
    cancel: () => remote.cancel(),
    busyTime: () => remote.busyTime(),
    drop: (qualified) => remote.drop(qualified),
  };
  return {
    engine,
    ping: () => remote.ping(),
    crash: () => void remote.crashForTesting(),
    terminate: () => worker.terminate(),
    onError: (listener) => {
      worker.addEventListener('error', (event) =>
        listener(event.message || 'the engine worker failed'),
      );
      worker.addEventListener('messageerror', () =>
        listener('a message from the engine worker could not be read'),
      );
    },
    postMessage: (message) => worker.postMessage(message),
  };
}
