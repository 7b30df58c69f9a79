import { describe, expect, it } from 'vitest';
import { mergeKpiQueries } from '../../src/dashboard/kpi-merge.ts';

const ids = (queries: { id: string; sql: string }[]) => mergeKpiQueries(queries).map((group) => group.ids);

describe('mergeKpiQueries', () => {
  it('asks cards reading the same rows in one query, one column per card in their order', () => {
    const merged = mergeKpiQueries([
      { id: 'revenue', sql: 'SELECT sum(revenue) FROM gold.filtered_sales' },
      { id: 'orders', sql: 'select count(DISTINCT order_number)\nfrom   gold.filtered_sales' },
      { id: 'aov', sql: 'SELECT sum(revenue) / nullif(count(DISTINCT order_number), 0) AS value FROM gold.filtered_sales;' },
    ]);
    expect(merged).toEqual([
      {
        ids: ['revenue', 'orders', 'aov'],
        sql:
          'SELECT\n  (sum(revenue)) AS kpi_0,\n  (count(DISTINCT order_number)) AS kpi_1,\n' +
          '  (sum(revenue) / nullif(count(DISTINCT order_number), 0)) AS kpi_2\nFROM gold.filtered_sales',
      },
    ]);
  });

  it('groups by everything from FROM on, WHERE included, ignoring spacing and comments', () => {
    expect(
      ids([
        { id: 'a', sql: "SELECT sum(x) FROM t WHERE k = 'a'" },
        { id: 'b', sql: "SELECT max(x) FROM t WHERE k = 'b'" },
        { id: 'c', sql: "SELECT min(x) FROM t -- lowest\n WHERE k = 'a'" },
        { id: 'd', sql: 'SELECT count(*) FROM u' },
      ]),
    ).toEqual([['a', 'c']]);
  });

  it('keeps a query it cannot merge safely on its own', () => {
    const alone = [
      'SELECT sum(x), max(x) FROM t', // two columns: the card shows the first
      'SELECT * FROM t',
      'SELECT t.* FROM t',
      'SELECT COLUMNS(\'x.*\') FROM t',
      'SELECT DISTINCT x FROM t',
      'SELECT sum(x) total FROM t', // a bare alias
      'SELECT sum(x) FROM t GROUP BY k',
      'SELECT sum(x) FROM t ORDER BY 1 LIMIT 1',
      'SELECT sum(x) FROM t UNION ALL SELECT 1',
      'SELECT sum(x) FROM t USING SAMPLE 10%',
      'WITH s AS (SELECT 1 AS x) SELECT sum(x) FROM s',
      'SET VARIABLE a = 1; SELECT sum(x) FROM t',
      'SELECT 42',
      'SELECT sum(x)) FROM t',
    ];
    for (const sql of alone) {
      expect(ids([{ id: 'q', sql }, { id: 'r', sql: 'SELECT min(x) FROM t' }]), sql).toEqual([]);
    }
  });

  it('merges expressions holding FROM, AS or commas inside parentheses', () => {
    expect(
      ids([
        { id: 'a', sql: 'SELECT avg(x) FROM t WHERE k IN (SELECT k FROM u, v)' },
        { id: 'b', sql: 'SELECT max(extract(year FROM d)) FROM t WHERE k IN (SELECT k FROM u, v)' },
        { id: 'c', sql: 'SELECT CAST(sum(x) AS DOUBLE) FROM t WHERE k IN (SELECT k FROM u, v)' },
        { id: 'd', sql: 'SELECT CASE WHEN sum(x) > 0 THEN 1 ELSE 0 END FROM t WHERE k IN (SELECT k FROM u, v)' },
      ]),
    ).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('leaves a single card alone', () => {
    expect(ids([{ id: 'a', sql: 'SELECT sum(x) FROM t' }])).toEqual([]);
  });
});
