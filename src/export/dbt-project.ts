/**
 * A notebook → a dbt project, so the pipeline can move to a warehouse or a Spark cluster.
 * Pure: returns the files as text; `medallion export-dbt` writes them.
 *
 * Following dbt's conventions:
 * - `dbt_project.yml` with one folder per layer (`models/bronze|silver|gold`), each going to
 *   the schema of that name (a `generate_schema_name` macro keeps the names as they are);
 * - one model per table, named `<layer>_<table>` because dbt model names must be unique
 *   across folders (`bronze.sales` and `silver.sales` both exist), with an alias so the
 *   relation keeps the notebook's name; the `CREATE OR REPLACE TABLE x AS` wrapper is
 *   stripped (dbt materialises), and notebook tables become `{{ ref('…') }}`;
 * - bronze models read `{{ source('raw', '<table>') }}`, described in
 *   `models/bronze/sources.yml` (for dbt-duckdb, with an `external_location` reading the CSVs
 *   as the notebook does: every column as text, the file name kept);
 * - the notebook's data tests in `models/<layer>/schema.yml` as dbt's generic tests
 *   (unique, not_null, accepted_values, relationships) and the others as singular tests in
 *   `tests/`;
 * - queries that define nothing go to `analyses/`; dashboard cells (`$parameters`, charts,
 *   KPIs, inputs) are left out, and the README says which and why.
 * The SQL stays DuckDB's dialect, so the project runs as is on dbt-duckdb.
 */
import { stringify } from 'yaml';
import type { DataTest, TextEncoding } from '../engine/api.ts';
import type { Notebook } from '../notebook/types.ts';
import { notebookTitle } from '../notebook/types.ts';
import { analyzeNotebook } from '../analysis/analyze-notebook.ts';
import { parseBronzeSpec, matchesFilePattern } from '../analysis/bronze-spec.ts';
import { parseTestSpec } from '../analysis/test-spec.ts';
import { splitStatements, tokenizeSql, type Token } from '../analysis/sql-tokens.ts';
import { failingRowsSql } from '../engine/data-tests.ts';
import { quoteLiteral } from '../engine/sql-quote.ts';

export interface DbtModel {
  /** The dbt model name, `silver_sales`. */
  readonly name: string;
  /** The notebook table, `silver.sales`. */
  readonly table: string;
  readonly layer: string;
  readonly path: string;
  readonly materialized: 'table' | 'view';
  /** Models it reads through `ref()`. */
  readonly refs: readonly string[];
  /** Source tables it reads through `source('raw', …)`. */
  readonly sources: readonly string[];
  readonly cell: string;
}

export interface DbtExport {
  readonly projectName: string;
  /** Relative path → file text. */
  readonly files: ReadonlyMap<string, string>;
  readonly models: readonly DbtModel[];
  /** Cells left out, and why. */
  readonly skipped: readonly { readonly cell: string; readonly reason: string }[];
}

export interface DbtExportOptions {
  /** Where the CSV files will be, relative to the project (default `data`). */
  readonly dataPath?: string;
  /** Files the notebook reads, by name, with their detected encodings (from `--data`). */
  readonly files?: ReadonlyMap<string, TextEncoding>;
}

interface ColumnTests {
  [column: string]: unknown[];
}

export function exportDbtProject(notebook: Notebook, options: DbtExportOptions = {}): DbtExport {
  const dataPath = options.dataPath ?? 'data';
  const projectName = snake(notebookTitle(notebook)) || 'medallion_notebook';
  const analysis = analyzeNotebook(notebook);
  const files = new Map<string, string>();
  const models: DbtModel[] = [];
  const skipped: { cell: string; reason: string }[] = [];
  const modelOf = new Map<string, string>(); // notebook table → model name
  const sources: Record<string, unknown>[] = [];
  const notes: string[] = [];

  // Every table a cell defines gets a model name first, so any cell can ref() any other.
  for (const cell of notebook.cells) {
    const defines = analysis.get(cell.id)?.defines;
    if (
      (cell.kind === 'sql' || cell.kind === 'bronze') &&
      defines &&
      !analysis.get(cell.id)!.params.length
    ) {
      modelOf.set(defines, modelName(defines));
    }
  }

  for (const cell of notebook.cells) {
    const a = analysis.get(cell.id)!;
    if (cell.kind === 'bronze') {
      const spec = parseBronzeSpec(cell.source);
      if (!spec.table) {
        skipped.push({ cell: cell.id, reason: 'the bronze cell names no table' });
        continue;
      }
      const [layer, table] = spec.table.split('.') as [string, string];
      const name = modelOf.get(spec.table)!;
      const materialized = spec.options?.materialize === false ? 'view' : 'table';
      const location = readCsvCall(
        spec.files,
        dataPath,
        spec.options?.all ?? {},
        encodingOf(spec.files, options.files),
      );
      if ((spec.options?.files ?? []).length > 0) {
        notes.push(
          `\`${spec.table}\`: the cell sets options for some files only (${spec.options!.files!.map((f) => f.pattern).join(', ')}); one \`read_csv\` cannot, so check \`sources.yml\`.`,
        );
      }
      sources.push({
        name: table,
        description: `${spec.files.join(', ')}: the files behind ${spec.table}, read as they came (every column as text).`,
        meta: { files: [...spec.files], external_location: location },
      });
      const sql = [
        `{{ config(alias=${quoteLiteral(table)}, materialized=${quoteLiteral(materialized)}) }}`,
        `-- ${spec.table}: ${spec.files.join(', ')} as they came: every value as text, plus the file each row came from.`,
        `select * exclude (filename), parse_filename(filename) as _source_file`,
        `from {{ source('raw', ${quoteLiteral(table)}) }}`,
        '',
      ].join('\n');
      const path = `models/${layer}/${name}.sql`;
      files.set(path, sql);
      models.push({
        name,
        table: spec.table,
        layer,
        path,
        materialized,
        refs: [],
        sources: [table],
        cell: cell.id,
      });
    } else if (cell.kind === 'sql') {
      if (a.params.length > 0) {
        skipped.push({
          cell: cell.id,
          reason: `uses ${a.params.map((p) => `$${p}`).join(', ')}, set by the dashboard's slicers`,
        });
        continue;
      }
      const statements = splitStatements(cell.source);
      if (statements.length !== 1) {
        skipped.push({
          cell: cell.id,
          reason: `has ${statements.length} statements; a dbt model is one SELECT`,
        });
        continue;
      }
      const statement = cell.source.slice(statements[0]!.start, statements[0]!.end);
      if (!a.defines) {
        const body = withRefs(statement, modelOf);
        files.set(
          `analyses/${snake(cell.id)}.sql`,
          `-- Query cell ${cell.id} (compiled by dbt, not run).\n${body.sql}\n`,
        );
        continue;
      }
      const select = selectOf(statement);
      if (!select) {
        skipped.push({ cell: cell.id, reason: `is not a CREATE TABLE/VIEW … AS SELECT` });
        continue;
      }
      const [layer, table] = a.defines.split('.') as [string, string];
      const name = modelOf.get(a.defines)!;
      const body = withRefs(select.body, modelOf);
      const sql = [
        `{{ config(alias=${quoteLiteral(table)}, materialized=${quoteLiteral(select.kind)}) }}`,
        `-- ${a.defines} (notebook cell ${cell.id})`,
        body.sql.trim(),
        '',
      ].join('\n');
      const path = `models/${layer}/${name}.sql`;
      files.set(path, sql);
      models.push({
        name,
        table: a.defines,
        layer,
        path,
        materialized: select.kind,
        refs: body.refs,
        sources: [],
        cell: cell.id,
      });
    } else if (cell.kind !== 'test' && cell.kind !== 'markdown') {
      skipped.push({
        cell: cell.id,
        reason: `${cell.kind} cell: the dashboard is not part of the dbt project`,
      });
    }
  }

  // Data tests: generic ones in schema.yml, the others as singular tests.
  const columnTests = new Map<string, ColumnTests>();
  const singular = new Set<string>();
  for (const cell of notebook.cells) {
    if (cell.kind !== 'test') continue;
    const spec = parseTestSpec(cell.source);
    const model = spec.table ? modelOf.get(spec.table) : undefined;
    if (!spec.table || !model) {
      skipped.push({
        cell: cell.id,
        reason: `tests ${spec.table ?? 'no table'}, which is not a model`,
      });
      continue;
    }
    for (const test of spec.tests) {
      const generic = genericTest(test, modelOf);
      if (generic) {
        const tests = columnTests.get(model) ?? {};
        (tests[generic.column] ??= []).push(generic.test);
        columnTests.set(model, tests);
        continue;
      }
      const sql = withRefs(failingRowsSql(spec.table, test), modelOf);
      let file = `tests/${model}__${snake(test.name) || test.kind}`;
      for (let n = 2; singular.has(file); n++) file = `${file.replace(/_\d+$/, '')}_${n}`;
      singular.add(file);
      const header = [
        `-- ${spec.table}: ${test.name} (notebook cell ${cell.id}). Passes when it returns no rows.`,
      ];
      if (test.hint) header.push(`-- Hint: ${test.hint.replace(/\n/g, ' ')}`);
      files.set(`${file}.sql`, `${header.join('\n')}\n${sql.sql.trim()}\n`);
    }
  }

  for (const layer of [...new Set(models.map((m) => m.layer))]) {
    const entries = models
      .filter((m) => m.layer === layer)
      .map((m) => {
        const tests = columnTests.get(m.name) ?? {};
        const columns = Object.entries(tests).map(([name, data_tests]) => ({ name, data_tests }));
        return {
          name: m.name,
          description: `${m.table}, from notebook cell ${m.cell}.`,
          ...(columns.length > 0 ? { columns } : {}),
        };
      });
    files.set(
      `models/${layer}/schema.yml`,
      stringify({ version: 2, models: entries }, { lineWidth: 0 }),
    );
  }
  if (sources.length > 0) {
    files.set(
      'models/bronze/sources.yml',
      stringify(
        {
          version: 2,
          sources: [
            {
              name: 'raw',
              description: `The CSV files the notebook reads, expected in ${dataPath}/ (see README.md).`,
              tables: sources,
            },
          ],
        },
        { lineWidth: 0 },
      ),
    );
  }

  const layers = [...new Set(models.map((m) => m.layer))];
  files.set(
    'dbt_project.yml',
    stringify(
      {
        name: projectName,
        version: '1.0.0',
        'config-version': 2,
        profile: 'medallion',
        'model-paths': ['models'],
        'analysis-paths': ['analyses'],
        'test-paths': ['tests'],
        'macro-paths': ['macros'],
        'clean-targets': ['target', 'dbt_packages'],
        models: {
          [projectName]: Object.fromEntries(
            layers.map((l) => [l, { '+schema': l, '+materialized': 'table' }]),
          ),
        },
      },
      { lineWidth: 0 },
    ),
  );
  files.set(
    'macros/generate_schema_name.sql',
    [
      '-- Tables go to the schema named in dbt_project.yml (bronze, silver, gold) as the notebook',
      "-- has them, not to dbt's default <target schema>_<schema>.",
      '{% macro generate_schema_name(custom_schema_name, node) -%}',
      '  {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}',
      '{%- endmacro %}',
      '',
    ].join('\n'),
  );
  files.set(
    'profiles.yml',
    stringify({
      medallion: {
        target: 'dev',
        outputs: { dev: { type: 'duckdb', path: `${projectName}.duckdb`, threads: 4 } },
      },
    }),
  );
  files.set(
    'README.md',
    readme(notebookTitle(notebook), projectName, dataPath, models, skipped, notes, options.files),
  );
  return { projectName, files, models, skipped };
}

/** `CREATE [OR REPLACE] [TEMP] TABLE|VIEW [IF NOT EXISTS] name AS <select>` → the select. */
export function selectOf(statement: string): { kind: 'table' | 'view'; body: string } | null {
  const tokens = tokenizeSql(statement);
  let i = 0;
  const word = (text: string) =>
    tokens[i]?.kind === 'word' && tokens[i]!.text.toLowerCase() === text;
  if (!word('create')) return null;
  i++;
  if (word('or')) i += 2;
  if (word('temp') || word('temporary')) i++;
  let kind: 'table' | 'view';
  if (word('table')) kind = 'table';
  else if (word('view')) kind = 'view';
  else return null;
  i++;
  if (word('if')) i += 3;
  // schema . name
  i += tokens[i + 1]?.text === '.' ? 3 : 1;
  if (!word('as')) return null;
  return { kind, body: statement.slice(tokens[i]!.end) };
}

/** Replaces notebook tables (`silver.sales`, `"silver"."sales"`) by `{{ ref('silver_sales') }}`. */
export function withRefs(
  sql: string,
  modelOf: ReadonlyMap<string, string>,
): { sql: string; refs: string[] } {
  const tokens = tokenizeSql(sql);
  const refs: string[] = [];
  let out = '';
  let at = 0;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, dot, b] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (!isName(a) || dot.text !== '.' || dot.kind !== 'symbol' || !isName(b)) continue;
    if (i > 0 && tokens[i - 1]!.kind === 'symbol' && tokens[i - 1]!.text === '.') continue; // db.schema.table: leave it
    const model = modelOf.get(`${a.text.toLowerCase()}.${b.text.toLowerCase()}`);
    if (!model) continue;
    out += sql.slice(at, a.start) + `{{ ref(${quoteLiteral(model)}) }}`;
    at = b.end;
    if (!refs.includes(model)) refs.push(model);
    i += 2;
  }
  return { sql: out + sql.slice(at), refs };
}

function isName(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'quoted';
}

/** A notebook test as a dbt generic test on one column, when dbt has one for it. */
function genericTest(
  test: DataTest,
  modelOf: ReadonlyMap<string, string>,
): { column: string; test: unknown } | null {
  const config: Record<string, unknown> = {};
  if (test.where) config['where'] = withRefs(test.where, modelOf).sql;
  if (test.hint) config['meta'] = { hint: test.hint };
  const withConfig = (name: string, args: Record<string, unknown>) =>
    Object.keys(args).length === 0 && Object.keys(config).length === 0
      ? name
      : { [name]: { ...args, ...(Object.keys(config).length > 0 ? { config } : {}) } };
  switch (test.kind) {
    case 'unique':
      return test.columns.length === 1
        ? { column: test.columns[0]!, test: withConfig('unique', {}) }
        : null;
    case 'not_null':
      return { column: test.column, test: withConfig('not_null', {}) };
    case 'accepted_values':
      return {
        column: test.column,
        test: withConfig('accepted_values', { values: [...test.values] }),
      };
    case 'relationships': {
      const model = modelOf.get(test.to);
      if (!model) return null;
      return {
        column: test.column,
        test: withConfig('relationships', { to: `ref('${model}')`, field: test.field }),
      };
    }
    default:
      return null;
  }
}

function readCsvCall(
  patterns: readonly string[],
  dataPath: string,
  overrides: {
    delimiter?: string;
    quote?: string;
    escape?: string;
    header?: boolean;
    skip?: number;
    encoding?: TextEncoding;
  },
  detected: TextEncoding | null,
): string {
  const paths = patterns.map((p) => quoteLiteral(`${dataPath}/${p}`));
  const options = [
    paths.length === 1 ? paths[0]! : `[${paths.join(', ')}]`,
    'all_varchar = true',
    'filename = true',
  ];
  if (paths.length > 1 || patterns.some((p) => /[*?]/.test(p)))
    options.push('union_by_name = true');
  const encoding = overrides.encoding ?? detected;
  if (encoding && encoding !== 'utf-8') options.push(`encoding = ${quoteLiteral(encoding)}`);
  if (overrides.delimiter !== undefined)
    options.push(`delim = ${quoteLiteral(overrides.delimiter)}`);
  if (overrides.quote !== undefined) options.push(`quote = ${quoteLiteral(overrides.quote)}`);
  if (overrides.escape !== undefined) options.push(`escape = ${quoteLiteral(overrides.escape)}`);
  if (overrides.header !== undefined) options.push(`header = ${overrides.header}`);
  if (overrides.skip !== undefined) options.push(`skip = ${overrides.skip}`);
  return `read_csv(${options.join(', ')})`;
}

/** The encoding every file matching the patterns was found in, when they agree. */
function encodingOf(
  patterns: readonly string[],
  files: ReadonlyMap<string, TextEncoding> | undefined,
): TextEncoding | null {
  if (!files) return null;
  const found = new Set(
    [...files]
      .filter(([name]) => patterns.some((p) => matchesFilePattern(name, p)))
      .map(([, e]) => e),
  );
  return found.size === 1 ? [...found][0]! : null;
}

function modelName(table: string): string {
  return snake(table.replace('.', '_'));
}

function snake(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, '_$1');
}

function readme(
  title: string,
  project: string,
  dataPath: string,
  models: readonly DbtModel[],
  skipped: readonly { cell: string; reason: string }[],
  notes: readonly string[],
  files: ReadonlyMap<string, TextEncoding> | undefined,
): string {
  const lines = [
    `# ${title} — dbt project`,
    '',
    `Exported from the Medallion Notebook "${title}" by \`medallion export-dbt\`. One model per notebook table, in`,
    "one folder per layer; each model keeps its table name (`alias`) in its layer's schema, and reads the",
    "others through `ref()`, so dbt rebuilds them in the notebook's order. The SQL is DuckDB's dialect.",
    '',
    '## Run it',
    '',
    '```sh',
    'pip install dbt-duckdb',
    `# put the CSV files in ${dataPath}/ (next to dbt_project.yml)`,
    'dbt build --profiles-dir .',
    '```',
    '',
    `\`profiles.yml\` writes to \`${project}.duckdb\`. For a warehouse or Spark, load the raw files there as`,
    'tables with every column as text plus `_source_file`, point the `raw` source in',
    '`models/bronze/sources.yml` at them, and replace `select * exclude (filename), parse_filename(filename)`',
    "in the bronze models by a plain `select *`; the silver and gold SQL may need the target's dialect.",
    '',
    '## Models',
    '',
    '| model | table | reads |',
    '|---|---|---|',
    ...models.map(
      (m) =>
        `| \`${m.name}\` | \`${m.table}\` (${m.materialized}) | ${[...m.sources.map((s) => `source raw.${s}`), ...m.refs].join(', ') || '—'} |`,
    ),
    '',
    'Data tests: `unique`, `not_null`, `accepted_values` and `relationships` are dbt generic tests in each',
    "layer's `schema.yml` (a test's hint is in its `meta`, its condition in `where`); the others (keys of",
    'several columns, row counts, conditions, queries) are singular tests in `tests/`, each returning the',
    'rows that break it.',
  ];
  if (files && files.size > 0) {
    const latin = [...files].filter(([, e]) => e !== 'utf-8').map(([n, e]) => `${n} (${e})`);
    lines.push(
      '',
      `Encodings were detected on the files exported with: ${latin.length > 0 ? latin.join(', ') : 'all UTF-8'}.`,
    );
  } else {
    lines.push(
      '',
      "No data was given to the export, so the sources read every file as UTF-8 unless the notebook says otherwise; add `encoding = 'latin-1'` to a source whose file is not UTF-8.",
    );
  }
  if (skipped.length > 0 || notes.length > 0) {
    lines.push('', '## Not exported', '');
    const dashboard = skipped.filter((s) =>
      s.reason.endsWith('the dashboard is not part of the dbt project'),
    );
    for (const s of skipped)
      if (!dashboard.includes(s)) lines.push(`- Cell \`${s.cell}\`: it ${s.reason}.`);
    if (dashboard.length > 0) {
      lines.push(
        `- The dashboard (${dashboard.map((s) => `\`${s.cell}\``).join(', ')}): slicers, KPIs and charts read the tables; they are not part of a dbt project.`,
      );
    }
    for (const note of notes) lines.push(`- ${note}`);
  }
  return lines.join('\n') + '\n';
}
