/** New chart, card, slicer and test cells start from the result of the cell they are added under. */
import { describe, expect, it } from 'vitest';
import { nextLayerSql, starterSource, MENU_KINDS, type StartingPoint } from '../../src/ui/cell-templates.ts';
import { parseChartSpec } from '../../src/charts/chart-spec.ts';
import { parseKpiSpec } from '../../src/dashboard/kpi-spec.ts';
import { parseInputSpec } from '../../src/dashboard/input-spec.ts';
import { parseTestSpec } from '../../src/analysis/test-spec.ts';
import { parseBronzeSpec } from '../../src/analysis/bronze-spec.ts';

const customers: StartingPoint = {
  table: 'gold.customer_360',
  sql: 'CREATE OR REPLACE TABLE gold.customer_360 AS …',
  columns: [
    { name: 'customer_key', type: 'integer', distinct: 0 },
    { name: 'full_name', type: 'text', distinct: 200 },
    { name: 'birth_year', type: 'integer', distinct: 0 },
    { name: 'total_orders', type: 'integer', distinct: 0 },
    { name: 'country', type: 'text', distinct: 6 },
    { name: 'total_revenue', type: 'fractional', distinct: 0 },
  ],
};

describe('a cell added under a result', () => {
  it('charts the sum of its money column by its fewest-valued text column, in SQL', () => {
    const spec = parseChartSpec(starterSource('chart', customers));
    expect(spec.problems).toEqual([]);
    expect(spec.data).toBe('SELECT country, sum(total_revenue) AS total_revenue\nFROM gold.customer_360\nGROUP BY 1 ORDER BY 2 DESC LIMIT 20\n');
    expect(spec.channels).toEqual({ x: 'total_revenue', y: 'country' });
    expect(spec.title).toBe('Total revenue by country');
  });

  it('reads a query cell as a subquery, and quotes a column SQL cannot name bare', () => {
    const query: StartingPoint = {
      table: null,
      sql: 'SELECT region AS "Sales Region", amount FROM gold.t;',
      columns: [
        { name: 'Sales Region', type: 'text', distinct: 3 },
        { name: 'amount', type: 'integer', distinct: 0 },
      ],
    };
    const spec = parseChartSpec(starterSource('chart', query));
    expect(spec.data).toContain('SELECT "Sales Region", sum(amount) AS amount\nFROM (\n  SELECT region AS "Sales Region", amount FROM gold.t\n)');
    expect(spec.channels.y).toBe('Sales Region');
  });

  it('reads only the statement whose result the cell shows', () => {
    const query: StartingPoint = {
      table: null,
      sql: "SET VARIABLE cutoff = 10;\nSELECT shop, amount FROM gold.t WHERE amount > getvariable('cutoff');",
      columns: [
        { name: 'shop', type: 'text', distinct: 3 },
        { name: 'amount', type: 'fractional', distinct: 0 },
      ],
    };
    expect(parseChartSpec(starterSource('chart', query)).data).toContain(
      "FROM (\n  SELECT shop, amount FROM gold.t WHERE amount > getvariable('cutoff')\n)",
    );
  });

  it('makes a card, a slicer and tests of the same columns', () => {
    expect(parseKpiSpec(starterSource('kpi', customers))).toMatchObject({ label: 'Total revenue', problems: [] });
    const slicer = parseInputSpec(starterSource('input', customers));
    expect(slicer).toMatchObject({ name: 'country', label: 'Country', problems: [] });
    expect(slicer.optionsSql).toBe('SELECT DISTINCT country\nFROM gold.customer_360\nORDER BY 1\n');
    const tests = parseTestSpec(starterSource('test', customers));
    expect(tests.problems).toEqual([]);
    expect(tests.table).toBe('gold.customer_360');
  });

  it('gives a new slicer a parameter no input sets yet', () => {
    expect(parseInputSpec(starterSource('input', customers, new Set(['country', 'country_2']))).name).toBe('country_3');
    expect(parseInputSpec(starterSource('input', null, new Set(['country']))).name).toBe('country_2');
  });

  it('quotes names YAML would misread', () => {
    const odd: StartingPoint = {
      table: 'gold.t',
      sql: '',
      columns: [
        { name: 'Region: sales', type: 'text', distinct: 4 },
        { name: '# orders', type: 'fractional', distinct: 0 },
      ],
    };
    const spec = parseChartSpec(starterSource('chart', odd));
    expect(spec.problems).toEqual([]);
    expect(spec.channels).toEqual({ x: '# orders', y: 'Region: sales' });
    expect(spec.data).toContain('SELECT "Region: sales", sum("# orders") AS "# orders"');
  });

  it('starts as a valid example when there is no result to start from', () => {
    for (const kind of MENU_KINDS) {
      const source = starterSource(kind, null);
      const problems =
        kind === 'chart' ? parseChartSpec(source).problems
        : kind === 'kpi' ? parseKpiSpec(source).problems
        : kind === 'input' ? parseInputSpec(source).problems
        : kind === 'test' ? parseTestSpec(source).problems
        : parseBronzeSpec(source).problems;
      expect(problems, kind).toEqual([]);
    }
  });
});

describe('a SQL cell added under a table', () => {
  it('takes the next step of the medallion pattern', () => {
    const none = new Set<string>();
    expect(nextLayerSql('bronze.sales', none)).toBe('CREATE OR REPLACE TABLE silver.sales AS\nSELECT *\nFROM bronze.sales');
    expect(nextLayerSql('silver.sales', none)).toBe('CREATE OR REPLACE TABLE gold.sales AS\nSELECT *\nFROM silver.sales');
    expect(nextLayerSql('gold.fact_sales', none)).toBe('SELECT *\nFROM gold.fact_sales');
    expect(nextLayerSql(null, none)).toBe('');
  });

  it('queries the table instead when a cell makes the next one already', () => {
    expect(nextLayerSql('bronze.sales', new Set(['silver.sales']))).toBe('SELECT *\nFROM bronze.sales');
  });
});
