/** An engine wrapper for tests that check what the runtime sends, and in what order. */
import type { EngineApi } from '../../src/engine/api.ts';

/** The engine, recording each call in order and how many were under way at once. */
export function recording(engine: EngineApi) {
  const calls: string[] = [];
  let inflight = 0;
  let mostAtOnce = 0;
  const wrapped = new Proxy(engine, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (typeof value !== 'function' || !['query', 'run'].includes(String(key))) return value;
      return async (...args: unknown[]) => {
        calls.push(String(args[0]).replace(/\s+/g, ' ').trim());
        inflight++;
        mostAtOnce = Math.max(mostAtOnce, inflight);
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          inflight--;
        }
      };
    },
  });
  return {
    engine: wrapped,
    calls,
    reset: () => {
      calls.length = 0;
      mostAtOnce = 0;
    },
    mostAtOnce: () => mostAtOnce,
  };
}
