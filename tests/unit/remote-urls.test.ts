import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import {
  networkRefusal,
  remoteUrlsInSql,
  remoteUrlsInText,
  remoteUrlsInValues,
  remoteUrlsOfCell,
} from '../../src/analysis/remote-urls.ts';
import { parseNotebook } from '../../src/notebook/format.ts';

describe('remote URLs a cell would read', () => {
  const cases: [string, string, string[]][] = [
    [
      'read_csv over https',
      "SELECT * FROM read_csv('https://example.com/x.csv')",
      ['https://example.com/x.csv'],
    ],
    [
      'a bare string as a table',
      "SELECT * FROM 'http://example.com/a.parquet'",
      ['http://example.com/a.parquet'],
    ],
    ['a quoted identifier', 'SELECT * FROM "s3://bucket/key.csv"', ['s3://bucket/key.csv']],
    [
      'a list of files, upper-case scheme',
      "FROM read_csv(['HTTPS://a/1.csv', 'gcs://b/2.csv'])",
      ['HTTPS://a/1.csv', 'gcs://b/2.csv'],
    ],
    ['hugging face', "ATTACH 'hf://datasets/x/y.db'", ['hf://datasets/x/y.db']],
    [
      'each once',
      "SELECT * FROM 'https://a/x.csv' UNION ALL SELECT * FROM 'https://a/x.csv'",
      ['https://a/x.csv'],
    ],
    ['a URL in a comment is not read', '-- from https://example.com/x.csv\nSELECT 1', []],
    ['a URL inside prose text is not a read', "SELECT 'see https://example.com' AS note", []],
    ['a local file', "SELECT * FROM read_csv('AW_Sales*.csv')", []],
    ['notebook tables', 'CREATE TABLE gold.x AS SELECT * FROM silver.sales', []],
    [
      'INSTALL downloads',
      'INSTALL spatial; LOAD spatial',
      ['extension spatial (downloaded from extensions.duckdb.org)'],
    ],
    [
      'FORCE INSTALL',
      'FORCE INSTALL httpfs',
      ['extension httpfs (downloaded from extensions.duckdb.org)'],
    ],
    [
      'turning autoinstall back on',
      'SET autoinstall_known_extensions = true',
      ['the setting autoinstall_known_extensions (extension downloads)'],
    ],
    [
      'SET GLOBAL custom repository',
      "SET GLOBAL custom_extension_repository = 'x'",
      ['the setting custom_extension_repository (extension downloads)'],
    ],
  ];
  it.each(cases)('%s', (_, sql, expected) => {
    expect(remoteUrlsInSql(sql)).toEqual(expected);
  });

  it('finds URLs in spec cells by their text', () => {
    expect(
      remoteUrlsInText('data: SELECT * FROM read_csv("https://x.org/a.csv")\ntitle: t'),
    ).toEqual(['https://x.org/a.csv']);
    expect(
      remoteUrlsOfCell({ id: 'c', kind: 'chart', source: "data: FROM 'https://x.org/b.csv'" }),
    ).toEqual(['https://x.org/b.csv']);
    expect(
      remoteUrlsOfCell({ id: 'm', kind: 'markdown', source: '[docs](https://duckdb.org)' }),
    ).toEqual([]);
  });

  it('finds URLs among input values', () => {
    expect(
      remoteUrlsInValues([
        'F',
        2017,
        null,
        ['https://a/x.csv', 'b'],
        's3://k',
        { from: '2016-01-01', to: '2016-02-01' },
      ]),
    ).toEqual(['https://a/x.csv', 's3://k']);
  });

  it.each(readdirSync('notebooks').filter((f) => f.endsWith('.md')))(
    '%s reads nothing from the network',
    (file) => {
      const notebook = parseNotebook(readFileSync(`notebooks/${file}`, 'utf8'));
      expect(notebook.cells.flatMap(remoteUrlsOfCell)).toEqual([]);
    },
  );

  it('says which URL and how to allow it', () => {
    expect(networkRefusal(['https://example.com/x.csv'])).toMatch(
      /https:\/\/example.com\/x.csv.*Allow network access/,
    );
  });
});
