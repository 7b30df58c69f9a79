import { describe, expect, it } from 'vitest';
import { analyzeSql, layerOf } from '../../src/analysis/analyze-sql.ts';
import { splitStatements } from '../../src/analysis/sql-tokens.ts';

describe('analyzeSql', () => {
  const cases: [string, string, string | null, string[]][] = [
    ['plain CTAS', 'CREATE TABLE silver.customers AS SELECT * FROM bronze.customers', 'silver.customers', ['bronze.customers']],
    ['or replace, joins', 'create or replace table gold.fact_sales as select * from silver.sales s join silver.products p on s.k = p.k', 'gold.fact_sales', ['silver.sales', 'silver.products']],
    ['view, if not exists', 'CREATE VIEW IF NOT EXISTS gold.v AS SELECT 1 FROM gold.t', 'gold.v', ['gold.t']],
    ['temp table', 'CREATE TEMP TABLE silver.x AS SELECT 1', 'silver.x', []],
    ['a query defines nothing', 'SELECT * FROM gold.customer_360 ORDER BY 1', null, ['gold.customer_360']],
    ['strings are not references', "SELECT 'bronze.sales' AS s FROM silver.a", null, ['silver.a']],
    ['comments are not references', '-- from bronze.old\n/* silver.b */ SELECT 1 FROM silver.a', null, ['silver.a']],
    ['quoted identifiers are', 'SELECT * FROM "silver"."Customers"', null, ['silver.customers']],
    ['aliases are not', 'SELECT c.customer_key FROM silver.customers c', null, ['silver.customers']],
    ['schema.table.column counts once', 'SELECT gold.fact_sales.revenue FROM gold.fact_sales', null, ['gold.fact_sales']],
    ['self reference is not a dependency', 'CREATE OR REPLACE TABLE gold.t AS SELECT * FROM gold.t', 'gold.t', []],
    ['dollar-quoted strings', 'SELECT $$ gold.x $$ FROM gold.y', null, ['gold.y']],
    ['non-layer schemas ignored', 'SELECT * FROM information_schema.tables', null, []],
  ];
  it.each(cases)('%s', (_, sql, defines, references) => {
    const result = analyzeSql(sql);
    expect(result.defines).toBe(defines);
    expect(result.references).toEqual(references);
  });

  it('names the tables made after the first apart, not as tables read', () => {
    const result = analyzeSql('CREATE TABLE silver.a AS SELECT 1; CREATE OR REPLACE VIEW silver.b AS SELECT * FROM silver.a, gold.c');
    expect(result.defines).toBe('silver.a');
    expect(result.alsoDefines).toEqual(['silver.b']);
    expect(result.references).toEqual(['gold.c']);
  });

  it('collects $parameters', () => {
    expect(analyzeSql('SELECT * FROM gold.t WHERE gender = $gender AND y = $year OR g = $gender').params).toEqual(['gender', 'year']);
  });

  it('knows extra schemas when told', () => {
    expect(analyzeSql('SELECT * FROM staging.x', new Set(['staging'])).references).toEqual(['staging.x']);
  });

  it.each([
    ['silver.customers', 'silver'],
    ['gold.x', 'gold'],
    ['main.x', null],
    [null, null],
  ] as const)('layerOf(%s) = %s', (name, layer) => {
    expect(layerOf(name)).toBe(layer);
  });
});

describe('splitStatements', () => {
  it.each([
    ['SELECT 1', 1],
    ['SELECT 1; SELECT 2;', 2],
    ["SELECT ';' AS x; SELECT 2", 2],
    ['-- a; b\nSELECT 1', 1],
    [';;', 0],
  ])('%j has %i statements', (sql, count) => {
    expect(splitStatements(sql)).toHaveLength(count);
  });
});

describe('read-only queries (the runtime may send them alongside others)', () => {
  it.each([
    ['SELECT 1', true],
    ['select * from gold.x;', true],
    ['(SELECT 1) UNION ALL (SELECT 2)', true],
    ['WITH a AS (SELECT 1) SELECT * FROM a', true],
    ['-- a note\nFROM gold.x', true],
    ['SELECT 1; SELECT 2', false],
    ["SET VARIABLE x = 'a'; SELECT getvariable('x')", false],
    ['CREATE TABLE gold.x AS SELECT 1', false],
    ['INSERT INTO gold.x VALUES (1)', false],
    ['COPY gold.x TO \'x.csv\'', false],
    ['WITH a AS (SELECT 1) INSERT INTO gold.x SELECT * FROM a', false],
    ['SELECT "update", \'delete\' FROM gold.x', true],
    ['', false],
  ])('%j: %s', (sql, readOnly) => {
    expect(analyzeSql(sql).readOnly).toBe(readOnly);
  });
});
