/**
 * The cleaning report of the Customer 360 silver cells on generated data: what it says
 * must match what the generator planted (files delivered twice, two birth-date forms,
 * NA genders), counted here independently from the CSV text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSample, type Sample } from '../../scripts/sample/index.ts';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import { runNotebookOn } from './run-notebook.ts';
import { editFiles, setField } from './sample-defects.ts';

let sample: Sample;
let run: Awaited<ReturnType<typeof runNotebookOn>>;

beforeAll(async () => {
  sample = generateSample({ seed: 3, scale: 0.05 });
  run = await runNotebookOn('notebooks/customer-360.md', sample.files);
});

/** BirthDate values of the customers file, read from its text. */
function birthDates(files: Sample['files']): string[] {
  const text = Buffer.from(files.find((f) => f.name === 'AW_Customers.csv')!.bytes).toString('latin1');
  return text
    .split('\r\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => l.split(',')[4]!);
}

describe('cleaning report', () => {
  it('silver.sales: the copies are identical files, and the duplicate lines removed are counted', async () => {
    const report = (await run.runtime.cleaningReport('silver-sales'))!;
    const salesRows = Object.entries(sample.truth.file_rows).filter(([f]) => f.startsWith('AW_Sales'));
    const rowsIn = salesRows.reduce((n, [, rows]) => n + rows, 0);
    expect(report).toMatchObject({
      table: 'silver.sales',
      sources: ['bronze.sales'],
      rowsIn,
      rowsOut: sample.truth.order_lines,
      rowsFiltered: 0,
      key: ['order_number', 'order_line'],
      distinctKeys: sample.truth.order_lines,
      duplicatesRemoved: rowsIn - sample.truth.order_lines,
    });
    expect(report.files).toEqual([
      { file: 'AW_Sales_2016 - Copy.csv', rows: sample.truth.file_rows['AW_Sales_2016.csv'], identicalTo: 'AW_Sales_2016.csv' },
      { file: 'AW_Sales_2016.csv', rows: sample.truth.file_rows['AW_Sales_2016.csv'], identicalTo: null },
      { file: 'AW_Sales_2017 - Copy.csv', rows: sample.truth.file_rows['AW_Sales_2017.csv'], identicalTo: 'AW_Sales_2017.csv' },
      { file: 'AW_Sales_2017.csv', rows: sample.truth.file_rows['AW_Sales_2017.csv'], identicalTo: null },
    ]);
    expect(report.notes[0]).toMatch(/^AW_Sales_2016 - Copy\.csv holds exactly the same [\d,]+ rows as AW_Sales_2016\.csv: these rows were loaded twice\.$/);
    expect(report.notes).toContain(
      `${(rowsIn - sample.truth.order_lines).toLocaleString('en-US')} duplicate rows removed: ${rowsIn.toLocaleString('en-US')} rows, ${sample.truth.order_lines.toLocaleString('en-US')} distinct (order_number, order_line).`,
    );
    // Order dates are day-first, which the values prove (some days are above 12).
    expect(report.before.find((c) => c.name === 'OrderDate')!.formats).toEqual([
      expect.objectContaining({ format: 'DD-MM-YYYY', count: rowsIn }),
    ]);
  });

  it('silver.customers: birth dates in two forms, the dashed one ambiguous on its own', async () => {
    const report = (await run.runtime.cleaningReport('silver-customers'))!;
    const values = birthDates(sample.files);
    const dashed = values.filter((v) => v.includes('-')).length;
    const formats = report.before.find((c) => c.name === 'BirthDate')!.formats!;
    expect(formats.map((f) => [f.format, f.count, f.ambiguous === f.count])).toEqual([
      ['M/D/YYYY', values.length - dashed, false],
      ['MM-DD-YYYY or DD-MM-YYYY', dashed, true],
    ]);
    expect(report.notes).toContainEqual(expect.stringMatching(/^BirthDate is written in 2 forms: M\/D\/YYYY \([\d,]+, e\.g\. \d+\/\d+\/\d{4}\), MM-DD-YYYY or DD-MM-YYYY/));
    expect(report.duplicatesRemoved).toBe(0);
  });

  it('silver.customers: schema before and after, each column traced to its raw column', async () => {
    const report = (await run.runtime.cleaningReport('silver-customers'))!;
    expect(report.before.every((c) => c.type === 'VARCHAR')).toBe(true);
    const after = Object.fromEntries(report.after.map((c) => [c.name, c]));
    expect(after['birth_date']).toMatchObject({ type: 'DATE', source: 'BirthDate', nulls: 0, failed: 0 });
    expect(after['annual_income']).toMatchObject({ type: 'DECIMAL(12,2)', source: 'AnnualIncome', failed: 0 });
    expect(after['customer_key']).toMatchObject({ type: 'INTEGER', source: 'CustomerKey' });
    expect(after['home_owner']).toMatchObject({ type: 'BOOLEAN', source: 'HomeOwner' });
    // NA is not a gender: non-empty raw text that became null, shown with its count.
    expect(after['gender']).toMatchObject({
      source: 'Gender',
      failed: sample.truth.customers_unknown_gender,
      nulls: sample.truth.customers_unknown_gender,
      failedExamples: [{ value: 'NA', count: sample.truth.customers_unknown_gender }],
    });
  });

  it('a birth date no format reads shows up as a failed cast, with the value', async () => {
    const files = editFiles(sample.files, ['AW_Customers.csv'], setField('BirthDate', 2, '31/12/1965'));
    const broken = await runNotebookOn('notebooks/customer-360.md', files);
    const report = (await broken.runtime.cleaningReport('silver-customers'))!;
    expect(report.after.find((c) => c.name === 'birth_date')).toMatchObject({
      nulls: 1,
      failed: 1,
      failedExamples: [{ value: '31/12/1965', count: 1 }],
    });
    expect(report.before.find((c) => c.name === 'BirthDate')!.formats![0]!.format).toBe('M/D/YYYY and D/M/YYYY mixed');
    expect(report.notes).toContain('birth_date: 1 non-empty BirthDate values became null (31/12/1965 ×1).');
  });

  it('only for cells that make a table from bronze', async () => {
    expect(await run.runtime.cleaningReport('gold-fact-sales')).toBeNull();
    expect(await run.runtime.cleaningReport('bronze-sales')).toBeNull();
    expect(await run.runtime.cleaningReport('silver-customers-tests')).toBeNull();
    expect(await run.runtime.cleaningReport('no-such-cell')).toBeNull();
  });
});

describe('cleaning report on hand-made tables', () => {
  it('WHERE, DISTINCT and a join each get their share of the story', async () => {
    const engine = await createNodeEngine();
    await engine.query(`
      CREATE TABLE bronze.raw AS SELECT * FROM (VALUES
        ('1', '10', 'a.csv'), ('1', '10', 'a.csv'), ('2', 'x', 'a.csv'), ('', '5', 'a.csv'), ('3', '', 'b.csv')
      ) t(id, amount, _source_file);
      CREATE TABLE bronze.other AS SELECT '1' AS id;
    `);
    const sql = `CREATE TABLE silver.clean AS SELECT DISTINCT CAST(id AS INTEGER) AS id, TRY_CAST(amount AS INTEGER) AS amount
                 FROM bronze.raw WHERE id <> ''`;
    await engine.run(sql, { defines: 'silver.clean', resultName: 'r', previewRows: 1 });
    const report = await engine.cleaningReport({ table: 'silver.clean', sql, sources: ['bronze.raw'] });
    expect(report).toMatchObject({ rowsIn: 5, rowsFiltered: 1, key: ['id', 'amount'], distinctKeys: 3, duplicatesRemoved: 1, rowsOut: 3 });
    expect(report.after.find((c) => c.name === 'amount')).toMatchObject({ source: 'amount', failed: 1, failedExamples: [{ value: 'x', count: 1 }], nulls: 2 });
    expect(report.before.find((c) => c.name === 'amount')).toMatchObject({ nonEmpty: 4, empty: 1, formats: null });
    expect(report.files).toEqual([
      { file: 'a.csv', rows: 4, identicalTo: null },
      { file: 'b.csv', rows: 1, identicalTo: null },
    ]);

    const joined = `CREATE TABLE silver.joined AS SELECT r.id FROM bronze.raw r JOIN bronze.other o USING (id)`;
    await engine.run(joined, { defines: 'silver.joined', resultName: 'r', previewRows: 1 });
    const two = await engine.cleaningReport({ table: 'silver.joined', sql: joined, sources: ['bronze.raw', 'bronze.other'] });
    expect(two).toMatchObject({ rowsIn: 6, rowsOut: 2, key: null, duplicatesRemoved: null, before: [] });
    expect(two.notes).toEqual(['bronze.raw and bronze.other: 6 rows in, silver.joined: 2 rows out.']);
  });
});
