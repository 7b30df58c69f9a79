import { describe, expect, it } from 'vitest';
import { parseTestSpec, testReferences } from '../../src/analysis/test-spec.ts';
import { analyzeNotebook } from '../../src/analysis/analyze-notebook.ts';
import { buildGraph, planRun } from '../../src/graph/dependency-graph.ts';
import { parseNotebook } from '../../src/notebook/format.ts';

const spec = (tests: string) => parseTestSpec(`table: gold.fact_sales\ntests:\n${tests}`);
const common = { hint: null, where: null };

describe('test cell declarations', () => {
  it.each([
    ['unique, one column', '  - unique: order_number', [{ kind: 'unique', columns: ['order_number'], name: 'unique (order_number)', ...common }]],
    [
      'unique, several columns form one key',
      '  - unique: [order_number, order_line]',
      [{ kind: 'unique', columns: ['order_number', 'order_line'], name: 'unique (order_number, order_line)', ...common }],
    ],
    [
      'not_null, one test per column',
      '  - not_null: [customer_key, revenue]',
      [
        { kind: 'not_null', column: 'customer_key', name: 'not_null (customer_key)', ...common },
        { kind: 'not_null', column: 'revenue', name: 'not_null (revenue)', ...common },
      ],
    ],
    [
      'relationships, field defaults to the column',
      '  - relationships: {column: customer_key, to: gold.dim_customers}',
      [{ kind: 'relationships', column: 'customer_key', to: 'gold.dim_customers', field: 'customer_key', name: 'relationships (customer_key → gold.dim_customers.customer_key)', ...common }],
    ],
    [
      'relationships with another field',
      '  - relationships: {column: order_date, to: gold.dim_date, field: date}',
      [{ kind: 'relationships', column: 'order_date', to: 'gold.dim_date', field: 'date', name: 'relationships (order_date → gold.dim_date.date)', ...common }],
    ],
    [
      'accepted_values keep YAML types',
      '  - accepted_values: {column: gender, values: [M, F, 1, true]}',
      [{ kind: 'accepted_values', column: 'gender', values: ['M', 'F', 1, true], name: 'accepted_values (gender: M, F, 1, true)', ...common }],
    ],
    ['row_count range', '  - row_count: {min: 1, max: 100}', [{ kind: 'row_count', min: 1, max: 100, name: 'row_count (1 to 100)', ...common }]],
    ['row_count minimum only', '  - row_count: {min: 1}', [{ kind: 'row_count', min: 1, max: null, name: 'row_count (at least 1)', ...common }]],
    [
      'expect with a name',
      '  - expect: {name: revenue is quantity × price, sql: "revenue = quantity * unit_price"}',
      [{ kind: 'expect', sql: 'revenue = quantity * unit_price', name: 'revenue is quantity × price', ...common }],
    ],
    ['expect as a bare condition', '  - expect: revenue >= 0', [{ kind: 'expect', sql: 'revenue >= 0', name: 'expect: revenue >= 0', ...common }]],
    [
      'query, multi-line',
      '  - query:\n      name: no gaps\n      sql: |\n        SELECT 1\n        WHERE false',
      [{ kind: 'query', sql: 'SELECT 1\nWHERE false', name: 'no gaps', ...common }],
    ],
    [
      'hint, where and name on any test',
      '  - not_null: birth_date\n    hint: Parse both forms.\n    where: total_orders > 0\n    name: buyers have birth dates',
      [{ kind: 'not_null', column: 'birth_date', name: 'buyers have birth dates', hint: 'Parse both forms.', where: 'total_orders > 0' }],
    ],
  ] as const)('%s', (_, tests, expected) => {
    const parsed = spec(tests);
    expect(parsed.problems).toEqual([]);
    expect(parsed.table).toBe('gold.fact_sales');
    expect(parsed.tests).toEqual(expected);
  });

  it.each([
    ['', /No "table:"/],
    ['table: gold.x', /No "tests:"/],
    ['table: not a table\ntests: []', /is not a table name/],
    ['table: gold.x\ntests: unique', /must be a list/],
    ['table: gold.x\ntests:\n  - uniq: id', /Test 1 has "uniq"; use one of unique, not_null/],
    ['table: gold.x\ntests:\n  - unique: id\n    not_null: id', /Test 1 has "unique", "not_null"/],
    ['table: gold.x\ntests:\n  - unique: []', /Test 1 \(unique\): name the column/],
    ['table: gold.x\ntests:\n  - relationships: {column: a}', /Test 1 \(relationships\): write \{column: customer_key, to:/],
    ['table: gold.x\ntests:\n  - relationships: {column: a, to: nowhere}', /"nowhere" is not a table name/],
    ['table: gold.x\ntests:\n  - accepted_values: {column: a}', /write \{column: name, values: \[a, b\]\}/],
    ['table: gold.x\ntests:\n  - row_count: {}', /write \{min: 1\}/],
    ['table: gold.x\ntests:\n  - expect: {name: x}', /a condition every row meets/],
    ['table: gold.x\ntests:\n  - just text', /Test 1 is not understood/],
    ['table: gold.x\ntests: [\n', /not valid YAML/],
    ['table: gold.x\nextra: 1\ntests: []', /"extra:" is not understood/],
  ])('explains %j', (source, problem) => {
    expect(parseTestSpec(source).problems.join(' ')).toMatch(problem);
  });

  it('a bad entry does not hide the good ones', () => {
    const parsed = spec('  - unique: id\n  - bogus: 1\n  - not_null: id');
    expect(parsed.tests.map((t) => t.kind)).toEqual(['unique', 'not_null']);
    expect(parsed.problems).toHaveLength(1);
  });

  it('references: the table, relationship targets and tables in custom SQL', () => {
    const parsed = spec(
      [
        '  - relationships: {column: customer_key, to: gold.dim_customers}',
        '  - query: {sql: "SELECT * FROM gold.customer_360 c JOIN silver.sales s USING (customer_key)"}',
        '  - expect: {sql: "customer_key IN (SELECT customer_key FROM silver.customers)"}',
        '  - not_null: revenue\n    where: product_key IN (SELECT product_key FROM gold.dim_products)',
      ].join('\n'),
    );
    expect(testReferences(parsed)).toEqual([
      'gold.fact_sales',
      'gold.dim_customers',
      'gold.customer_360',
      'silver.sales',
      'silver.customers',
      'gold.dim_products',
    ]);
  });

  it('a test cell runs after its tables and again when one of them changes', () => {
    const notebook = parseNotebook(
      [
        '```test id=t\ntable: gold.b\ntests:\n  - relationships: {column: k, to: gold.a}\n```',
        '```sql id=a\nCREATE TABLE gold.a AS SELECT 1 AS k\n```',
        '```sql id=b\nCREATE TABLE gold.b AS SELECT * FROM gold.a\n```',
      ].join('\n\n'),
    );
    const analysis = analyzeNotebook(notebook);
    expect(analysis.get('t')).toMatchObject({ defines: null, references: ['gold.b', 'gold.a'], problems: [], layer: null });
    const graph = buildGraph(notebook.cells.map((c) => ({ id: c.id, defines: analysis.get(c.id)!.defines, references: analysis.get(c.id)!.references })));
    expect(planRun(graph, ['t', 'a', 'b'])).toEqual(['a', 'b', 't']);
    expect(planRun(graph, ['a'])).toEqual(['a', 'b', 't']);
  });
});
