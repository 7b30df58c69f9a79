/**
 * Named parameters: a SQL cell writes `$gender`, an input cell (a slicer) supplies its
 * value. Each parameter is a DuckDB variable: the runtime sets it with `SET VARIABLE`
 * (a literal written by us, quoted and typed, never pasted user text) and `$gender` in
 * SQL reads it with `getvariable('gender')`. Views therefore see the current value when
 * they are queried, and a KPI card can ask for the previous period by setting the
 * variable to it for one query.
 *
 *   null            → NULL            ("All": the SQL decides, e.g. `$gender IS NULL OR …`)
 *   'F'             → 'F'
 *   2017            → 2017
 *   true            → true
 *   ['a', 'b']      → ['a', 'b']      (multi-select; [] when nothing is chosen)
 *   {from, to}      → [DATE 'from', DATE 'to'] (date range; NULL when unset)
 */
import { tokenizeSql } from './sql-tokens.ts';

export type ParamValue = string | number | boolean | null | readonly string[] | DateRange;

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export function isDateRange(value: ParamValue): value is DateRange {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'from' in value;
}

export function paramLiteral(value: ParamValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} is not a number a query can use.`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return stringLiteral(value);
  if (isDateRange(value)) return `[${dateLiteral(value.from)}, ${dateLiteral(value.to)}]`;
  return `[${(value as readonly string[]).map(stringLiteral).join(', ')}]::VARCHAR[]`;
}

/**
 * Replaces each `$name` with `getvariable('name')`. Throws, naming the parameter, when a
 * cell uses one that no input defines. (Names are identifiers by the tokenizer's rules,
 * so they are safe inside the quotes.)
 */
export function bindParams(sql: string, known: ReadonlyMap<string, ParamValue>): string {
  let out = '';
  let at = 0;
  for (const token of tokenizeSql(sql)) {
    if (token.kind !== 'param') continue;
    if (!known.has(token.text)) {
      throw new Error(`Uses $${token.text}, but no input cell defines a parameter named "${token.text}".`);
    }
    out += `${sql.slice(at, token.start)}getvariable('${token.text}')`;
    at = token.end;
  }
  return out + sql.slice(at);
}

/** The statement that gives parameter `name` its value; a null of `nullType` when one is given. */
export function setVariableSql(name: string, value: ParamValue, nullType: string | null = null): string {
  return `SET VARIABLE ${name} = ${value === null && nullType ? `NULL::${nullType}` : paramLiteral(value)}`;
}

function stringLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function dateLiteral(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`"${text}" is not a date like 2017-06-30.`);
  return `DATE '${text}'`;
}
