/**
 * Data tests → SQL. Each test becomes one query listing what is wrong (offending rows,
 * duplicated keys, unexpected values); the test passes when that query returns nothing.
 * The engine counts its rows and keeps the first few as a sample, so a failure shows
 * how many and which.
 */
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import type { DataTest, DataTestResult } from './api.ts';
import type { DuckSession } from './duck-session.ts';
import { quoteIdent, quoteLiteral, quoteQualified } from './sql-quote.ts';

export const SAMPLE_ROWS = 20;

/** The query listing what breaks `test` on `table`; empty result = pass. */
export function failingRowsSql(table: string, test: DataTest): string {
  const base = test.where
    ? `(SELECT * FROM ${quoteQualified(table)} WHERE ${test.where}\n)`
    : quoteQualified(table);
  switch (test.kind) {
    case 'unique': {
      const cols = test.columns.map(quoteIdent);
      return [
        `SELECT ${cols.join(', ')}, count(*) AS occurrences`,
        `FROM ${base} AS t`,
        `WHERE ${cols.map((c) => `${c} IS NOT NULL`).join(' AND ')}`,
        `GROUP BY ${cols.join(', ')}`,
        'HAVING count(*) > 1',
        `ORDER BY occurrences DESC, ${cols.join(', ')}`,
      ].join('\n');
    }
    case 'not_null': {
      // The tested column first, so a narrow display still shows it.
      const col = quoteIdent(test.column);
      return `SELECT ${col}, * EXCLUDE (${col}) FROM ${base} AS t\nWHERE ${col} IS NULL`;
    }
    case 'accepted_values': {
      const col = quoteIdent(test.column);
      const values = test.values.map(literal).join(', ');
      return [
        `SELECT ${col} AS value, count(*) AS rows`,
        `FROM ${base} AS t`,
        `WHERE ${col} IS NOT NULL AND ${col} NOT IN (${values || 'NULL'})`,
        'GROUP BY 1',
        'ORDER BY rows DESC, value',
      ].join('\n');
    }
    case 'relationships': {
      const col = quoteIdent(test.column);
      return [
        `SELECT t.${col}, t.* EXCLUDE (${col}) FROM ${base} AS t`,
        `WHERE t.${col} IS NOT NULL`,
        `  AND NOT EXISTS (SELECT 1 FROM ${quoteQualified(test.to)} AS parent WHERE parent.${quoteIdent(test.field)} = t.${col})`,
      ].join('\n');
    }
    case 'row_count': {
      const conditions = [
        test.min !== null ? `count(*) < ${test.min}` : null,
        test.max !== null ? `count(*) > ${test.max}` : null,
      ].filter((c) => c !== null);
      return `SELECT count(*) AS rows FROM ${base} AS t\nHAVING ${conditions.join(' OR ')}`;
    }
    case 'expect':
      return `SELECT * FROM ${base} AS t\nWHERE (${test.sql}\n) IS FALSE`;
    case 'query':
      return test.sql.trim().replace(/;\s*$/, '');
  }
}

export async function runDataTests(
  session: DuckSession,
  table: string,
  tests: readonly DataTest[],
): Promise<DataTestResult[]> {
  const results: DataTestResult[] = [];
  for (const test of tests) {
    const started = performance.now();
    const sql = failingRowsSql(table, test);
    try {
      // The person's SQL (expect, query, where) goes on its own lines so a trailing
      // comment cannot swallow what the engine adds.
      const failures = Number(await scalar(session, `SELECT count(*) FROM (\n${sql}\n) AS failing`));
      const sample = await session.execute(`SELECT * FROM (\n${sql}\n) AS failing LIMIT ${SAMPLE_ROWS}`);
      const passed = failures === 0;
      results.push({
        name: test.name,
        kind: test.kind,
        table,
        passed,
        failures,
        summary: passed ? passSummary(test, table) : await failSummary(session, test, table, failures, sql),
        hint: test.hint,
        sample,
        sql,
        error: null,
        elapsedMs: performance.now() - started,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({
        name: test.name,
        kind: test.kind,
        table,
        passed: false,
        failures: 0,
        summary: `The test could not run: ${message.split('\n')[0]}`,
        hint: test.hint,
        sample: await emptySample(session),
        sql,
        error: message,
        elapsedMs: performance.now() - started,
      });
    }
  }
  return results;
}

function passSummary(test: DataTest, table: string): string {
  const scope = test.where ? ` (where ${test.where})` : '';
  switch (test.kind) {
    case 'unique':
      return `Every ${test.columns.join(' + ')} occurs once in ${table}${scope}.`;
    case 'not_null':
      return `No nulls in ${test.column}${scope}.`;
    case 'accepted_values':
      return `Every ${test.column} is one of ${test.values.join(', ')}${scope}.`;
    case 'relationships':
      return `Every ${test.column} is found in ${test.to}.${test.field}${scope}.`;
    case 'row_count':
      return `The row count is in range${scope}.`;
    case 'expect':
      return `Every row meets ${test.sql}${scope}.`;
    case 'query':
      return 'The query returns no rows.';
  }
}

async function failSummary(session: DuckSession, test: DataTest, table: string, failures: number, sql: string): Promise<string> {
  const n = failures.toLocaleString('en-US');
  const rows = (count: number, word = 'row') => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
  switch (test.kind) {
    case 'unique': {
      const extra = Number(await scalar(session, `SELECT sum(occurrences) - count(*) FROM (\n${sql}\n) AS failing`));
      return `${failures === 1 ? '1 value' : `${n} values`} of ${test.columns.join(' + ')} ${failures === 1 ? 'occurs' : 'occur'} more than once in ${table} (${rows(extra, 'extra row')}).`;
    }
    case 'not_null':
      return `${rows(failures)} of ${table} ${failures === 1 ? 'has' : 'have'} a null ${test.column}.`;
    case 'accepted_values': {
      const total = Number(await scalar(session, `SELECT sum(rows) FROM (\n${sql}\n) AS failing`));
      return `${failures === 1 ? '1 unexpected value' : `${n} unexpected values`} of ${test.column} in ${rows(total)}; accepted: ${test.values.join(', ')}.`;
    }
    case 'relationships':
      return `${rows(failures)} of ${table} ${failures === 1 ? 'has a' : 'have a'} ${test.column} not found in ${test.to}.${test.field}.`;
    case 'row_count': {
      const count = Number(await scalar(session, `SELECT count(*) FROM ${quoteQualified(table)}${test.where ? ` WHERE ${test.where}\n` : ''}`));
      const range = test.min !== null && test.max !== null ? `between ${test.min} and ${test.max}` : test.min !== null ? `at least ${test.min}` : `at most ${test.max}`;
      return `${table} has ${rows(count)}; expected ${range}.`;
    }
    case 'expect':
      return `${rows(failures)} of ${table} ${failures === 1 ? 'does' : 'do'} not meet ${test.sql}.`;
    case 'query':
      return `The query returns ${rows(failures)}.`;
  }
}

/** An empty sample for a test that could not run (even when the session refuses: a cancelled call). */
async function emptySample(session: DuckSession): Promise<Uint8Array> {
  try {
    return await session.bytes('SELECT NULL AS nothing LIMIT 0');
  } catch {
    return tableToIPC(new Table(), 'stream');
  }
}

async function scalar(session: DuckSession, sql: string): Promise<unknown> {
  const table = tableFromIPC(await session.execute(sql));
  return table.numRows > 0 ? table.getChildAt(0)?.get(0) : null;
}

function literal(value: string | number | boolean): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quoteLiteral(value);
}
