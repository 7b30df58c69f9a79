import { describe, expect, it } from 'vitest';
import { fileOptions, setFileOptions } from '../../src/ui/bronze-options-edit.ts';
import { parseBronzeSpec } from '../../src/analysis/bronze-spec.ts';

const CELL = 'table: bronze.sales\n# the sales exports\nfiles: AW_Sales*.csv\noptions: {encoding: utf-8}';

describe('setFileOptions', () => {
  it('adds a line for the file after the other options, keeping comments', () => {
    const out = setFileOptions(CELL, 'AW_Sales_2016 - Copy.csv', { delimiter: ';', skip: 2 });
    expect(out).toBe(`${CELL}\noptions AW_Sales_2016 - Copy.csv: {delimiter: ";", skip: 2}`);
    const spec = parseBronzeSpec(out);
    expect(spec.problems).toEqual([]);
    expect(spec.options?.files).toEqual([{ pattern: 'AW_Sales_2016 - Copy.csv', options: { delimiter: ';', skip: 2 } }]);
    expect(spec.options?.all).toEqual({ encoding: 'utf-8' });
  });

  it('replaces the line for the same file, and removes it when nothing is left to set', () => {
    const once = setFileOptions(CELL, 'a.csv', { header: false });
    const twice = setFileOptions(once, 'A.CSV', { header: true, quote: '' });
    expect(twice.split('\n').filter((l) => l.startsWith('options a.csv'))).toEqual(['options a.csv: {quote: "", header: true}']);
    expect(fileOptions(twice, 'a.csv')).toEqual({ quote: '', header: true });
    expect(setFileOptions(twice, 'a.csv', null)).toBe(CELL);
    expect(setFileOptions(CELL, 'b.csv', {})).toBe(CELL);
  });

  it('puts the line after files: when the cell has no options yet', () => {
    const out = setFileOptions('table: bronze.x\nfiles: x.csv\nmaterialize: false', 'x.csv', { encoding: 'latin-1', delimiter: '\t' });
    expect(out).toBe('table: bronze.x\nfiles: x.csv\noptions x.csv: {encoding: latin-1, delimiter: tab}\nmaterialize: false');
    expect(parseBronzeSpec(out).options?.files?.[0]?.options).toEqual({ encoding: 'latin-1', delimiter: '\t' });
  });
});
