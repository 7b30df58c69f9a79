import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { buildLineage } from '../../src/runtime/lineage.ts';
import { analyzeNotebook } from '../../src/analysis/analyze-notebook.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { IDLE, type CellState } from '../../src/runtime/cell-state.ts';

const NOTEBOOK = parseNotebook(
  [
    '```bronze id=b-sales\ntable: bronze.sales\nfiles: sales*.csv\n```',
    '```bronze id=b-people\ntable: bronze.people\nfiles: people.csv\n```',
    '```sql id=s-sales\nCREATE TABLE silver.sales AS SELECT * FROM bronze.sales\n```',
    '```sql id=g-rev\nCREATE TABLE gold.revenue AS SELECT * FROM silver.sales JOIN bronze.people USING (id)\n```',
    '```test id=t\ntable: gold.revenue\ntests:\n  - unique: id\n  - not_null: id\n```',
    '```sql id=q\nSELECT * FROM gold.revenue\n```',
  ].join('\n\n'),
);

const preview = tableFromArrays({ x: [1] });
const states: Record<string, Partial<CellState>> = {
  'b-sales': {
    status: 'done',
    result: { relation: '"bronze"."sales"', rows: 30, preview, elapsedMs: 1 },
    ingest: { table: 'bronze.sales', rows: 30, columns: [], elapsedMs: 1, files: [
      { file: 'sales_1.csv', rows: 10, encoding: 'utf-8', bom: false, dialect: null, columns: [], rejected: [], error: null },
      { file: 'sales_2.csv', rows: 20, encoding: 'utf-8', bom: false, dialect: null, columns: [], rejected: [], error: null },
    ] },
  },
  'g-rev': { status: 'done', result: { relation: '"gold"."revenue"', rows: 7, preview, elapsedMs: 1 } },
  t: { status: 'error', tests: [{ passed: true }, { passed: false }] as unknown as CellState['tests'] },
};

describe('lineage', () => {
  const lineage = buildLineage(NOTEBOOK.cells, analyzeNotebook(NOTEBOOK), ['sales_1.csv', 'sales_2.csv', 'other.csv'], (id) => ({ ...IDLE, ...states[id] }));
  const node = (id: string) => lineage.nodes.find((n) => n.id === id)!;

  it('files, tables and readers, each at a depth that points every edge right', () => {
    expect(lineage.nodes.map((n) => [n.id, n.kind, n.layer, n.depth])).toEqual([
      ['table:bronze.sales', 'table', 'bronze', 1],
      ['file:sales_1.csv', 'file', null, 0],
      ['file:sales_2.csv', 'file', null, 0],
      ['table:bronze.people', 'table', 'bronze', 1],
      ['file:people.csv', 'file', null, 0],
      ['table:silver.sales', 'table', 'silver', 2],
      ['table:gold.revenue', 'table', 'gold', 3],
      ['cell:q', 'query', null, 4],
    ]);
    expect(lineage.edges).toEqual([
      { from: 'file:sales_1.csv', to: 'table:bronze.sales' },
      { from: 'file:sales_2.csv', to: 'table:bronze.sales' },
      { from: 'file:people.csv', to: 'table:bronze.people' },
      { from: 'table:bronze.sales', to: 'table:silver.sales' },
      { from: 'table:silver.sales', to: 'table:gold.revenue' },
      { from: 'table:bronze.people', to: 'table:gold.revenue' },
      { from: 'table:gold.revenue', to: 'cell:q' },
    ]);
  });

  it('row counts, states, the cell to open, missing files, warnings and test outcomes', () => {
    expect(node('file:sales_2.csv')).toMatchObject({ rows: 20, cellId: 'b-sales', missing: false });
    expect(node('file:people.csv')).toMatchObject({ rows: null, missing: true, cellId: 'b-people' });
    expect(node('table:bronze.sales')).toMatchObject({ rows: 30, status: 'done' });
    expect(node('table:silver.sales')).toMatchObject({ rows: null, status: 'idle', tests: null });
    expect(node('table:gold.revenue')).toMatchObject({ rows: 7, cellId: 'g-rev', tests: { passed: 1, failed: 1 } });
    expect(node('table:gold.revenue').warnings).toEqual([expect.stringMatching(/^gold\.revenue reads bronze\.people directly/)]);
  });
});
