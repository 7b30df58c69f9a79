import { describe, expect, it } from 'vitest';
import { bindParams, paramLiteral, setVariableSql, type ParamValue } from '../../src/analysis/params.ts';

describe('parameters', () => {
  it.each<[ParamValue, string]>([
    [null, 'NULL'],
    ['F', "'F'"],
    ["O'Brien", "'O''Brien'"],
    [2017, '2017'],
    [true, 'true'],
    [['France', 'Germany'], "['France', 'Germany']::VARCHAR[]"],
    [[], '[]::VARCHAR[]'],
    [{ from: '2016-01-01', to: '2016-12-31' }, "[DATE '2016-01-01', DATE '2016-12-31']"],
  ])('literal of %j is %s', (value, literal) => {
    expect(paramLiteral(value)).toBe(literal);
  });

  it('reads every use from its variable and leaves strings and comments alone', () => {
    const sql = "SELECT '$gender' AS s -- $gender\nFROM t WHERE ($gender IS NULL OR g = $gender)";
    expect(bindParams(sql, new Map([['gender', 'F']]))).toBe(
      "SELECT '$gender' AS s -- $gender\nFROM t WHERE (getvariable('gender') IS NULL OR g = getvariable('gender'))",
    );
  });

  it('sets variables with quoted literals, so a value cannot inject SQL', () => {
    expect(setVariableSql('country', "x'; DROP TABLE t; --")).toBe("SET VARIABLE country = 'x''; DROP TABLE t; --'");
  });

  it('names an unknown parameter', () => {
    expect(() => bindParams('SELECT $nope', new Map())).toThrow(/\$nope/);
  });

  it('refuses a malformed date', () => {
    expect(() => paramLiteral({ from: '2016-01-01', to: "2016'); DROP" })).toThrow(/not a date/);
  });
});
