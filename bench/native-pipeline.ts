/**
 * The same pipeline on native DuckDB (`@duckdb/node-api`): the same notebook cells through
 * the same engine and runtime code as the WASM run (wasm-pipeline.ts), on one thread and on
 * all of them. Files are read in place from disk. Seconds for the run, engine start excluded.
 */
import os from 'node:os';
import { createNativeEngine } from '../src/engine/native-engine.ts';
import { runPipelineOn } from './wasm-pipeline.ts';

export async function runNativePipeline(
  dataDir: string,
  threads?: number,
  inPlace = false,
): Promise<{ seconds: number; rows: number }> {
  const engine = await createNativeEngine({ threads });
  return runPipelineOn(engine, dataDir, inPlace);
}

const cores = os.cpus().length;

export const nativeRunners: {
  name: string;
  run: (dataDir: string, inPlace?: boolean) => Promise<number>;
}[] = [
  {
    name: 'native, 1 thread',
    run: (dir, inPlace) => runNativePipeline(dir, 1, inPlace).then((r) => r.seconds),
  },
  {
    name: `native, ${cores} threads`,
    run: (dir, inPlace) => runNativePipeline(dir, cores, inPlace).then((r) => r.seconds),
  },
];
