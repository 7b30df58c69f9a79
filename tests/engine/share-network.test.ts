/**
 * The runtime's network check on the real engine: a cell that reads a remote URL is
 * refused (blocked, naming the URL) until allowNetwork(); so is a cell whose parameter
 * value is a URL; restored inputs run nothing.
 */
import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRuntime } from '../../src/runtime/notebook-runtime.ts';

const NOTEBOOK = [
  '```sql id=remote',
  "CREATE TABLE silver.remote AS SELECT * FROM read_csv('https://example.com/x.csv')",
  '```',
  '',
  '```sql id=after',
  'CREATE TABLE gold.after AS SELECT * FROM silver.remote',
  '```',
  '',
  '```input id=src',
  'name: src',
  'label: Source',
  'control: select',
  'options: [a.csv, b.csv]',
  '```',
  '',
  '```sql id=by-param',
  'CREATE TABLE silver.by_param AS SELECT $src AS source',
  '```',
  '',
  '```sql id=local',
  'CREATE TABLE silver.local AS SELECT 1 AS one',
  '```',
  '',
].join('\n');

describe('network access in the runtime', () => {
  it('refuses remote reads until allowed, naming the URL', async () => {
    const runtime = new NotebookRuntime(await createNodeEngine(), parseNotebook(NOTEBOOK));
    expect(runtime.networkAllowed).toBe(false);
    runtime.restoreInputs([['src', 'https://evil.example/data.csv']]);
    expect(
      runtime.notebook.cells.map((c) => runtime.state(c.id).status).filter((s) => s !== 'idle'),
    ).toEqual([]);
    expect(runtime.remoteUrls()).toEqual([
      'https://example.com/x.csv',
      'https://evil.example/data.csv',
    ]);

    await runtime.runAll();
    expect(runtime.state('remote')).toMatchObject({ status: 'blocked' });
    expect(runtime.state('remote').message).toContain('https://example.com/x.csv');
    expect(runtime.state('remote').message).toContain('Allow network access');
    expect(runtime.state('after').status).toBe('blocked');
    expect(runtime.state('by-param').message).toContain('https://evil.example/data.csv');
    expect(runtime.state('local').status).toBe('done');

    runtime.allowNetwork();
    await runtime.runCell('remote');
    // Allowed: it really runs now (Node's DuckDB-WASM cannot fetch, so it fails in DuckDB, not in the check).
    expect(runtime.state('remote').status).toBe('error');
    expect(runtime.state('remote').message).not.toContain('Allow network access');
  });
});
