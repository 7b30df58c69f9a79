import { describe, expect, it } from 'vitest';
import { buildGraph, descendants, planRun, type CellDeps } from '../../src/graph/dependency-graph.ts';

const cell = (id: string, defines: string | null, references: string[] = []): CellDeps => ({ id, defines, references });

const medallion = [
  cell('b1', 'bronze.customers'),
  cell('b2', 'bronze.sales'),
  cell('s1', 'silver.customers', ['bronze.customers']),
  cell('s2', 'silver.sales', ['bronze.sales']),
  cell('g1', 'gold.customer_360', ['silver.customers', 'silver.sales']),
  cell('q', null, ['gold.customer_360']),
];

describe('dependency graph', () => {
  it('orders a medallion notebook parents first, notebook order breaking ties', () => {
    const graph = buildGraph(medallion);
    expect(planRun(graph, medallion.map((c) => c.id))).toEqual(['b1', 'b2', 's1', 's2', 'g1', 'q']);
  });

  it('orders cells written out of order', () => {
    const cells = [cell('g', 'gold.t', ['silver.t']), cell('s', 'silver.t', ['bronze.t']), cell('b', 'bronze.t')];
    expect(planRun(buildGraph(cells), ['g', 's', 'b'])).toEqual(['b', 's', 'g']);
  });

  const rerunCases: [string, string[], string[]][] = [
    ['a silver edit re-runs its gold descendants only', ['s2'], ['s2', 'g1', 'q']],
    ['a bronze edit re-runs its branch', ['b1'], ['b1', 's1', 'g1', 'q']],
    ['a leaf re-runs alone', ['q'], ['q']],
  ];
  it.each(rerunCases)('%s', (_, roots, plan) => {
    expect(planRun(buildGraph(medallion), roots)).toEqual(plan);
  });

  it('finds descendants', () => {
    expect([...descendants(buildGraph(medallion), ['s1'])].sort()).toEqual(['g1', 'q']);
  });

  it('reports a cycle in words and leaves it (and what is behind it) out of plans', () => {
    const cells = [cell('a', 'silver.a', ['silver.b']), cell('b', 'silver.b', ['silver.a']), cell('c', 'gold.c', ['silver.a']), cell('d', 'gold.d')];
    const graph = buildGraph(cells);
    expect([...graph.cyclic].sort()).toEqual(['a', 'b']);
    expect(graph.problems.get('a')?.[0]).toMatch(/cycle .*silver\.a.*silver\.b/);
    expect(graph.problems.has('c')).toBe(false);
    expect(planRun(graph, ['a', 'b', 'c', 'd'])).toEqual(['d']);
  });

  it('reports two cells defining one table', () => {
    const graph = buildGraph([cell('x', 'silver.t'), cell('y', 'silver.t')]);
    expect(graph.problems.get('y')?.[0]).toMatch(/silver\.t is already defined/);
    expect(graph.problems.has('x')).toBe(false);
  });

  it('reports a reference to a table no cell defines', () => {
    const graph = buildGraph([cell('x', 'gold.t', ['silver.missing'])]);
    expect(graph.problems.get('x')?.[0]).toMatch(/Reads silver\.missing, but no cell defines it/);
  });
});
