/**
 * `medallion export-dbt`: the Customer 360 notebook as a dbt project — a model per table
 * in its layer's folder with the right ref() edges, sources for the bronze files, the data
 * tests as dbt tests — and SQL that really rebuilds the notebook's tables: compiled as
 * dbt-duckdb would (ref → schema.table, source → its external_location) and run on native
 * DuckDB over the bundled sample, it gives the same gold tables as the notebook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { tableFromIPC } from 'apache-arrow';
import { parseNotebook } from '../../src/notebook/format.ts';
import { analyzeNotebook } from '../../src/analysis/analyze-notebook.ts';
import { exportDbtProject, type DbtExport } from '../../src/export/dbt-project.ts';
import { createNativeEngine } from '../../src/engine/native-engine.ts';
import { arrowToJson } from '../../src/export/arrow-to-json.ts';
import { main } from '../../src/cli/main.ts';
import { SAMPLE_DIR } from '../../src/cli/locate.ts';
import { runNotebookOn } from './run-notebook.ts';
import type { EngineApi } from '../../src/engine/api.ts';

const notebook = parseNotebook(readFileSync('notebooks/customer-360.md', 'utf8'));
const analysis = analyzeNotebook(notebook);
let project: DbtExport;
let work: string;

beforeAll(async () => {
  project = exportDbtProject(notebook, {
    dataPath: SAMPLE_DIR,
    files: new Map([['AW_Customers.csv', 'latin-1']]),
  });
  work = await mkdtemp(path.join(tmpdir(), 'medallion-dbt-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const text = (file: string) => project.files.get(file) ?? '';
const refsIn = (sql: string) =>
  [...sql.matchAll(/\{\{ ref\('([a-z0-9_]+)'\) \}\}/g)].map((m) => m[1]!);

describe('export-dbt of the Customer 360 notebook', () => {
  it('has one model per table, in its layer folder, and leaves the dashboard out', () => {
    const tables = notebook.cells
      .map((c) => analysis.get(c.id)!)
      .filter((a) => a.defines && a.params.length === 0)
      .map((a) => a.defines!);
    expect(project.models.map((m) => m.table)).toEqual(tables);
    for (const model of project.models) {
      const [layer, table] = model.table.split('.');
      expect(model.path).toBe(`models/${layer}/${layer}_${table}.sql`);
      expect(text(model.path)).toContain(`alias='${table}'`);
      expect(text(model.path)).not.toMatch(/CREATE\s+(OR\s+REPLACE\s+)?TABLE/i);
    }
    expect(project.models.map((m) => m.table)).not.toContain('gold.filtered_sales');
    expect(text('README.md')).toMatch(/gold-filtered-sales.*\$gender/);
  });

  it('draws the notebook graph with ref() and source()', () => {
    const modelOf = (table: string) => table.replace('.', '_');
    for (const model of project.models) {
      const a = analysis.get(model.cell)!;
      const sql = text(model.path);
      if (model.layer === 'bronze') {
        expect(refsIn(sql)).toEqual([]);
        expect(sql).toContain(`{{ source('raw', '${model.table.split('.')[1]}') }}`);
      } else {
        expect(new Set(refsIn(sql))).toEqual(new Set(a.references.map(modelOf)));
      }
    }
    const c360 = project.models.find((m) => m.table === 'gold.customer_360')!;
    expect([...c360.refs].sort()).toEqual([
      'gold_dim_customers',
      'gold_dim_territory',
      'gold_fact_sales',
    ]);
    const sources = parse(text('models/bronze/sources.yml'));
    const sales = sources.sources[0].tables.find((t: { name: string }) => t.name === 'sales');
    expect(sales.meta.files).toEqual(['AW_Sales*.csv']);
    expect(sales.meta.external_location).toContain(
      "AW_Sales*.csv', all_varchar = true, filename = true, union_by_name = true",
    );
    const customers = sources.sources[0].tables.find(
      (t: { name: string }) => t.name === 'customers',
    );
    expect(customers.meta.external_location).toContain("encoding = 'latin-1'");
  });

  it('maps the data tests to dbt generic tests and singular tests', () => {
    const project_ = parse(text('dbt_project.yml'));
    expect(project_).toMatchObject({
      name: 'customer_360',
      'config-version': 2,
      profile: 'medallion',
    });
    expect(project_.models.customer_360.gold).toEqual({
      '+schema': 'gold',
      '+materialized': 'table',
    });
    const gold = parse(text('models/gold/schema.yml'));
    const fact = gold.models.find((m: { name: string }) => m.name === 'gold_fact_sales');
    const testsOf = (column: string) =>
      fact.columns.find((c: { name: string }) => c.name === column)?.data_tests;
    expect(testsOf('customer_key')).toContainEqual({
      relationships: { to: "ref('gold_dim_customers')", field: 'customer_key' },
    });
    expect(testsOf('customer_key')).toContainEqual('not_null');
    const silver = parse(text('models/silver/schema.yml'));
    const customers = silver.models.find((m: { name: string }) => m.name === 'silver_customers');
    expect(customers.columns.find((c: { name: string }) => c.name === 'gender').data_tests).toEqual(
      [{ accepted_values: { values: ['M', 'F'] } }],
    );
    // A key of two columns and an expectation become singular tests that list the offending rows.
    const unique = text('tests/gold_fact_sales__unique_order_number_order_line.sql');
    expect(unique).toContain("FROM {{ ref('gold_fact_sales') }}");
    expect(unique).toMatch(/HAVING count\(\*\) > 1/);
    expect(text('tests/gold_fact_sales__revenue_is_quantity_unit_price.sql')).toMatch(/IS FALSE/);
  });

  it('compiled as dbt-duckdb would, the models rebuild the notebook’s gold tables and the singular tests pass', async () => {
    const engine = await createNativeEngine({ threads: 2 });
    const sources = new Map<string, string>(
      parse(text('models/bronze/sources.yml')).sources[0].tables.map(
        (t: { name: string; meta: { external_location: string } }) => [
          t.name,
          t.meta.external_location,
        ],
      ),
    );
    const compile = (sql: string) =>
      sql
        .replace(/\{\{ config\([^)]*\) \}\}/g, '')
        .replace(/\{\{ ref\('([a-z]+)_([a-z0-9_]+)'\) \}\}/g, '$1.$2')
        .replace(/\{\{ source\('raw', '([a-z0-9_]+)'\) \}\}/g, (_, name: string) =>
          sources.get(name)!,
        );
    for (const model of project.models) {
      await engine.query(`CREATE OR REPLACE TABLE ${model.table} AS ${compile(text(model.path))}`);
    }
    for (const [file, sql] of project.files) {
      if (!file.startsWith('tests/')) continue;
      const failing = tableFromIPC(
        await engine.query(`SELECT count(*) AS n FROM (${compile(sql)}) AS t`),
      );
      expect({ file, failing: Number(failing.get(0)!['n']) }).toEqual({ file, failing: 0 });
    }

    const sample = (await readdir(SAMPLE_DIR))
      .filter((f) => f.startsWith('AW_'))
      .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(SAMPLE_DIR, f))) }));
    const run = await runNotebookOn('notebooks/customer-360.md', sample, () =>
      createNativeEngine({ threads: 2 }),
    );
    for (const model of project.models.filter((m) => m.layer === 'gold')) {
      const rows = async (e: EngineApi) =>
        arrowToJson(tableFromIPC(await e.query(`SELECT * FROM ${model.table} ORDER BY ALL`)));
      expect((await rows(engine)) === (await rows(run.engine)), `${model.table} differs`).toBe(
        true,
      );
    }
  });

  it('`medallion export-dbt` writes the project', async () => {
    const out = path.join(work, 'dbt');
    expect(await main(['export-dbt', 'customer-360', '--out', out])).toBe(0);
    const written = await readdir(path.join(out, 'models', 'gold'));
    expect(written).toContain('gold_customer_360.sql');
    expect(written).toContain('schema.yml');
    expect(await readFile(path.join(out, 'dbt_project.yml'), 'utf8')).toContain(
      'name: customer_360',
    );
    expect(await readFile(path.join(out, 'macros', 'generate_schema_name.sql'), 'utf8')).toContain(
      'generate_schema_name',
    );
  });
});
