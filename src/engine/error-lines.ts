/**
 * DuckDB's errors point at the SQL ("LINE 4: WHERE nope = 1") by counting lines within the
 * statement it was given. A cell may hold several statements, comments before them, and
 * the engine runs a query wrapped in `CREATE TEMP TABLE … AS` on a line of its own: the
 * number is rewritten to count within the cell, so the person finds the line it names
 * (and the editor can mark it).
 */
import { QueryCancelledError } from './duck-session.ts';

const LINE = /\bLINE (\d+):/g;

/**
 * `error` with its LINE numbers counted within `cellSql`, for a statement that starts at
 * `statementStart` there and that was sent after `linesAdded` lines of the engine's own.
 */
export function atCellLines(error: unknown, cellSql: string, statementStart: number, linesAdded = 0): unknown {
  if (!(error instanceof Error) || error instanceof QueryCancelledError || !/\bLINE \d+:/.test(error.message)) return error;
  const before = cellSql.slice(0, statementStart).split('\n').length - 1;
  const message = error.message.replace(LINE, (_, n: string) => `LINE ${before + Number(n) - linesAdded}:`);
  return new Error(message, { cause: error });
}
