/** The headless runner as a user scripts it: real files on disk, real output files. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, copyFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { main } from '../../src/cli/main.ts';

let work: string;
const truth = JSON.parse(await readFile('public/sample/truth.json', 'utf8'));

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'medallion-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('medallion run', () => {
  it('writes one JSON file per gold table: numbers as numbers, dates as YYYY-MM-DD', async () => {
    const out = path.join(work, 'json');
    expect(await main(['run', 'customer-360', '--out', out, '--format', 'json'])).toBe(0);
    const written = await readdir(out);
    // The contract's gold tables, and nothing from other layers.
    expect(written).toEqual(
      expect.arrayContaining([
        'gold.customer_360.json',
        'gold.dim_customers.json',
        'gold.dim_date.json',
        'gold.dim_products.json',
        'gold.dim_territory.json',
        'gold.fact_sales.json',
      ]),
    );
    expect(written.every((f) => f.startsWith('gold.'))).toBe(true);
    const customers = JSON.parse(await readFile(path.join(out, 'gold.customer_360.json'), 'utf8'));
    expect(customers).toHaveLength(truth.customers);
    const first = customers[0];
    expect(typeof first.total_revenue).toBe('number');
    expect(first.birth_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Exact decimal text in the file: sum the revenue strings with bigint, not floats.
    const raw = await readFile(path.join(out, 'gold.fact_sales.json'), 'utf8');
    const cents = [...raw.matchAll(/"revenue":(\d+)\.(\d{4})/g)].reduce(
      (sum, m) => sum + BigInt(m[1]! + m[2]!),
      0n,
    );
    expect(cents).toBe(BigInt(truth.revenue.replace('.', '')));
  });

  it('writes all layers as Parquet that reads back with the same rows', async () => {
    const out = path.join(work, 'parquet');
    expect(await main(['run', 'customer-360', '--out', out, '--format', 'parquet', '--layers', 'all'])).toBe(0);
    const files = await readdir(out);
    expect(files).toContain('bronze.sales.parquet');
    expect(files).toContain('silver.customers.parquet');
    const bytes = await readFile(path.join(out, 'gold.dim_territory.parquet'));
    const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
    expect(rows).toHaveLength(truth.territories);
    expect(rows.map((r) => r['country']).sort()).toContain('United States');
  });

  it('exits non-zero naming the file when an expected file is missing', async () => {
    const data = path.join(work, 'partial');
    await rm(data, { recursive: true, force: true });
    await (await import('node:fs/promises')).mkdir(data);
    await copyFile('public/sample/AW_Customers.csv', path.join(data, 'AW_Customers.csv'));
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      expect(await main(['run', 'customer-360', '--data', data, '--out', path.join(work, 'x')])).toBe(2);
    } finally {
      console.error = original;
    }
    expect(errors.join('\n')).toMatch(/Missing data: AW_Sales\*\.csv/);
  });
});

describe('medallion', () => {
  it('names a command it does not know, shows the usage and exits 2', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      expect(await main(['rnu', 'customer-360'])).toBe(2);
    } finally {
      console.error = original;
    }
    expect(errors.join('\n')).toMatch(/unknown command "rnu"[^]*Usage:[^]*medallion run NOTEBOOK/);
  });
});

describe('medallion ingest', () => {
  it('loads good files, reports a bad one, and never stops at it', async () => {
    const data = path.join(work, 'ingest-in');
    const out = path.join(work, 'ingest-out');
    await (await import('node:fs/promises')).mkdir(data, { recursive: true });
    await copyFile('public/sample/AW_Customers.csv', path.join(data, 'AW_Customers.csv'));
    await copyFile('public/sample/AW_Territory.csv', path.join(data, 'AW_Territory.csv'));
    // Binary junk with a .csv name: not a CSV at all.
    await writeFile(path.join(data, 'broken.csv'), new Uint8Array([0, 1, 2, 0, 0, 255, 0, 10, 0, 0, 34, 0]));
    const code = await main(['ingest', data, '--out', out]);
    expect(code).toBe(1);
    const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8'));
    const byFile = Object.fromEntries(report.map((r: { file: string }) => [r.file, r]));
    expect(byFile['AW_Customers.csv']).toMatchObject({ table: 'bronze.aw_customers', rows: truth.customers, encoding: 'latin-1', error: null });
    expect(byFile['AW_Customers.csv'].dialect).toMatchObject({ delimiter: ',', header: true });
    expect(byFile['AW_Territory.csv']).toMatchObject({ rows: 10, encoding: 'utf-8', bom: true });
    expect(byFile['broken.csv'].error).toMatch(/broken\.csv/);
    const csv = await readFile(path.join(out, 'bronze.aw_customers.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe(
      'CustomerKey,Prefix,FirstName,LastName,BirthDate,MaritalStatus,Gender,EmailAddress,AnnualIncome,TotalChildren,EducationLevel,Occupation,HomeOwner,_source_file',
    );
    expect(csv).toMatch(/É|Ñ|Á|Ö|Ç/); // Latin-1 names arrive as proper UTF-8 text
  });
});
