/**
 * The exported dbt project's README: how to run it, its models and what they read, where
 * the data tests went, and which cells were left out and why.
 */
import type { TextEncoding } from '../engine/api.ts';
import type { DbtModel } from './dbt-model.ts';

export function dbtReadme(
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
