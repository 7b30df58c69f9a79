/** `medallion test` as a user scripts it: a readable report and an exit code. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSample } from '../../scripts/sample/index.ts';
import { main } from '../../src/cli/main.ts';
import { editFiles, setField } from './sample-defects.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'medallion-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = (...args: unknown[]) => out.push(args.join(' '));
  console.error = (...args: unknown[]) => err.push(args.join(' '));
  try {
    return { code: await main(argv), out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

describe('medallion test', () => {
  it('passes on the bundled sample: every test listed, exit 0', async () => {
    const { code, out } = await capture(['test', 'customer-360']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Customer 360: data tests on /);
    expect(out).toMatch(/^gold\.fact_sales {2}\(test cell gold-fact-sales-tests\)$/m);
    expect(out).toMatch(/^ {2}pass {2}revenue is quantity × unit price$/m);
    expect(out).toMatch(/^medallion: (\d+) of \1 tests passed\.$/m);
    expect(out).not.toMatch(/FAIL/);
  });

  it('fails on planted defects: names the test, counts, shows offending rows and the hint, exit 1', async () => {
    const sample = generateSample({ seed: 9, scale: 0.03 });
    let files = editFiles(sample.files, ['AW_Customers.csv'], setField('BirthDate', 4, '1965.05.14'));
    files = editFiles(files, ['AW_Sales_2016.csv', 'AW_Sales_2016 - Copy.csv'], setField('ProductKey', 3, '9999'));
    const data = path.join(work, 'defects');
    await (await import('node:fs/promises')).mkdir(data, { recursive: true });
    for (const file of files) await writeFile(path.join(data, file.name), file.bytes);

    const { code, out } = await capture(['test', 'customer-360', '--data', data]);
    expect(code).toBe(1);
    expect(out).toContain('  FAIL  not_null (birth_date)\n        1 row of silver.customers has a null birth_date.\n        hint: Birth dates come in two month-first forms');
    expect(out).toMatch(/FAIL {2}relationships \(product_key → gold\.dim_products\.product_key\)\n {8}1 row of gold\.fact_sales has a product_key not found in gold\.dim_products\.product_key\./);
    // The offending rows, as a small table with a header line, the tested column first.
    expect(out).toMatch(/ {8}product_key \| order_number \| order_line +\| order_date .*\n {8}-+-\+-/);
    expect(out).toMatch(/^ {8}9999 +\| SO\d+/m);
    expect(out).toMatch(/^medallion: \d+ of \d+ tests passed, \d+ failed\.$/m);
  });

  it('exits 2 naming the missing files, as run does', async () => {
    const empty = path.join(work, 'empty');
    await (await import('node:fs/promises')).mkdir(empty, { recursive: true });
    const { code, err } = await capture(['test', 'medallion-101', '--data', empty]);
    expect(code).toBe(2);
    expect(err).toMatch(/Missing data: AW_Customers\.csv/);
  });

  it('is in the usage text', async () => {
    const { out } = await capture(['--help']);
    expect(out).toMatch(/medallion test NOTEBOOK \[--data DIR\]/);
  });
});
