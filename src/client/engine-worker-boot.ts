/**
 * Where the engine's web worker is made. The page's first script starts one before the
 * app has loaded (src/main.ts); the first engine takes it, and a restart after a crash
 * makes a new one.
 */
let early: Worker | null = null;

export function createEngineWorker(): Worker {
  return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'medallion-engine',
  });
}

export function startEngineWorkerEarly(): void {
  early ??= createEngineWorker();
}

/** The worker started early, if any and not yet taken. */
export function takeEarlyWorker(): Worker | null {
  const worker = early;
  early = null;
  return worker;
}
