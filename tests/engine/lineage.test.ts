/** The lineage of the Customer 360 notebook after a run: every table, its layer, its rows. */
import { describe, expect, it } from 'vitest';
import { generateSample } from '../../scripts/sample/index.ts';
import { runNotebookOn } from './run-notebook.ts';

describe('lineage of Customer 360', () => {
  it('shows every file and table with its layer, rows and tests, edges pointing downstream', async () => {
    const sample = generateSample({ seed: 4, scale: 0.03 });
    const run = await runNotebookOn('notebooks/customer-360.md', sample.files);
    const { nodes, edges } = run.runtime.lineage();
    const tables = run.runtime.notebook.cells.map((c) => run.runtime.analysis.get(c.id)!.defines).filter((d) => d !== null);
    expect(nodes.filter((n) => n.kind === 'table').map((n) => n.label).sort()).toEqual([...tables].sort());
    for (const node of nodes.filter((n) => n.kind === 'table')) {
      expect(node.layer).toBe(node.label.split('.')[0]);
      expect(node.rows).toBeGreaterThan(0);
      expect(node.status).toBe('done');
    }
    const fileRows = Object.fromEntries(nodes.filter((n) => n.kind === 'file').map((n) => [n.label, n.rows]));
    expect(fileRows).toEqual(Object.fromEntries(sample.files.map((f) => [f.name, sample.truth.file_rows[f.name.replace(' - Copy', '')]])));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const e of edges) expect(byId.get(e.from)!.depth).toBeLessThan(byId.get(e.to)!.depth);
    expect(byId.get('table:silver.sales')).toMatchObject({ depth: 2, rows: sample.truth.order_lines, tests: { passed: 9, failed: 0 } });
    expect(byId.get('table:gold.fact_sales')!.tests).toEqual({ passed: 16, failed: 0 });
    expect(nodes.filter((n) => n.kind === 'chart').length).toBeGreaterThan(0);
  });
});
