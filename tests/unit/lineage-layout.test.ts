import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { countCrossings, DEFAULT_LAYOUT, layoutLineage, spaced } from '../../src/ui/lineage-layout.ts';
import { buildLineage } from '../../src/runtime/lineage.ts';
import { analyzeNotebook } from '../../src/analysis/analyze-notebook.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { IDLE } from '../../src/runtime/cell-state.ts';

describe('spaced (isotonic placement)', () => {
  it('keeps wanted heights that are far enough apart', () => {
    expect(spaced([0, 100, 300], 50)).toEqual([0, 100, 300]);
  });
  it('pushes crowded nodes apart around their mean, keeping the order', () => {
    expect(spaced([100, 100], 50)).toEqual([75, 125]);
    expect(spaced([100, 90, 80], 10)).toEqual([80, 90, 100]);
  });
});

describe('layoutLineage', () => {
  it('untangles a crossing between two columns', () => {
    const nodes = ['a', 'b', 'x', 'y'].map((id) => ({ id, depth: id < 'c' ? 0 : 1 }));
    const edges = [
      { from: 'a', to: 'y' },
      { from: 'b', to: 'x' },
    ];
    const layout = layoutLineage(nodes, edges);
    expect(layout.crossings).toBe(0);
    const y = (id: string) => layout.positions.get(id)!.y;
    expect(Math.sign(y('a') - y('b'))).toBe(Math.sign(y('y') - y('x')));
  });

  it('lays out the Customer 360 notebook in columns by depth, no two boxes overlapping', () => {
    const notebook = parseNotebook(readFileSync('notebooks/customer-360.md', 'utf8'));
    const files = ['AW_Customers.csv', 'AW_Products.csv', 'AW_Product_Category.csv', 'AW_Product_Subcategory.csv',
      'AW_Territory.csv', 'AW_Sales_2016.csv', 'AW_Sales_2016 - Copy.csv', 'AW_Sales_2017.csv', 'AW_Sales_2017 - Copy.csv'];
    const lineage = buildLineage(notebook.cells, analyzeNotebook(notebook), files, () => IDLE);
    expect(lineage.nodes.length).toBeGreaterThan(30);
    const layout = layoutLineage(lineage.nodes, lineage.edges);
    const { nodeWidth, nodeHeight } = DEFAULT_LAYOUT;
    const boxes = lineage.nodes.map((n) => ({ ...layout.positions.get(n.id)!, depth: n.depth }));
    for (const node of lineage.nodes) {
      const p = layout.positions.get(node.id)!;
      expect(p.x + nodeWidth).toBeLessThanOrEqual(layout.width);
      expect(p.y + nodeHeight).toBeLessThanOrEqual(layout.height);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.x === b.x) expect(Math.abs(a.y - b.y)).toBeGreaterThanOrEqual(nodeHeight);
        else expect(Math.sign(a.x - b.x)).toBe(Math.sign(a.depth - b.depth));
      }
    }
    // Ordering must not make things worse than the notebook's own order.
    const columnOf = new Map(lineage.nodes.map((n) => [n.id, [...new Set(lineage.nodes.map((m) => m.depth))].sort((a, b) => a - b).indexOf(n.depth)]));
    const naive = layout.columns.map((c) => lineage.nodes.filter((n) => n.depth === c.depth).map((n) => n.id));
    expect(layout.crossings).toBeLessThanOrEqual(countCrossings(naive, lineage.edges, columnOf));
  });
});
