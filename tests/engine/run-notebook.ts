/** Test helper: run a notebook in Node on in-memory files, like dropping them on the page. */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import type { EngineApi } from '../../src/engine/api.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRuntime } from '../../src/runtime/notebook-runtime.ts';

export async function runNotebookOn(
  notebookPath: string,
  files: { name: string; bytes: Uint8Array }[],
  createEngine: () => Promise<EngineApi> = createNodeEngine,
) {
  const engine = await createEngine();
  const runtime = new NotebookRuntime(engine, parseNotebook(readFileSync(notebookPath, 'utf8')));
  await runtime.addFiles(
    files.map((f) => ({ name: f.name, handle: new Blob([f.bytes as BlobPart]) })),
    false,
  );
  await runtime.runAll();
  /** Rows of a query as plain objects (bigints as numbers are not needed: cast in SQL). */
  const rows = async (sql: string) =>
    tableFromIPC(await engine.query(sql))
      .toArray()
      .map((r) => r.toJSON() as Record<string, unknown>);
  return { engine, runtime, rows };
}
