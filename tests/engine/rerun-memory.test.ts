/**
 * Running a pipeline again at scale: the last run's downstream tables still sit in memory
 * while an upstream cell is rebuilt. When that cell runs out of memory, the runtime drops
 * the tables its plan will make again and tries the cell once more.
 */
import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import type { EngineApi } from '../../src/engine/api.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRuntime } from '../../src/runtime/notebook-runtime.ts';

// silver.a needs ~45 MB while it runs (a DISTINCT over 200,000 wide strings) and keeps one
// row; gold.b keeps ~45 MB. Under an 80 MB limit each fits alone, not both at once.
const NOTEBOOK = `
\`\`\`sql id=a
CREATE OR REPLACE TABLE silver.a AS
SELECT count(*) AS k FROM (SELECT DISTINCT repeat('x', 200) || i AS s FROM range(200000) t(i))
\`\`\`

\`\`\`sql id=b
CREATE OR REPLACE TABLE gold.b AS SELECT k, repeat('y', 200) || r AS s FROM silver.a, range(200000) t(r)
\`\`\`
`;

async function runtimeUnder(limit: string, notebook = NOTEBOOK): Promise<{ runtime: NotebookRuntime; dropped: string[] }> {
  const engine = await createNodeEngine();
  await engine.query(`SET memory_limit = '${limit}'`);
  const dropped: string[] = [];
  const counting: EngineApi = Object.assign(Object.create(engine) as EngineApi, {
    drop: (table: string) => (dropped.push(table), engine.drop(table)),
  });
  return { runtime: new NotebookRuntime(counting, parseNotebook(notebook)), dropped };
}

describe('running again near the memory limit', () => {
  it('drops the tables the run will make again and retries the cell that ran out of memory', async () => {
    const { runtime, dropped } = await runtimeUnder('80MB');
    await runtime.runAll();
    expect([runtime.state('a').status, runtime.state('b').status]).toEqual(['done', 'done']);
    expect(dropped).toEqual([]);

    await runtime.runAll();
    expect([runtime.state('a').status, runtime.state('b').status]).toEqual(['done', 'done']);
    expect(dropped).toEqual(['gold.b']);
    expect(runtime.state('a').message).toMatch(/ran out of memory .* gold\.b .* ran again/);
    expect(runtime.state('b').result?.rows).toBe(200000);
  });

  it('the engine drops a table or a view by name and says whether there was one', async () => {
    const engine = await createNodeEngine();
    await engine.query('CREATE TABLE silver.t AS SELECT 1 AS x');
    await engine.query('CREATE VIEW gold.v AS SELECT * FROM silver.t');
    expect(await engine.drop('gold.v')).toBe(true);
    expect(await engine.drop('silver.t')).toBe(true);
    expect(await engine.drop('silver.t')).toBe(false);
    expect(await engine.drop('gold.never_made')).toBe(false);
  });

  it('keeps the other tables when a cell fails for another reason', async () => {
    const { runtime, dropped } = await runtimeUnder('1GB');
    await runtime.runAll();
    runtime.dispatch({ type: 'edit', id: 'a', source: 'CREATE OR REPLACE TABLE silver.a AS SELEC 1 AS k' });
    await runtime.runCell('a');
    expect(runtime.state('a').status).toBe('error');
    expect(dropped).toEqual([]);
    expect(runtime.state('b').status).toBe('blocked');
  });
});
