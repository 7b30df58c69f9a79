/**
 * The dbt project's YAML and macro files: `dbt_project.yml` (one folder and schema per
 * layer), each layer's `schema.yml` (models and their generic tests), the bronze sources,
 * `profiles.yml` for dbt-duckdb, and the macro that keeps schema names as the notebook has them.
 */
import { stringify } from 'yaml';
import type { DbtModel } from './dbt-model.ts';
import type { ColumnTests } from './dbt-tests.ts';

/** Path → text of every configuration file of the project. */
export function dbtConfigFiles(
  projectName: string,
  dataPath: string,
  models: readonly DbtModel[],
  tests: ReadonlyMap<string, ColumnTests>,
  sources: readonly Record<string, unknown>[],
): Map<string, string> {
  const files = new Map<string, string>();
  const layers = [...new Set(models.map((m) => m.layer))];
  for (const layer of layers) {
    files.set(
      `models/${layer}/schema.yml`,
      schemaYml(
        models.filter((m) => m.layer === layer),
        tests,
      ),
    );
  }
  if (sources.length > 0) files.set('models/bronze/sources.yml', sourcesYml(sources, dataPath));
  files.set('dbt_project.yml', projectYml(projectName, layers));
  files.set('macros/generate_schema_name.sql', GENERATE_SCHEMA_NAME);
  files.set(
    'profiles.yml',
    stringify({
      medallion: {
        target: 'dev',
        outputs: { dev: { type: 'duckdb', path: `${projectName}.duckdb`, threads: 4 } },
      },
    }),
  );
  return files;
}

function schemaYml(models: readonly DbtModel[], tests: ReadonlyMap<string, ColumnTests>): string {
  const entries = models.map((m) => {
    const columns = Object.entries(tests.get(m.name) ?? {}).map(([name, data_tests]) => ({
      name,
      data_tests,
    }));
    return {
      name: m.name,
      description: `${m.table}, from notebook cell ${m.cell}.`,
      ...(columns.length > 0 ? { columns } : {}),
    };
  });
  return stringify({ version: 2, models: entries }, { lineWidth: 0 });
}

function sourcesYml(sources: readonly Record<string, unknown>[], dataPath: string): string {
  return stringify(
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
  );
}

function projectYml(projectName: string, layers: readonly string[]): string {
  return stringify(
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
  );
}

const GENERATE_SCHEMA_NAME = [
  '-- Tables go to the schema named in dbt_project.yml (bronze, silver, gold) as the notebook',
  "-- has them, not to dbt's default <target schema>_<schema>.",
  '{% macro generate_schema_name(custom_schema_name, node) -%}',
  '  {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}',
  '{%- endmacro %}',
  '',
].join('\n');
