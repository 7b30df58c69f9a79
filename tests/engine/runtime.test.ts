/** The runtime's reactive rules, on a real engine and a small notebook. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRuntime } from '../../src/runtime/notebook-runtime.ts';

const NOTEBOOK = `
\`\`\`bronze id=b
table: bronze.people
files: people*.csv
\`\`\`

\`\`\`sql id=s
CREATE OR REPLACE TABLE silver.people AS
SELECT name, CAST(age AS INTEGER) AS age FROM bronze.people
\`\`\`

\`\`\`sql id=g
CREATE OR REPLACE TABLE gold.adults AS SELECT * FROM silver.people WHERE age >= 18
\`\`\`

\`\`\`sql id=q
SELECT count(*) AS n FROM gold.adults
\`\`\`
`;

const csv = (text: string) => new Blob([text]);
let runtime: NotebookRuntime;
const status = (id: string) => runtime.state(id).status;

beforeEach(async () => {
  runtime = new NotebookRuntime(await createNodeEngine(), parseNotebook(NOTEBOOK));
  await runtime.addFiles([{ name: 'people.csv', handle: csv('name,age\nAnn,34\nBo,12\nCy,18\n') }], false);
});

describe('runtime', () => {
  it('runs all in dependency order and keeps row counts', async () => {
    await runtime.runAll();
    expect(['b', 's', 'g', 'q'].map(status)).toEqual(['done', 'done', 'done', 'done']);
    expect(runtime.state('g').result?.rows).toBe(2);
    expect(runtime.state('q').result?.preview.getChild('n')?.get(0)).toBe(2n);
  });

  it('an edit marks the cell and its descendants stale; running it re-runs them', async () => {
    await runtime.runAll();
    runtime.dispatch({
      type: 'edit',
      id: 's',
      source: 'CREATE OR REPLACE TABLE silver.people AS SELECT name, CAST(age AS INTEGER) + 10 AS age FROM bronze.people',
    });
    expect(['b', 's', 'g', 'q'].map(status)).toEqual(['done', 'stale', 'stale', 'stale']);
    await runtime.runCell('s');
    expect(['b', 's', 'g', 'q'].map(status)).toEqual(['done', 'done', 'done', 'done']);
    expect(runtime.state('g').result?.rows).toBe(3);
  });

  it('a failing cell shows DuckDB’s message and blocks its descendants', async () => {
    await runtime.runAll();
    runtime.dispatch({ type: 'edit', id: 's', source: 'CREATE OR REPLACE TABLE silver.people AS SELEC name FROM bronze.people' });
    await runtime.runCell('s');
    expect(status('s')).toBe('error');
    expect(runtime.state('s').message).toMatch(/syntax error/i);
    expect(status('g')).toBe('blocked');
    expect(runtime.state('g').message).toMatch(/silver\.people/);
    expect(status('q')).toBe('blocked');
  });

  it('a dropped file that no bronze cell reads gets a bronze cell of its own', async () => {
    await runtime.addFiles([{ name: 'Orders 2024.csv', handle: csv('id,total\n1,9.99\n') }]);
    const added = runtime.notebook.cells.find((c) => c.source.includes('Orders 2024.csv'))!;
    expect(added.kind).toBe('bronze');
    expect(runtime.analysis.get(added.id)?.defines).toBe('bronze.orders_2024');
    expect(status(added.id)).toBe('done');
    expect(runtime.state(added.id).result?.rows).toBe(1);
  });

  it('a dropped file with a name a bronze cell reads replaces it and re-runs what depends on it', async () => {
    await runtime.runAll();
    await runtime.addFiles([{ name: 'people.csv', handle: csv('name,age\nDi,40\nEd,50\nFi,60\nGu,5\n') }]);
    expect(runtime.notebook.cells).toHaveLength(4);
    expect(['b', 's', 'g', 'q'].map(status)).toEqual(['done', 'done', 'done', 'done']);
    expect(runtime.state('g').result?.rows).toBe(3);
  });

  it('names the file when it cannot be read, and other cells keep working', async () => {
    runtime.dispatch({ type: 'add', kind: 'sql', id: 'other', source: 'SELECT 42 AS answer' });
    await runtime.addFiles([{ name: 'people.csv', handle: new Blob([new Uint8Array([0, 1, 2, 0, 10])]) }], false);
    await runtime.runAll();
    expect(status('b')).toBe('error');
    expect(runtime.state('b').message).toMatch(/people\.csv could not be read/);
    expect(status('s')).toBe('blocked');
    expect(status('other')).toBe('done');
  });

  it('says which file is missing when a bronze pattern matches nothing', async () => {
    runtime.dispatch({ type: 'add', kind: 'bronze', id: 'b2', source: 'table: bronze.other\nfiles: nothing*.csv' });
    await runtime.runCell('b2');
    expect(runtime.state('b2').message).toMatch(/No file matches "nothing\*\.csv"/);
  });

  it('reports cycles, duplicates and unknown tables on the cell, in words', async () => {
    runtime.dispatch({ type: 'add', kind: 'sql', id: 'c1', source: 'CREATE TABLE gold.c1 AS SELECT * FROM gold.c2' });
    runtime.dispatch({ type: 'add', kind: 'sql', id: 'c2', source: 'CREATE TABLE gold.c2 AS SELECT * FROM gold.c1' });
    runtime.dispatch({ type: 'add', kind: 'sql', id: 'dup', source: 'CREATE TABLE gold.adults AS SELECT 1' });
    runtime.dispatch({ type: 'add', kind: 'sql', id: 'unk', source: 'SELECT * FROM silver.nowhere' });
    expect(runtime.problems('c1').join()).toMatch(/cycle/);
    expect(runtime.problems('dup').join()).toMatch(/gold\.adults is already defined/);
    expect(runtime.problems('unk').join()).toMatch(/no cell defines it/);
    await runtime.runAll();
    expect(status('c1')).toBe('blocked');
    expect(status('g')).toBe('done');
  });

  it('runs a query after a cell that makes a table outside the layers, not ahead of it', async () => {
    runtime.dispatch({ type: 'add', kind: 'sql', id: 'scratch', source: 'CREATE OR REPLACE TABLE scratch AS SELECT 42 AS answer' });
    runtime.dispatch({ type: 'add', kind: 'sql', id: 'ask', source: 'SELECT answer FROM scratch' });
    await runtime.runAll();
    expect(status('ask')).toBe('done');
    expect(runtime.state('ask').result?.preview.getChild('answer')?.get(0)).toBe(42);
  });

  it('says a cell makes more than one table, and runs what reads the second one after it', async () => {
    const source = 'CREATE OR REPLACE TABLE gold.one AS SELECT 1 AS v;\nCREATE OR REPLACE TABLE gold.two AS SELECT 2 AS v;';
    runtime.dispatch({ type: 'add', kind: 'sql', id: 'both', source });
    runtime.dispatch({ type: 'add', kind: 'sql', id: 'read-two', source: 'SELECT v FROM gold.two' });
    expect(runtime.problems('both').join()).toMatch(/Makes gold\.one and also gold\.two\. A cell makes one table/);
    await runtime.runAll();
    expect(status('both')).toBe('done');
    expect(status('read-two')).toBe('done');
  });

  it('pages a result in the order of a column, nulls last both ways', async () => {
    runtime.dispatch({ type: 'add', kind: 'sql', id: 'ages', source: 'SELECT * FROM (VALUES (30), (NULL), (10), (20)) t(age)' });
    await runtime.runCell('ages');
    const relation = runtime.state('ages').result!.relation!;
    const ages = async (descending: boolean) =>
      [...(await runtime.page(relation, 0, 10, { column: 'age', descending })).getChild('age')!];
    expect(await ages(false)).toEqual([10, 20, 30, null]);
    expect(await ages(true)).toEqual([30, 20, 10, null]);
    expect([...(await runtime.page(relation, 1, 2, { column: 'age', descending: true })).getChild('age')!]).toEqual([20, 10]);
  });
});
