import { describe, expect, it } from 'vitest';
import { matchesFilePattern, parseBronzeSpec } from '../../src/analysis/bronze-spec.ts';
import { bronzeTableName } from '../../src/runtime/bronze-names.ts';

describe('bronze cell spec', () => {
  it('reads table and files', () => {
    expect(parseBronzeSpec('table: bronze.sales\nfiles: AW_Sales*.csv, extra.csv\n# note')).toEqual({
      table: 'bronze.sales',
      files: ['AW_Sales*.csv', 'extra.csv'],
      problems: [],
    });
  });

  it.each([
    ['', /No "table:" line/],
    ['table: bronze.x', /No "files:" line/],
    ['table: not a name\nfiles: a.csv', /is not a table name/],
    ['table: bronze.x\nfiles: a.csv\nwhat', /not understood/],
  ])('explains %j', (source, problem) => {
    expect(parseBronzeSpec(source).problems.join(' ')).toMatch(problem);
  });

  it.each([
    ['AW_Sales_2016.csv', 'AW_Sales*.csv', true],
    ['AW_Sales_2016 - Copy.csv', 'AW_Sales*.csv', true],
    ['aw_sales_2016.csv', 'AW_Sales*.csv', true],
    ['AW_Customers.csv', 'AW_Sales*.csv', false],
    ['AW_Customers.csv', 'AW_Customers.csv', true],
    ['AW_Customers.csv.bak', 'AW_Customers.csv', false],
    ['a+b.csv', 'a+b.csv', true],
    ['x1.csv', 'x?.csv', true],
  ] as const)('%s matches %s: %s', (name, pattern, expected) => {
    expect(matchesFilePattern(name, pattern)).toBe(expected);
  });

  it.each([
    ['AW_Sales_2016 - Copy.csv', [], 'bronze.aw_sales_2016_copy'],
    ['2024 data.csv', [], 'bronze.t_2024_data'],
    ['orders.csv', ['bronze.orders'], 'bronze.orders_2'],
  ] as const)('names a dropped file %s → %s', (file, taken, name) => {
    expect(bronzeTableName(file, new Set(taken))).toBe(name);
  });
});
