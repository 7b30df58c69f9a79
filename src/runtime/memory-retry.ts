/**
 * Running a pipeline again at scale: the last run's downstream tables still sit in
 * DuckDB-WASM's 4 GB heap while an upstream cell is rebuilt, and that cell may run out of
 * memory. Those tables are made again later in the same run anyway, so they can be dropped
 * and the cell tried once more (the runtime does so, notebook-runtime.ts).
 */
import type { EngineApi } from '../engine/api.ts';

export function ranOutOfMemory(message: string | null): boolean {
  return /out of memory/i.test(message ?? '');
}

/**
 * Drops each of `tables` that exists and returns those it dropped; none when the engine
 * could not drop them (then the first error stands and the cell is not tried again).
 */
export async function dropTablesMadeAgain(engine: EngineApi, tables: readonly string[]): Promise<string[]> {
  const dropped: string[] = [];
  try {
    for (const table of tables) if (await engine.drop(table)) dropped.push(table);
  } catch {
    return [];
  }
  return dropped;
}

/** What a cell that ran again after running out of memory says under it. */
export function retryNote(dropped: readonly string[]): string {
  const one = dropped.length === 1;
  return (
    `It ran out of memory while the last run's ${dropped.join(', ')} still took space; ` +
    `${one ? 'it is' : 'they are'} made again later in this run, so ${one ? 'it was' : 'they were'} dropped and this cell ran again.`
  );
}
