/**
 * The page's handle on the engine worker. It implements the same EngineApi as the
 * in-process engine, so the runtime cannot tell them apart; callbacks are proxied
 * back across the worker boundary.
 */
import * as Comlink from 'comlink';
import type { EngineApi, FileHandle, IngestProgress } from '../engine/api.ts';

export function startWorkerEngine(): { engine: EngineApi; worker: Worker } {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'medallion-engine',
  });
  const remote = Comlink.wrap<EngineApi>(worker);
  const engine: EngineApi = {
    info: () => remote.info(),
    addFile: (name: string, handle: FileHandle) => remote.addFile(name, handle),
    removeFile: (name) => remote.removeFile(name),
    listFiles: () => remote.listFiles(),
    ingest: (table, patterns, onProgress?: (p: IngestProgress) => void) =>
      remote.ingest(table, [...patterns], onProgress ? Comlink.proxy(onProgress) : undefined),
    run: (sql, options) => remote.run(sql, options),
    page: (relation, offset, limit) => remote.page(relation, offset, limit),
    query: (sql) => remote.query(sql),
    catalog: () => remote.catalog(),
  };
  return { engine, worker };
}
