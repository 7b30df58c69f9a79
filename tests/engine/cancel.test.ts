/**
 * Cancel: a long query stops within a second, the call fails with "Cancelled", and the
 * engine keeps its tables and goes on working — on DuckDB-WASM and on native DuckDB.
 * The runtime marks the running cell and puts the queued ones back.
 */
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import { createNativeEngine } from '../../src/engine/native-engine.ts';
import type { EngineApi } from '../../src/engine/api.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRuntime } from '../../src/runtime/notebook-runtime.ts';

/** Minutes of work on either engine: ten billion rows through an aggregate. */
const LONG_QUERY = 'SELECT sum(a.range * b.range) AS s FROM range(100000000) a, range(100) b';

const engines: [string, () => Promise<EngineApi>][] = [
  ['DuckDB-WASM', () => createNodeEngine()],
  ['native DuckDB', () => createNativeEngine({ threads: 2 })],
];

const count = async (engine: EngineApi, table: string) =>
  Number(tableFromIPC(await engine.query(`SELECT count(*) AS n FROM ${table}`)).get(0)!['n']);

describe.each(engines)('cancel on %s', (_, createEngine) => {
  it('stops a long query within a second and keeps the tables made before', async () => {
    const engine = await createEngine();
    await engine.run('CREATE TABLE silver.kept AS SELECT range AS i FROM range(1000)', {
      defines: 'silver.kept',
      resultName: 'r1',
      previewRows: 10,
    });
    const long = engine.run(LONG_QUERY, { defines: null, resultName: 'r2', previewRows: 10 });
    const outcome = long.then(
      () => 'finished',
      (error: Error) => error.message,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cancelledAt = performance.now();
    expect(await engine.cancel()).toBe(true);
    expect(await outcome).toBe('Cancelled');
    expect(performance.now() - cancelledAt).toBeLessThan(1000);

    expect(await count(engine, 'silver.kept')).toBe(1000);
    expect(await engine.cancel()).toBe(false); // nothing running
    const after = await engine.run('SELECT 42 AS answer', {
      defines: null,
      resultName: 'r3',
      previewRows: 1,
    });
    expect(after.rows).toBe(1);
  });
});

describe('runtime.cancel', () => {
  it('marks the running cell Cancelled and puts the queued ones back', async () => {
    const notebook = parseNotebook(`
\`\`\`sql id=fast
CREATE OR REPLACE TABLE silver.numbers AS SELECT range AS i FROM range(10)
\`\`\`

\`\`\`sql id=slow
CREATE OR REPLACE TABLE gold.slow AS ${LONG_QUERY}, silver.numbers
\`\`\`

\`\`\`sql id=after
SELECT * FROM gold.slow
\`\`\`
`);
    const runtime = new NotebookRuntime(await createNodeEngine(), notebook);
    const run = runtime.runAll();
    await until(() => runtime.state('slow').status === 'running');
    expect(runtime.state('after').status).toBe('queued');
    await runtime.cancel();
    await run;
    expect(runtime.state('fast').status).toBe('done');
    expect(runtime.state('slow')).toMatchObject({ status: 'error', message: 'Cancelled' });
    expect(runtime.state('after').status).toBe('idle');

    // The engine goes on: the table made before is there, and a new cell runs.
    expect(await count(runtime.engine, 'silver.numbers')).toBe(10);
    const id = runtime.dispatch({
      type: 'add',
      kind: 'sql',
      source: 'SELECT count(*) AS n FROM silver.numbers',
    })!;
    await runtime.runCell(id);
    expect(runtime.state(id).status).toBe('done');
  });
});

async function until(condition: () => boolean, timeout = 10_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
