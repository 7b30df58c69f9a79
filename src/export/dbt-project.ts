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
import type { TextEncoding } from '../engine/api.ts';
import type { Cell, Notebook } from '../notebook/types.ts';
import { notebookTitle } from '../notebook/types.ts';
import { analyzeNotebook, type CellAnalysis } from '../analysis/analyze-notebook.ts';
import { parseBronzeSpec } from '../analysis/bronze-spec.ts';
import { splitStatements } from '../analysis/sql-tokens.ts';
import { quoteLiteral } from '../engine/sql-quote.ts';
import { encodingOf, modelName, readCsvCall, selectOf, snake, withRefs } from './dbt-sql.ts';
import { dbtTests } from './dbt-tests.ts';
import { dbtConfigFiles } from './dbt-config-files.ts';
import { dbtReadme } from './dbt-readme.ts';
import type { DbtModel } from './dbt-model.ts';

export type { DbtModel } from './dbt-model.ts';

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

/** What one cell adds to the project: files, a model, a source, or why it is left out. */
interface CellExport {
  readonly files?: readonly (readonly [path: string, text: string])[];
  readonly model?: DbtModel;
  readonly source?: Record<string, unknown>;
  readonly note?: string;
  readonly skipped?: string;
}

export function exportDbtProject(notebook: Notebook, options: DbtExportOptions = {}): DbtExport {
  const dataPath = options.dataPath ?? 'data';
  const projectName = snake(notebookTitle(notebook)) || 'medallion_notebook';
  const analysis = analyzeNotebook(notebook);
  const files = new Map<string, string>();
  const models: DbtModel[] = [];
  const skipped: { cell: string; reason: string }[] = [];
  const sources: Record<string, unknown>[] = [];
  const notes: string[] = [];

  // Every table a cell defines gets a model name first, so any cell can ref() any other.
  const modelOf = new Map<string, string>(); // notebook table → model name
  for (const cell of notebook.cells) {
    const a = analysis.get(cell.id);
    if ((cell.kind === 'sql' || cell.kind === 'bronze') && a?.defines && a.params.length === 0) {
      modelOf.set(a.defines, modelName(a.defines));
    }
  }

  for (const cell of notebook.cells) {
    const exported =
      cell.kind === 'bronze'
        ? bronzeModel(cell, modelOf, dataPath, options.files)
        : cell.kind === 'sql'
          ? sqlModel(cell, analysis.get(cell.id)!, modelOf)
          : cell.kind === 'test' || cell.kind === 'markdown'
            ? {}
            : { skipped: `${cell.kind} cell: the dashboard is not part of the dbt project` };
    for (const [path, text] of exported.files ?? []) files.set(path, text);
    if (exported.model) models.push(exported.model);
    if (exported.source) sources.push(exported.source);
    if (exported.note) notes.push(exported.note);
    if (exported.skipped) skipped.push({ cell: cell.id, reason: exported.skipped });
  }

  const tests = dbtTests(notebook, modelOf);
  for (const [path, text] of tests.singular) files.set(path, text);
  skipped.push(...tests.skipped);
  for (const [path, text] of dbtConfigFiles(projectName, dataPath, models, tests.generic, sources))
    files.set(path, text);
  files.set(
    'README.md',
    dbtReadme(
      notebookTitle(notebook),
      projectName,
      dataPath,
      models,
      skipped,
      notes,
      options.files,
    ),
  );
  return { projectName, files, models, skipped };
}

/** A bronze cell → a model reading its files as they came, through a `raw` source. */
function bronzeModel(
  cell: Cell,
  modelOf: ReadonlyMap<string, string>,
  dataPath: string,
  encodings: ReadonlyMap<string, TextEncoding> | undefined,
): CellExport {
  const spec = parseBronzeSpec(cell.source);
  if (!spec.table) return { skipped: 'the bronze cell names no table' };
  const table = spec.table.split('.')[1]!;
  const materialized = spec.options?.materialize === false ? 'view' : 'table';
  const location = readCsvCall(
    spec.files,
    dataPath,
    spec.options?.all ?? {},
    encodingOf(spec.files, encodings),
  );
  const perFile = spec.options?.files ?? [];
  const body = [
    `-- ${spec.table}: ${spec.files.join(', ')} as they came: every value as text, plus the file each row came from.`,
    `select * exclude (filename), parse_filename(filename) as _source_file`,
    `from {{ source('raw', ${quoteLiteral(table)}) }}`,
  ];
  return {
    ...modelExport(spec.table, cell.id, modelOf, materialized, body, {
      refs: [],
      sources: [table],
    }),
    source: {
      name: table,
      description: `${spec.files.join(', ')}: the files behind ${spec.table}, read as they came (every column as text).`,
      meta: { files: [...spec.files], external_location: location },
    },
    note:
      perFile.length > 0
        ? `\`${spec.table}\`: the cell sets options for some files only (${perFile.map((f) => f.pattern).join(', ')}); one \`read_csv\` cannot, so check \`sources.yml\`.`
        : undefined,
  };
}

/**
 * A SQL cell → a model (`CREATE … AS SELECT`, its tables as `ref()`), or an analysis when
 * it defines nothing. Cells using the dashboard's `$parameters` have no place in dbt.
 */
function sqlModel(cell: Cell, a: CellAnalysis, modelOf: ReadonlyMap<string, string>): CellExport {
  if (a.params.length > 0) {
    return {
      skipped: `uses ${a.params.map((p) => `$${p}`).join(', ')}, set by the dashboard's slicers`,
    };
  }
  const statements = splitStatements(cell.source);
  if (statements.length !== 1) {
    return { skipped: `has ${statements.length} statements; a dbt model is one SELECT` };
  }
  const statement = cell.source.slice(statements[0]!.start, statements[0]!.end);
  if (!a.defines) {
    const body = withRefs(statement, modelOf);
    return {
      files: [
        [
          `analyses/${snake(cell.id)}.sql`,
          `-- Query cell ${cell.id} (compiled by dbt, not run).\n${body.sql}\n`,
        ],
      ],
    };
  }
  const select = selectOf(statement);
  if (!select) return { skipped: `is not a CREATE TABLE/VIEW … AS SELECT` };
  const body = withRefs(select.body, modelOf);
  return modelExport(
    a.defines,
    cell.id,
    modelOf,
    select.kind,
    [`-- ${a.defines} (notebook cell ${cell.id})`, body.sql.trim()],
    { refs: body.refs, sources: [] },
  );
}

/** The model of a notebook table: its file (dbt's config line, then the SQL) and its entry. */
function modelExport(
  qualified: string,
  cellId: string,
  modelOf: ReadonlyMap<string, string>,
  materialized: 'table' | 'view',
  lines: readonly string[],
  reads: Pick<DbtModel, 'refs' | 'sources'>,
): Required<Pick<CellExport, 'files' | 'model'>> {
  const [layer, table] = qualified.split('.') as [string, string];
  const name = modelOf.get(qualified)!;
  const path = `models/${layer}/${name}.sql`;
  const sql = [
    `{{ config(alias=${quoteLiteral(table)}, materialized=${quoteLiteral(materialized)}) }}`,
    ...lines,
    '',
  ].join('\n');
  return {
    files: [[path, sql]],
    model: { name, table: qualified, layer, path, materialized, ...reads, cell: cellId },
  };
}
