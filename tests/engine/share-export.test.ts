/**
 * Export on the real engine: a gold table to Parquet and back (read with hyparquet, since
 * DuckDB-WASM cannot read Parquet offline) gives the same rows; CSV reads back in DuckDB
 * to the same values; the gold layer zips into one Parquet file per table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { unzipSync } from 'fflate';
import { runNotebookOn } from './run-notebook.ts';
import { arrowToCsv, exportRelation, layerZip, relationTable } from '../../src/share/export.ts';
import { quoteQualified } from '../../src/engine/sql-quote.ts';

let run: Awaited<ReturnType<typeof runNotebookOn>>;

beforeAll(async () => {
  const names: string[] = JSON.parse(readFileSync('public/sample/manifest.json', 'utf8'));
  run = await runNotebookOn(
    'notebooks/customer-360.md',
    names.map((name) => ({ name, bytes: readFileSync(`public/sample/${name}`) })),
  );
});

/** DuckDB's own text of every value, for comparing without floats. */
async function textRows(table: string): Promise<Record<string, string | null>[]> {
  const columns = (await run.engine.catalog()).find(
    (t) => `${t.schema}.${t.name}` === table,
  )!.columns;
  const select = columns.map((c) => `CAST("${c.name}" AS VARCHAR) AS "${c.name}"`).join(', ');
  return (await run.rows(`SELECT ${select} FROM ${quoteQualified(table)}`)) as Record<
    string,
    string | null
  >[];
}

/** A Parquet value as DuckDB would print it (decimals to their scale, dates as YYYY-MM-DD). */
function parquetText(value: unknown, scale: number | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (scale !== undefined && typeof value === 'number') return value.toFixed(scale);
  return String(value);
}

describe('export', () => {
  it.each(['gold.fact_sales', 'gold.customer_360'])(
    '%s → Parquet → hyparquet gives the same rows',
    async (table) => {
      const blob = await exportRelation(run.engine, quoteQualified(table), 'parquet');
      const file = await blob.arrayBuffer();
      const metadata = parquetMetadata(file);
      const scales = new Map(
        metadata.schema.filter((s) => s.scale !== undefined).map((s) => [s.name, s.scale!]),
      );
      const rows = await parquetReadObjects({ file });
      const expected = await textRows(table);
      expect(rows.length).toBe(expected.length);
      expect(rows.length).toBeGreaterThan(100);
      const columns = Object.keys(expected[0]!);
      const actual = rows.map((row) =>
        Object.fromEntries(columns.map((c) => [c, parquetText(row[c], scales.get(c))])),
      );
      // DuckDB prints booleans as true/false and integers plainly, as String() does.
      expect(actual).toEqual(expected);
    },
  );

  it('CSV reads back in DuckDB to the same values, decimals exact', async () => {
    const table = 'gold.customer_360';
    const csv = arrowToCsv(await relationTable(run.engine, quoteQualified(table)));
    await run.engine.addFile('export-check.csv', new Blob([csv]));
    const columns = (await run.engine.catalog()).find(
      (t) => `${t.schema}.${t.name}` === table,
    )!.columns;
    const types = columns.map((c) => `'${c.name}': '${c.type}'`).join(', ');
    const diff = await run.rows(
      `SELECT count(*)::INT AS n FROM (
         (SELECT * FROM read_csv('export-check.csv', header = true, columns = {${types}}) EXCEPT ALL SELECT * FROM ${quoteQualified(table)})
         UNION ALL
         (SELECT * FROM ${quoteQualified(table)} EXCEPT ALL SELECT * FROM read_csv('export-check.csv', header = true, columns = {${types}})))`,
    );
    expect(diff[0]!['n']).toBe(0);
  });

  it('quotes what CSV needs quoted', async () => {
    const table = await relationTable(
      run.engine,
      `(SELECT * FROM (VALUES ('plain', 1.50::DECIMAL(10,2), DATE '2017-03-04'), ('a, "quoted"' || chr(10) || 'line', -0.05::DECIMAL(10,2), NULL), ('', NULL, NULL), (' padded', 12345678.99::DECIMAL(10,2), DATE '1999-12-31')) t(text, money, day))`,
    );
    expect(arrowToCsv(table)).toBe(
      'text,money,day\nplain,1.50,2017-03-04\n"a, ""quoted""\nline",-0.05,\n"",,\n" padded",12345678.99,1999-12-31\n',
    );
  });

  /** Types a notebook can make that Arrow hands to JavaScript as odd objects or rounded. */
  const ODD_TYPES = `(SELECT TIMESTAMP '2024-03-05 14:07:09.123456' AS at, TIMESTAMPTZ '2024-03-05 14:07:09+02' AS at_zone,
    TIME '13:45:01.5' AS clock, INTERVAL 3 DAY + INTERVAL 90 MINUTE AS span, 'x\\x00y'::BLOB AS bytes,
    0.1::FLOAT AS single, 18446744073709551615::UBIGINT AS huge_count, DATE '1899-12-31' AS day)`;

  it('CSV keeps what Arrow alone would lose: microseconds, zones, times, intervals, bytes, 32-bit floats', async () => {
    const csv = await (await exportRelation(run.engine, ODD_TYPES, 'csv')).text();
    expect(csv).toBe(
      'at,at_zone,clock,span,bytes,single,huge_count,day\n' +
        '2024-03-05 14:07:09.123456,2024-03-05 12:07:09+00,13:45:01.5,3 days 01:30:00,x\\x00y,0.1,18446744073709551615,1899-12-31\n',
    );
    await run.engine.addFile('odd-types.csv', new Blob([csv]));
    const described = await run.rows(`SELECT column_name AS c, column_type AS t FROM (DESCRIBE SELECT * FROM ${ODD_TYPES})`);
    const types = described.map((r) => `'${r['c']}': '${r['t']}'`).join(', ');
    const csvRows = `SELECT * FROM read_csv('odd-types.csv', header = true, columns = {${types}})`;
    const diff = await run.rows(
      `SELECT count(*)::INT AS n FROM ((${csvRows} EXCEPT ALL SELECT * FROM ${ODD_TYPES}) UNION ALL (SELECT * FROM ${ODD_TYPES} EXCEPT ALL ${csvRows}))`,
    );
    expect(diff[0]!['n']).toBe(0);
  });

  it('Parquet writes those it has no type for as DuckDB prints them, and a UBIGINT above 2^63 whole', async () => {
    const file = await (await exportRelation(run.engine, ODD_TYPES, 'parquet')).arrayBuffer();
    const [row] = await parquetReadObjects({ file });
    expect(row).toMatchObject({
      clock: '13:45:01.5',
      span: '3 days 01:30:00',
      bytes: 'x\\x00y',
      huge_count: '18446744073709551615',
      day: new Date('1899-12-31T00:00:00Z'),
    });
  });

  it('zips the whole gold layer, one Parquet file per table', async () => {
    const { blob, files } = await layerZip(run.engine, 'gold');
    const entries = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const gold = (await run.engine.catalog())
      .filter((t) => t.schema === 'gold')
      .map((t) => `gold.${t.name}.parquet`);
    expect(Object.keys(entries).sort()).toEqual(gold.sort());
    expect(files.sort()).toEqual(gold.sort());
    expect(gold).toContain('gold.customer_360.parquet');
    for (const [name, bytes] of Object.entries(entries)) {
      const table = name.replace(/\.parquet$/, '');
      const count = (await run.rows(`SELECT count(*)::INT AS n FROM ${quoteQualified(table)}`))[0]![
        'n'
      ];
      const buffer = bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength,
      ) as ArrayBuffer;
      expect(Number(parquetMetadata(buffer).num_rows)).toBe(count);
    }
  });
});
