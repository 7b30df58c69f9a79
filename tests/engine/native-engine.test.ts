/**
 * The same notebook on DuckDB-WASM and on native DuckDB (`@duckdb/node-api`, several
 * threads) gives the same tables: same columns, same Arrow types, same rows, decimals to
 * the last digit. Every layer is compared, sorted, as the JSON the runner writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { generateSample, type Sample } from '../../scripts/sample/index.ts';
import { createNativeEngine } from '../../src/engine/native-engine.ts';
import { arrowToJson } from '../../src/export/arrow-to-json.ts';
import { quoteQualified } from '../../src/engine/sql-quote.ts';
import type { EngineApi } from '../../src/engine/api.ts';
import { main } from '../../src/cli/main.ts';
import { runNotebookOn } from './run-notebook.ts';

let sample: Sample;
let wasm: Awaited<ReturnType<typeof runNotebookOn>>;
let native: Awaited<ReturnType<typeof runNotebookOn>>;
let work: string;

beforeAll(async () => {
  sample = generateSample({ seed: 11, scale: 0.3 });
  wasm = await runNotebookOn('notebooks/customer-360.md', sample.files);
  native = await runNotebookOn('notebooks/customer-360.md', sample.files, () =>
    createNativeEngine({ threads: 2 }),
  );
  work = await mkdtemp(path.join(tmpdir(), 'medallion-native-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A relation's rows in a fixed order, as the runner's JSON, with its Arrow schema. */
async function sorted(
  engine: EngineApi,
  relation: string,
): Promise<{ schema: string[]; json: string; rows: number }> {
  const table = tableFromIPC(await engine.query(`SELECT * FROM ${relation} ORDER BY ALL`));
  return {
    schema: table.schema.fields.map((f) => `${f.name}: ${f.type}`),
    json: arrowToJson(table),
    rows: table.numRows,
  };
}

describe('native DuckDB and DuckDB-WASM', () => {
  it('run every cell of the Customer 360 notebook to done', async () => {
    for (const run of [wasm, native]) {
      const notDone = run.runtime.notebook.cells
        .filter((c) => c.kind !== 'markdown' && run.runtime.state(c.id).status !== 'done')
        .map(
          (c) => `${c.id}: ${run.runtime.state(c.id).status} ${run.runtime.state(c.id).message}`,
        );
      expect(notDone).toEqual([]);
    }
    expect(await native.engine.info()).toMatchObject({ engine: 'native', threads: 2 });
    expect(await wasm.engine.info()).toMatchObject({ engine: 'wasm', threads: 1 });
  });

  it('agree on every table of every layer, row for row, with the same types', async () => {
    const tables = (await wasm.engine.catalog()).filter((t) =>
      ['bronze', 'silver', 'gold'].includes(t.schema),
    );
    expect((await native.engine.catalog()).map((t) => `${t.schema}.${t.name}`).sort()).toEqual(
      tables.map((t) => `${t.schema}.${t.name}`).sort(),
    );
    expect(tables.filter((t) => t.schema === 'gold').length).toBeGreaterThanOrEqual(6);
    for (const t of tables) {
      const relation = quoteQualified(`${t.schema}.${t.name}`);
      const [a, b] = await Promise.all([
        sorted(wasm.engine, relation),
        sorted(native.engine, relation),
      ]);
      expect({ table: relation, schema: b.schema, rows: b.rows }).toEqual({
        table: relation,
        schema: a.schema,
        rows: a.rows,
      });
      // One assertion per table so a difference names the table (and the diff stays short).
      expect(b.json === a.json, `${relation} differs`).toBe(true);
    }
  });

  it('keeps exact decimals and the plain file names on native', async () => {
    const [totals] = await native.rows(
      `SELECT sum(revenue)::VARCHAR AS revenue, sum(profit)::VARCHAR AS profit FROM gold.fact_sales`,
    );
    expect(totals).toEqual({ revenue: sample.truth.revenue, profit: sample.truth.profit });
    const files = await native.rows(
      `SELECT DISTINCT _source_file AS f FROM bronze.sales ORDER BY 1`,
    );
    expect(files.map((r) => r.f)).toEqual([
      'AW_Sales_2016 - Copy.csv',
      'AW_Sales_2016.csv',
      'AW_Sales_2017 - Copy.csv',
      'AW_Sales_2017.csv',
    ]);
  });

  it('send the same Arrow for every kind of value', async () => {
    const sql = `SELECT * FROM (VALUES
      (1::TINYINT, 2::SMALLINT, 3, 4::BIGINT, 5::HUGEINT, 6::UTINYINT, 7::UBIGINT, 1.5::FLOAT, 2.5::DOUBLE,
       -12.34::DECIMAL(4,2), 1234567.891::DECIMAL(18,3), -123456789012345678901.5::DECIMAL(38,1), true,
       DATE '1965-05-14', TIMESTAMP '2020-01-02 03:04:05.123456', TIME '01:02:03.5', 'héllo', [1, NULL, 3],
       {'a': 1, 'b': 'x'}, [{'name': 'q', 'type': 'VARCHAR'}], 'x'::BLOB),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
    ) AS t(ti, si, i, bi, hi, ut, ub, f, d, d1, d2, d3, b, dt, ts, tm, s, l, st, ls, bl)`;
    const [a, b] = await Promise.all([wasm.engine.query(sql), native.engine.query(sql)]);
    const ta = tableFromIPC(a);
    const tb = tableFromIPC(b);
    expect(tb.schema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual(
      ta.schema.fields.map((f) => `${f.name}: ${f.type}`),
    );
    const plain = (t: typeof ta) =>
      JSON.stringify(
        t.toArray().map((r) => r.toJSON()),
        (_, v) => (typeof v === 'bigint' ? `${v}n` : v),
      );
    expect(plain(tb)).toEqual(plain(ta));
  });

  it('count the rows of a query result the same way (none, some, more than a page)', async () => {
    for (const engine of [wasm.engine, native.engine]) {
      const run = (sql: string) => engine.run(sql, { defines: null, resultName: 'counted', previewRows: 10 });
      expect((await run('SELECT * FROM range(0)')).rows).toBe(0);
      expect((await run('SELECT 1 AS one')).rows).toBe(1);
      const many = await run('SELECT range AS i FROM range(123457)');
      expect(many.rows).toBe(123457);
      expect(tableFromIPC(many.preview).numRows).toBe(10);
      // A result that fits the preview is read whole (no LIMIT), one just over is cut to a page.
      const values = async (sql: string) => tableFromIPC((await run(sql)).preview).getChild('i')!.toArray();
      expect([...(await values('SELECT 10 - range AS i FROM range(10) ORDER BY i'))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(BigInt));
      expect((await values('SELECT range AS i FROM range(11)')).length).toBe(10);
    }
  });

  it('`medallion run --engine native` writes the same files as the WASM runner', async () => {
    const outputs: Record<string, Record<string, string>> = {};
    for (const engine of ['wasm', 'native']) {
      const out = path.join(work, engine);
      const args = ['run', 'customer-360', '--out', out, '--format', 'json', '--engine', engine];
      expect(await main(engine === 'native' ? [...args, '--threads', '2'] : args)).toBe(0);
      const files = (await readdir(out)).sort();
      outputs[engine] = Object.fromEntries(
        await Promise.all(
          files.map(
            async (f) => [f, sortedLines(await readFile(path.join(out, f), 'utf8'))] as const,
          ),
        ),
      );
    }
    expect(Object.keys(outputs['native']!)).toEqual(Object.keys(outputs['wasm']!));
    for (const file of Object.keys(outputs['wasm']!)) {
      expect(outputs['native']![file] === outputs['wasm']![file], `${file} differs`).toBe(true);
    }
  });

  it('refuses --threads on the WASM engine, which has one', async () => {
    expect(
      await main(['run', 'customer-360', '--out', path.join(work, 'x'), '--threads', '4']),
    ).toBe(1);
  });
});

/** JSON rows in a fixed order: tables written without ORDER BY may come out in any order. */
function sortedLines(json: string): string {
  return json
    .split('\n')
    .map((line) => line.replace(/,$/, ''))
    .sort()
    .join('\n');
}
