/**
 * The notebook's data tests in a dbt project: `unique`, `not_null`, `accepted_values` and
 * `relationships` on one column become dbt's generic tests (in each layer's `schema.yml`);
 * every other test becomes a singular test in `tests/`, a query returning the rows that
 * break it.
 */
import type { DataTest } from '../engine/api.ts';
import type { Notebook } from '../notebook/types.ts';
import { parseTestSpec } from '../analysis/test-spec.ts';
import { failingRowsSql } from '../engine/data-tests.ts';
import { snake, withRefs } from './dbt-sql.ts';

/** Generic tests of one model, by column, as `schema.yml` lists them. */
export interface ColumnTests {
  [column: string]: unknown[];
}

export interface DbtTests {
  /** Model name → its columns' generic tests. */
  readonly generic: ReadonlyMap<string, ColumnTests>;
  /** Path of each singular test (`tests/….sql`) → its SQL. */
  readonly singular: ReadonlyMap<string, string>;
  /** Test cells left out, and why. */
  readonly skipped: readonly { readonly cell: string; readonly reason: string }[];
}

/** The test cells' tests, on the models they test (`modelOf`: notebook table → model name). */
export function dbtTests(notebook: Notebook, modelOf: ReadonlyMap<string, string>): DbtTests {
  const generic = new Map<string, ColumnTests>();
  const singular = new Map<string, string>();
  const skipped: { cell: string; reason: string }[] = [];
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
      const asGeneric = genericTest(test, modelOf);
      if (asGeneric) {
        const tests = generic.get(model) ?? {};
        (tests[asGeneric.column] ??= []).push(asGeneric.test);
        generic.set(model, tests);
        continue;
      }
      const sql = withRefs(failingRowsSql(spec.table, test), modelOf);
      let file = `tests/${model}__${snake(test.name) || test.kind}`;
      for (let n = 2; singular.has(`${file}.sql`); n++) file = `${file.replace(/_\d+$/, '')}_${n}`;
      const header = [
        `-- ${spec.table}: ${test.name} (notebook cell ${cell.id}). Passes when it returns no rows.`,
      ];
      if (test.hint) header.push(`-- Hint: ${test.hint.replace(/\n/g, ' ')}`);
      singular.set(`${file}.sql`, `${header.join('\n')}\n${sql.sql.trim()}\n`);
    }
  }
  return { generic, singular, skipped };
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
