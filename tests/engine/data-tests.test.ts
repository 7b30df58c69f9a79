/** Each kind of data test on a small table: what passes, what fails, and which rows it shows. */
import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import type { DataTest, DataTestResult, EngineApi } from '../../src/engine/api.ts';
import { parseTestSpec } from '../../src/analysis/test-spec.ts';
import { SAMPLE_ROWS } from '../../src/engine/data-tests.ts';

let engine: EngineApi;

beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(`
    CREATE TABLE gold.customers AS SELECT * FROM (VALUES (1, 'M'), (2, 'F'), (3, NULL), (4, 'X')) t(customer_key, gender);
    CREATE TABLE gold.sales AS SELECT * FROM (VALUES
      ('SO1', 1, 1, 2, 10.00, 20.00),
      ('SO1', 2, 2, 1, 5.00, 5.00),
      ('SO2', 1, 9, 3, 1.00, 3.00),
      ('SO2', 1, 1, 1, 2.00, 2.50),
      ('SO3', 1, NULL, 1, 4.00, 4.00)
    ) t(order_number, order_line, customer_key, quantity, unit_price, revenue);
    CREATE TABLE gold.many AS SELECT i AS id, i % 2 AS half FROM range(100) t(i);
    CREATE TABLE gold.nulls AS SELECT * FROM (VALUES (NULL), (NULL), (1)) t(k);
  `);
});

const run = async (table: string, yaml: string): Promise<DataTestResult[]> => {
  const spec = parseTestSpec(`table: ${table}\ntests:\n${yaml}`);
  expect(spec.problems).toEqual([]);
  return engine.runTests(spec.table!, spec.tests);
};
const rowsOf = (result: DataTestResult) =>
  tableFromIPC(result.sample)
    .toArray()
    .map((r) => JSON.parse(JSON.stringify(r.toJSON(), (_, v) => (typeof v === 'bigint' ? Number(v) : v))));

describe('data tests on a real engine', () => {
  it.each([
    ['unique passes on a true key', 'gold.customers', '  - unique: customer_key', true, 0],
    ['unique fails on a repeated key', 'gold.sales', '  - unique: [order_number, order_line]', false, 1],
    ['unique ignores nulls (not_null is the test for them)', 'gold.nulls', '  - unique: k', true, 0],
    ['not_null fails on a null', 'gold.sales', '  - not_null: customer_key', false, 1],
    ['not_null passes', 'gold.sales', '  - not_null: order_number', true, 0],
    ['accepted_values fails on an unexpected value, nulls pass', 'gold.customers', '  - accepted_values: {column: gender, values: [M, F]}', false, 1],
    ['accepted_values passes', 'gold.customers', '  - accepted_values: {column: gender, values: [M, F, X]}', true, 0],
    ['relationships fails on an orphan, nulls pass', 'gold.sales', '  - relationships: {column: customer_key, to: gold.customers}', false, 1],
    ['row_count in range', 'gold.sales', '  - row_count: {min: 1, max: 5}', true, 0],
    ['row_count out of range', 'gold.sales', '  - row_count: {min: 6}', false, 1],
    ['expect fails rows where it is false', 'gold.sales', '  - expect: revenue = quantity * unit_price', false, 1],
    ['expect lets nulls pass (not_null is the test for them)', 'gold.sales', '  - expect: customer_key > 0', true, 0],
    ['query passes when it returns nothing', 'gold.sales', '  - query: SELECT * FROM gold.sales WHERE quantity < 1', true, 0],
    ['query fails with the rows it returns', 'gold.sales', '  - query: SELECT * FROM gold.sales WHERE quantity > 1', false, 2],
    ['where narrows the rows checked', 'gold.sales', "  - expect: revenue = quantity * unit_price\n    where: order_number <> 'SO2'", true, 0],
  ])('%s', async (_, table, yaml, passed, failures) => {
    const [result] = await run(table, yaml);
    expect(result).toMatchObject({ passed, failures, error: null, table });
    expect(tableFromIPC(result!.sample).numRows).toBe(Math.min(failures, SAMPLE_ROWS));
  });

  it('a failure says how many and shows the offending rows', async () => {
    const results = await run(
      'gold.sales',
      [
        '  - unique: [order_number, order_line]',
        '  - relationships: {column: customer_key, to: gold.customers}',
        '  - expect: {name: revenue is quantity × price, sql: revenue = quantity * unit_price}',
        '    hint: Multiply by the quantity.',
        '  - row_count: {min: 6}',
      ].join('\n'),
    );
    expect(results.map((r) => r.summary)).toEqual([
      '1 value of order_number + order_line occurs more than once in gold.sales (1 extra row).',
      '1 row of gold.sales has a customer_key not found in gold.customers.customer_key.',
      '1 row of gold.sales does not meet revenue = quantity * unit_price.',
      'gold.sales has 5 rows; expected at least 6.',
    ]);
    expect(rowsOf(results[0]!)).toEqual([{ order_number: 'SO2', order_line: 1, occurrences: 2 }]);
    expect(rowsOf(results[1]!)).toMatchObject([{ order_number: 'SO2', customer_key: 9 }]);
    expect(rowsOf(results[2]!)).toMatchObject([{ order_number: 'SO2', order_line: 1, customer_key: 1 }]);
    expect(results[2]!.hint).toBe('Multiply by the quantity.');
    expect(results[2]!.name).toBe('revenue is quantity × price');
  });

  it('accepted_values lists each unexpected value with its count', async () => {
    const [result] = await run('gold.customers', '  - accepted_values: {column: gender, values: [M]}');
    expect(result!.summary).toBe('2 unexpected values of gender in 2 rows; accepted: M.');
    expect(rowsOf(result!)).toEqual([
      { value: 'F', rows: 1 },
      { value: 'X', rows: 1 },
    ]);
  });

  it('keeps at most 20 offending rows but counts them all', async () => {
    const [result] = await run('gold.many', '  - expect: half = 0');
    expect(result).toMatchObject({ passed: false, failures: 50 });
    expect(tableFromIPC(result!.sample).numRows).toBe(20);
    expect(result!.summary).toBe('50 rows of gold.many do not meet half = 0.');
  });

  it('a test that cannot run fails with the reason, and the others still run', async () => {
    const results = await run('gold.sales', '  - not_null: no_such_column\n  - not_null: order_number');
    expect(results[0]).toMatchObject({ passed: false, failures: 0 });
    expect(results[0]!.error).toMatch(/no_such_column/);
    expect(results[0]!.summary).toMatch(/^The test could not run: .*no_such_column/);
    expect(results[1]).toMatchObject({ passed: true });
  });

  it('the SQL of each test lists the offending rows when pasted into a cell', async () => {
    const [result] = await run('gold.sales', '  - not_null: customer_key');
    const pasted = tableFromIPC(await engine.query(result!.sql));
    expect(pasted.numRows).toBe(1);
  });

  it('tests with a comment at the end of custom SQL still run', async () => {
    const tests: DataTest[] = [{ kind: 'expect', sql: 'quantity > 0 -- every line sells something', name: 'q', hint: null, where: null }];
    const [result] = await engine.runTests('gold.sales', tests);
    expect(result).toMatchObject({ passed: true, error: null });
  });
});
