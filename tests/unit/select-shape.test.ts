import { describe, expect, it } from 'vitest';
import { selectShape, sourceShape } from '../../src/analysis/select-shape.ts';

describe('select shape (for the cleaning report)', () => {
  it.each([
    ['expr AS alias', 'SELECT CAST(trim(a) AS INTEGER) AS a_int FROM bronze.t', [{ alias: 'a_int', expression: 'CAST(trim(a) AS INTEGER)', star: false }]],
    ['bare column', 'SELECT a FROM bronze.t', [{ alias: 'a', expression: 'a', star: false }]],
    ['qualified column', 'SELECT t.a FROM bronze.t t', [{ alias: 'a', expression: 't.a', star: false }]],
    ['alias without AS', 'SELECT trim(a) name FROM bronze.t', [{ alias: 'name', expression: 'trim(a)', star: false }]],
    ['CASE … END has no alias', 'SELECT CASE WHEN a THEN 1 END FROM bronze.t', [{ alias: null, expression: 'CASE WHEN a THEN 1 END', star: false }]],
    ['arithmetic has no alias', 'SELECT a * b FROM bronze.t', [{ alias: null, expression: 'a * b', star: false }]],
    ['quoted alias', 'SELECT x AS "Odd Name" FROM bronze.t', [{ alias: 'Odd Name', expression: 'x', star: false }]],
    ['star', 'SELECT * EXCLUDE (b) FROM bronze.t', [{ alias: null, expression: '* EXCLUDE (b)', star: true }]],
    ['table star', 'SELECT t.* FROM bronze.t t', [{ alias: null, expression: 't.*', star: true }]],
    [
      'commas inside calls do not split items',
      "SELECT coalesce(try_strptime(d, '%m/%d/%Y'), try_strptime(d, '%m-%d-%Y')) AS d, regexp_replace(x, '[$,]', '', 'g') AS x FROM bronze.t",
      [
        { alias: 'd', expression: "coalesce(try_strptime(d, '%m/%d/%Y'), try_strptime(d, '%m-%d-%Y'))", star: false },
        { alias: 'x', expression: "regexp_replace(x, '[$,]', '', 'g')", star: false },
      ],
    ],
  ] as const)('items: %s', (_, sql, items) => {
    expect(selectShape(sql)?.items).toEqual(items);
  });

  it('reads FROM, WHERE and the QUALIFY key of a CREATE … AS SELECT', () => {
    const shape = selectShape(`CREATE OR REPLACE TABLE silver.customers AS
      SELECT CAST(trim(CustomerKey) AS INTEGER) AS customer_key, trim(Email) AS email
      FROM bronze.customers AS c
      WHERE NULLIF(trim(CustomerKey), '') IS NOT NULL
      -- one row per customer
      QUALIFY row_number() OVER (PARTITION BY customer_key ORDER BY _source_file) = 1`);
    expect(shape).toMatchObject({
      distinct: false,
      from: { table: 'bronze.customers', alias: 'c' },
      joins: false,
      where: "NULLIF(trim(CustomerKey), '') IS NOT NULL",
      partitionBy: ['customer_key'],
    });
  });

  it.each([
    ['SELECT DISTINCT a, b FROM bronze.t', { distinct: true, joins: false, from: { table: 'bronze.t', alias: null } }],
    ['SELECT a FROM bronze.t JOIN bronze.u USING (a)', { joins: true }],
    ['SELECT a FROM bronze.t, bronze.u', { joins: true }],
    ['SELECT a FROM bronze.t WHERE a > 1 ORDER BY a', { where: 'a > 1' }],
    ['SELECT a FROM bronze.t WHERE (a > 1 OR b) GROUP BY a', { where: '(a > 1 OR b)' }],
    ["SELECT * FROM read_csv('x.csv')", { from: null }],
    ['SELECT a FROM bronze.t QUALIFY row_number() OVER (PARTITION BY lower(a), b) = 1', { partitionBy: ['lower(a)', 'b'] }],
  ] as const)('%s', (sql, expected) => {
    expect(selectShape(sql)).toMatchObject(expected);
  });

  it('the main SELECT is the shallowest one: CTE bodies are separate', () => {
    const shape = selectShape('CREATE TABLE silver.s AS WITH x AS (SELECT a FROM bronze.t) SELECT a AS b FROM x');
    expect(shape?.items).toEqual([{ alias: 'b', expression: 'a', star: false }]);
    expect(shape?.from).toEqual({ table: 'x', alias: null });
    expect([...shape!.ctes]).toEqual([['x', 'SELECT a FROM bronze.t']]);
  });

  it('sees through a CTE that only filters and deduplicates a bronze table', () => {
    const shape = sourceShape(`CREATE OR REPLACE TABLE silver.sales AS
      WITH lines AS (
        SELECT * FROM bronze.sales
        WHERE OrderNumber <> ''
        QUALIFY row_number() OVER (PARTITION BY trim(OrderNumber), trim(OrderLineItem) ORDER BY _source_file) = 1
      )
      SELECT trim(OrderNumber) AS order_number, CAST(trim(OrderLineItem) AS INTEGER) AS order_line
      FROM lines
      WHERE NULLIF(trim(OrderNumber), '') IS NOT NULL`);
    expect(shape).toMatchObject({
      from: { table: 'bronze.sales', alias: 'lines' },
      where: "(OrderNumber <> '') AND (NULLIF(trim(OrderNumber), '') IS NOT NULL)",
      partitionBy: ['trim(OrderNumber)', 'trim(OrderLineItem)'],
    });
  });

  it('leaves a CTE that reshapes rows alone', () => {
    const sql = 'CREATE TABLE silver.s AS WITH x AS (SELECT a, count(*) AS n FROM bronze.t GROUP BY a) SELECT a FROM x';
    expect(sourceShape(sql)?.from).toEqual({ table: 'x', alias: null });
  });

  it('no SELECT, no shape', () => {
    expect(selectShape('DROP TABLE x')).toBeNull();
    expect(selectShape('')).toBeNull();
  });
});
