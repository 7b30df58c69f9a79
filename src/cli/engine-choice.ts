/** `--engine wasm|native` and `--threads N`: which DuckDB a command runs on. */
import type { DuckEngine } from '../engine/duck-engine.ts';
import { createNodeEngine } from '../engine/node-engine.ts';

export type EngineKind = 'wasm' | 'native';

export const ENGINE_OPTIONS = {
  engine: { type: 'string', default: 'wasm' },
  threads: { type: 'string' },
  'memory-limit': { type: 'string' },
} as const;

export interface EngineChoice {
  readonly engine?: string;
  readonly threads?: string;
  readonly 'memory-limit'?: string;
}

export async function createEngine(choice: EngineChoice): Promise<DuckEngine> {
  const kind = choice.engine ?? 'wasm';
  if (kind !== 'wasm' && kind !== 'native')
    throw new Error(`--engine must be wasm or native, not "${kind}".`);
  const threads = choice.threads === undefined ? undefined : Number(choice.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw new Error(`--threads must be a whole number of at least 1, not "${choice.threads}".`);
  }
  if (kind === 'wasm') {
    if (threads !== undefined && threads !== 1)
      throw new Error('DuckDB-WASM runs on one thread: use --engine native for --threads.');
    if (choice['memory-limit'] !== undefined)
      throw new Error('--memory-limit applies to --engine native.');
    return createNodeEngine();
  }
  // Loaded only when asked for: the WASM runner must not need the native binary.
  const { createNativeEngine } = await import('../engine/native-engine.ts');
  return createNativeEngine({ threads, memoryLimit: choice['memory-limit'] });
}
