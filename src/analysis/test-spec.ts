/**
 * A test cell declares data tests for one table, in the spirit of dbt, as YAML:
 *
 *   table: gold.fact_sales
 *   tests:
 *     - unique: [order_number, order_line]          # one key of several columns
 *     - not_null: [customer_key, product_key]       # one test per column
 *     - relationships: {column: customer_key, to: gold.dim_customers, field: customer_key}
 *     - accepted_values: {column: gender, values: [M, F]}
 *     - row_count: {min: 1, max: 100000000}
 *     - expect: {name: revenue is quantity × price, sql: "revenue = quantity * unit_price"}
 *     - query: {name: totals reconcile, sql: "SELECT … rows that are wrong …"}
 *
 * Any entry may add `name:` (how it is listed), `hint:` (what to do when it fails) and
 * `where:` (a condition: only rows meeting it are checked). As in dbt, a null passes
 * every test but `not_null`, which is the test for nulls: `unique` and `relationships`
 * skip null keys, `accepted_values` null values, `expect` rows where its condition is null.
 */
import { loadYaml } from './load-yaml.ts';
import type { DataTest, DataTestKind } from '../engine/api.ts';
import { analyzeSql, LAYERS } from './analyze-sql.ts';

export interface TestSpec {
  /** `schema.table`, lower case, or null when missing. */
  readonly table: string | null;
  readonly tests: readonly DataTest[];
  readonly problems: readonly string[];
}

const KINDS: readonly DataTestKind[] = ['unique', 'not_null', 'accepted_values', 'relationships', 'row_count', 'expect', 'query'];
const COMMON = ['name', 'hint', 'where'];
const TABLE_NAME = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

export function parseTestSpec(source: string): TestSpec {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = source.trim() === '' ? {} : loadYaml(source);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { table: null, tests: [], problems: [`The tests are not valid YAML: ${message}`] };
  }
  if (!isObject(raw)) {
    return { table: null, tests: [], problems: ['Write a test cell as "table:" and a "tests:" list.'] };
  }

  const tableText = typeof raw['table'] === 'string' ? raw['table'].trim().toLowerCase() : null;
  let table: string | null = null;
  if (tableText === null) problems.push('No "table:": name the table these tests check, like gold.fact_sales.');
  else if (!TABLE_NAME.test(tableText)) problems.push(`"${tableText}" is not a table name like gold.fact_sales.`);
  else table = tableText;
  for (const key of Object.keys(raw)) {
    if (key !== 'table' && key !== 'tests') problems.push(`"${key}:" is not understood; a test cell has "table:" and "tests:".`);
  }

  const entries = raw['tests'];
  const tests: DataTest[] = [];
  if (entries === undefined || entries === null) problems.push('No "tests:": list the tests, e.g. "- unique: id".');
  else if (!Array.isArray(entries)) problems.push('"tests:" must be a list: one "- kind: …" line per test.');
  else {
    entries.forEach((entry, index) => {
      const parsed = parseEntry(entry, index + 1);
      problems.push(...parsed.problems);
      tests.push(...parsed.tests);
    });
  }
  return { table, tests, problems };
}

/**
 * The tables a test cell reads: its table, relationship targets, and tables named in
 * custom SQL and `where:` conditions. The cell runs after all of them, and again when
 * any of them changes.
 */
export function testReferences(spec: TestSpec, schemas: ReadonlySet<string> = new Set(LAYERS)): string[] {
  const found = new Set<string>(spec.table ? [spec.table] : []);
  for (const test of spec.tests) {
    if (test.kind === 'relationships') found.add(test.to);
    const sql = [test.where, test.kind === 'expect' || test.kind === 'query' ? test.sql : null];
    for (const text of sql) if (text) for (const ref of analyzeSql(text, schemas).references) found.add(ref);
  }
  return [...found];
}

function parseEntry(entry: unknown, position: number): { tests: DataTest[]; problems: string[] } {
  const where = `Test ${position}`;
  if (!isObject(entry)) {
    return { tests: [], problems: [`${where} is not understood: write it as "- unique: column" or "- not_null: [a, b]".`] };
  }
  const kinds = Object.keys(entry).filter((k) => !COMMON.includes(k));
  if (kinds.length !== 1 || !KINDS.includes(kinds[0] as DataTestKind)) {
    const found = kinds.length === 0 ? 'no kind' : kinds.map((k) => `"${k}"`).join(', ');
    return { tests: [], problems: [`${where} has ${found}; use one of ${KINDS.join(', ')}.`] };
  }
  const kind = kinds[0] as DataTestKind;
  const value = entry[kind];
  const common = {
    hint: text(entry['hint']),
    where: text(entry['where']),
  };
  const named = text(entry['name']);
  const problems: string[] = [];
  const fail = (message: string) => ({ tests: [], problems: [`${where} (${kind}): ${message}`] });

  switch (kind) {
    case 'unique': {
      const columns = columnList(value);
      if (columns === null) return fail('name the column, or a list of columns that together are unique.');
      return { tests: [{ kind, columns, name: named ?? `unique (${columns.join(', ')})`, ...common }], problems };
    }
    case 'not_null': {
      const columns = columnList(value);
      if (columns === null) return fail('name the column, or a list of columns that must have no nulls.');
      // One test per column, so each column's count of nulls shows on its own.
      return {
        tests: columns.map((column) => ({ kind, column, name: named && columns.length === 1 ? named : `not_null (${column})`, ...common })),
        problems,
      };
    }
    case 'accepted_values': {
      if (!isObject(value) || text(value['column']) === null || !Array.isArray(value['values'])) {
        return fail('write {column: name, values: [a, b]}.');
      }
      const values = value['values'].filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v));
      const column = text(value['column'])!;
      return { tests: [{ kind, column, values, name: named ?? `accepted_values (${column}: ${values.join(', ')})`, ...common }], problems };
    }
    case 'relationships': {
      const column = isObject(value) ? text(value['column']) : null;
      const to = isObject(value) ? text(value['to'])?.toLowerCase() ?? null : null;
      if (!isObject(value) || column === null || to === null) {
        return fail('write {column: customer_key, to: gold.dim_customers, field: customer_key}.');
      }
      if (!TABLE_NAME.test(to)) return fail(`"${to}" is not a table name like gold.dim_customers.`);
      const field = text(value['field']) ?? column;
      return { tests: [{ kind, column, to, field, name: named ?? `relationships (${column} → ${to}.${field})`, ...common }], problems };
    }
    case 'row_count': {
      const min = isObject(value) && typeof value['min'] === 'number' ? value['min'] : null;
      const max = isObject(value) && typeof value['max'] === 'number' ? value['max'] : null;
      if (min === null && max === null) return fail('write {min: 1} or {min: 1, max: 1000}.');
      const range = min !== null && max !== null ? `${min} to ${max}` : min !== null ? `at least ${min}` : `at most ${max}`;
      return { tests: [{ kind, min, max, name: named ?? `row_count (${range})`, ...common }], problems };
    }
    case 'expect':
    case 'query': {
      const sql = typeof value === 'string' ? text(value) : isObject(value) ? text(value['sql']) : null;
      const name = isObject(value) ? text(value['name']) : null;
      if (sql === null) {
        return fail(kind === 'expect' ? 'write {name: …, sql: "a condition every row meets"}.' : 'write {name: …, sql: "SELECT the offending rows"}.');
      }
      return { tests: [{ kind, sql, name: named ?? name ?? `${kind}: ${sql}`, ...common }], problems };
    }
  }
}

/** `col` or `[a, b]` → the column names; null when neither. */
function columnList(value: unknown): string[] | null {
  if (typeof value === 'string' && value.trim() !== '') return [value.trim()];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    return value.map((v: string) => v.trim());
  }
  return null;
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
