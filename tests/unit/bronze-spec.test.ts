import { describe, expect, it } from 'vitest';
import { fileNameOfUrl, formatBronzeSpec, matchesFilePattern, parseBronzeSpec, parseCsvOverrides } from '../../src/analysis/bronze-spec.ts';
import { bronzeTableName } from '../../src/runtime/bronze-names.ts';

describe('bronze cell spec', () => {
  it('reads table and files', () => {
    expect(parseBronzeSpec('table: bronze.sales\nfiles: AW_Sales*.csv, extra.csv\n# note')).toEqual({
      table: 'bronze.sales',
      files: ['AW_Sales*.csv', 'extra.csv'],
      urls: [],
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
    ['Ventes été.csv', [], 'bronze.ventes_ete'],
    ['Zoë Ñandú.csv', [], 'bronze.zoe_nandu'],
  ] as const)('names a dropped file %s → %s', (file, taken, name) => {
    expect(bronzeTableName(file, new Set(taken))).toBe(name);
  });

  it('reads options for all files and per file', () => {
    const spec = parseBronzeSpec(
      [
        'table: bronze.orders',
        'files: orders*.csv',
        'options: {delimiter: ";", encoding: latin-1, skip: 2, header: true}',
        'options orders 2019 - Copy.csv: {quote: "", delimiter: tab}',
      ].join('\n'),
    );
    expect(spec.problems).toEqual([]);
    expect(spec.options).toEqual({
      all: { delimiter: ';', encoding: 'latin-1', skip: 2, header: true },
      files: [{ pattern: 'orders 2019 - Copy.csv', options: { quote: '', delimiter: '\t' } }],
    });
  });

  it.each([
    ['{delimiter: ";"}', { delimiter: ';' }],
    ['{delimiter: semicolon}', { delimiter: ';' }],
    ['{delimiter: "\\t"}', { delimiter: '\t' }],
    ['{delimiter: "|"}', { delimiter: '|' }],
    ['{encoding: Windows-1252}', { encoding: 'latin-1' }],
    ['{encoding: utf8}', { encoding: 'utf-8' }],
    ['{quote: none, escape: "\\\\"}', { quote: '', escape: '\\' }],
    ['{header: false, skip: 0}', { header: false, skip: 0 }],
    ['delimiter: ";", skip: 1', { delimiter: ';', skip: 1 }],
  ] as const)('option values %s', (text, options) => {
    expect(parseCsvOverrides(text)).toEqual({ options, problems: [] });
  });

  it.each([
    ['{delim: ";"}', /"delim" is not an option/],
    ['{encoding: ebcdic}', /encoding "ebcdic" is not known/],
    ['{delimiter: ";;"}', /delimiter must be one character/],
    ['{skip: -1}', /skip must be a whole number/],
    ['{header: maybe}', /header must be true or false/],
    ['{quote: "ab"}', /quote must be one character/],
    ['{delimiter: ",', /write them as/],
  ])('explains option values %s', (text, problem) => {
    expect(parseCsvOverrides(text).problems.join(' ')).toMatch(problem);
  });

  it('says which file a bad option is for', () => {
    expect(parseBronzeSpec('table: bronze.x\nfiles: *.csv\noptions a.csv: {skip: x}').problems).toEqual([
      'Options for a.csv: skip must be a whole number of lines (0 or more).',
    ]);
  });

  it('writes options back in the form it reads', () => {
    const options = { all: { delimiter: ';', skip: 1 }, files: [{ pattern: 'b*.csv', options: { encoding: 'latin-1' as const, quote: '' } }] };
    const text = formatBronzeSpec('bronze.x', ['a.csv', 'b*.csv'], options);
    expect(text).toBe('table: bronze.x\nfiles: a.csv, b*.csv\noptions: {delimiter: ";", skip: 1}\noptions b*.csv: {encoding: latin-1, quote: ""}');
    expect(parseBronzeSpec(text)).toEqual({ table: 'bronze.x', files: ['a.csv', 'b*.csv'], urls: [], options, problems: [] });
    expect(formatBronzeSpec('bronze.x', ['a.csv'])).toBe('table: bronze.x\nfiles: a.csv');
  });
});

describe('bronze cell data URLs', () => {
  it('names each fetched file by the last segment of its URL; files default to them', () => {
    const spec = parseBronzeSpec(
      'table: bronze.sales\nurls: https://example.org/aw/AW_Sales_2016.csv, https://example.org/aw/AW%20Sales%202017.csv',
    );
    expect(spec.urls).toEqual([
      { name: 'AW_Sales_2016.csv', url: 'https://example.org/aw/AW_Sales_2016.csv' },
      { name: 'AW Sales 2017.csv', url: 'https://example.org/aw/AW%20Sales%202017.csv' },
    ]);
    expect(spec.files).toEqual(['AW_Sales_2016.csv', 'AW Sales 2017.csv']);
    expect(spec.problems).toEqual([]);
  });

  it('says when a URL is not http(s), or gives a file the files line does not read', () => {
    const spec = parseBronzeSpec('table: bronze.sales\nfiles: AW_Sales*.csv\nurls: ftp://x/AW_Sales.csv\nurl: https://example.org/customers.csv');
    expect(spec.problems).toEqual([
      '"ftp://x/AW_Sales.csv" is not an http(s) URL of a file.',
      'https://example.org/customers.csv gives the file customers.csv, which no "files:" entry names.',
    ]);
  });

  it('a URL ending in a slash names no file', () => {
    expect(fileNameOfUrl('https://example.org/data/')).toBeNull();
    expect(fileNameOfUrl('not a url')).toBeNull();
    expect(fileNameOfUrl('https://example.org/d/x.csv?raw=1')).toBe('x.csv');
  });
});
