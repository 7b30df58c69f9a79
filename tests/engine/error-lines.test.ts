/**
 * DuckDB's "LINE n:" in an error counts within the cell, whatever the engine sent it:
 * a later statement of several, a query wrapped to keep its result, comments before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import type { DuckEngine } from '../../src/engine/duck-engine.ts';

let engine: DuckEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

async function errorOf(sql: string, defines: string | null = null): Promise<string> {
  const options = { defines, definesKind: defines ? ('table' as const) : null, resultName: 'r', previewRows: 10 };
  return engine.run(sql, options).then(
    () => 'ran',
    (error: unknown) => (error as Error).message,
  );
}

describe('the line an error names', () => {
  it.each([
    ['a query after a comment', '-- the customers\nSELECT *\nFROM nope', null, 'LINE 3: FROM nope'],
    ['the second of two statements', 'CREATE OR REPLACE TABLE silver.a AS SELECT 1 AS v;\n\nSELECT *\nFROM silver.a\nWHERE nope = 1', null, 'LINE 5: WHERE nope = 1'],
    ['a table-making cell', 'CREATE OR REPLACE TABLE silver.b AS\nSELECT\n  1 AS v,\n  nope AS w', 'silver.b', 'LINE 4:   nope AS w'],
    ['a syntax error in a second statement', 'SELECT 1;\nSELEC 2', null, 'LINE 2: SELEC 2'],
    ['after a string holding a line break', "SELECT 'a\nb', nope", null, "LINE 2: b', nope"],
  ])('%s', async (_, sql, defines, line) => {
    expect(await errorOf(sql, defines)).toContain(`\n${line}\n`);
  });
});
