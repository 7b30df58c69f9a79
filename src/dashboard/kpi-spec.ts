/**
 * A KPI card: one value from SQL (a number, formatted; a date or a name as it is), with
 * its change against the previous period when a period is selected and the value is a number.
 *
 *   label: Total revenue
 *   sql: SELECT sum(revenue) AS value FROM gold.fact_sales WHERE …
 *   format: currency            # currency | number | integer | percent
 *   compare: year               # the parameter that selects the period (optional)
 */
import { optionalString, parseYamlObject, unknownKeyProblems } from './yaml-spec.ts';

export type ValueFormat = 'currency' | 'number' | 'integer' | 'percent';
const FORMATS: readonly ValueFormat[] = ['currency', 'number', 'integer', 'percent'];

export interface KpiSpec {
  readonly label: string;
  readonly sql: string | null;
  readonly format: ValueFormat;
  readonly compare: string | null;
  readonly problems: readonly string[];
}

export function parseKpiSpec(source: string): KpiSpec {
  const { value: raw, problem } = parseYamlObject(source);
  const problems = problem ? [problem] : unknownKeyProblems(raw, ['label', 'sql', 'format', 'compare'], 'a KPI card');
  const sql = optionalString(raw['sql']);
  if (sql === null) problems.push('No "sql:": write the query that returns the card\'s value.');
  const format = (optionalString(raw['format']) ?? 'number') as ValueFormat;
  if (!FORMATS.includes(format)) problems.push(`format must be one of ${FORMATS.join(', ')}, not "${format}".`);
  return {
    label: optionalString(raw['label']) ?? 'KPI',
    sql,
    format,
    compare: optionalString(raw['compare']),
    problems,
  };
}
