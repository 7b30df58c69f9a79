import type { EngineApi } from './api.ts';

/**
 * Wraps an engine so every Arrow IPC buffer it returns is handed to `transfer`, which marks
 * it for zero-copy transfer across postMessage. The engine always returns fresh buffers,
 * so giving them away is safe.
 */
export function withTransferredResults(
  engine: EngineApi,
  transfer: <T>(value: T, buffers: ArrayBuffer[]) => T,
): EngineApi {
  return new Proxy(engine, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result: unknown = await value.apply(target, args);
        const buffers = buffersOf(result);
        return buffers.length > 0 ? transfer(result, buffers) : result;
      };
    },
  });
}

function buffersOf(result: unknown): ArrayBuffer[] {
  if (result instanceof Uint8Array) return [result.buffer as ArrayBuffer];
  if (result && typeof result === 'object' && 'preview' in result && result.preview instanceof Uint8Array) {
    return [result.preview.buffer as ArrayBuffer];
  }
  return [];
}
