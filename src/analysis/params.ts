/**
 * Named parameters: a SQL cell writes `$gender`, an input cell (a slicer) supplies its
 * value. Values are bound as SQL literals written by us (quoted, typed), never by pasting
 * user text into SQL, so a slicer value cannot change the shape of a query.
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
 * Replaces each `$name` with its value's literal. Throws, naming the parameter, when a
 * cell uses one that no input defines.
 */
export function bindParams(sql: string, values: ReadonlyMap<string, ParamValue>): string {
  let out = '';
  let at = 0;
  for (const token of tokenizeSql(sql)) {
    if (token.kind !== 'param') continue;
    if (!values.has(token.text)) {
      throw new Error(`Uses $${token.text}, but no input cell defines a parameter named "${token.text}".`);
    }
    out += sql.slice(at, token.start) + paramLiteral(values.get(token.text)!);
    at = token.end;
  }
  return out + sql.slice(at);
}

function stringLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function dateLiteral(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`"${text}" is not a date like 2017-06-30.`);
  return `DATE '${text}'`;
}
