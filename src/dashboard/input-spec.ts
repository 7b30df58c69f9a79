/**
 * An input cell is a slicer: a labelled form control whose value is the named parameter
 * `$name` in SQL cells, charts and KPI cards.
 *
 *   name: country
 *   label: Country
 *   control: select            # select | multi-select | date-range | checkbox
 *   options_sql: SELECT DISTINCT country FROM gold.dim_territory ORDER BY 1
 *   # or options: [F, M]
 *   default: null              # null means "All"
 */
import type { DateRange, ParamValue } from '../analysis/params.ts';
import { optionalString, parseYamlObject, unknownKeyProblems } from './yaml-spec.ts';

export type InputControl = 'select' | 'multi-select' | 'date-range' | 'checkbox';
const CONTROLS: readonly InputControl[] = ['select', 'multi-select', 'date-range', 'checkbox'];
const KEYS = ['name', 'label', 'control', 'options', 'options_sql', 'numeric', 'default'];

export interface InputSpec {
  readonly name: string | null;
  readonly label: string;
  readonly control: InputControl;
  /** Fixed options, as text (numbers too: they are bound as text unless `numeric`). */
  readonly options: readonly string[];
  readonly optionsSql: string | null;
  /** Whether chosen values are numbers (e.g. years), so `$year - 1` works in SQL. */
  readonly numeric: boolean;
  readonly defaultValue: ParamValue;
  readonly problems: readonly string[];
}

export function parseInputSpec(source: string): InputSpec {
  const { value: raw, problem } = parseYamlObject(source);
  const problems = problem ? [problem] : unknownKeyProblems(raw, KEYS, 'an input');
  const name = optionalString(raw['name']);
  if (name === null) problems.push('No "name:": name the parameter SQL uses, e.g. name: gender for $gender.');
  else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) problems.push(`"${name}" cannot be a parameter name: use letters, digits and _.`);
  const control = (optionalString(raw['control']) ?? 'select') as InputControl;
  if (!CONTROLS.includes(control)) problems.push(`control must be one of ${CONTROLS.join(', ')}, not "${control}".`);
  const options = Array.isArray(raw['options']) ? raw['options'].map((o) => String(o)) : [];
  if (raw['options'] !== undefined && raw['options'] !== null && !Array.isArray(raw['options'])) {
    problems.push('options: write a list such as [F, M]; for options from a query, write options_sql: SELECT …');
  }
  const numeric = raw['numeric'] === true || (options.length > 0 && raw['options'] instanceof Array && raw['options'].every((o) => typeof o === 'number'));
  const defaultValue = defaultFor(control, raw['default'], numeric);
  const defaults = Array.isArray(defaultValue) ? defaultValue : typeof defaultValue === 'string' || typeof defaultValue === 'number' ? [String(defaultValue)] : [];
  const notOffered = options.length > 0 ? defaults.filter((d) => !options.includes(d)) : [];
  if (notOffered.length > 0) problems.push(`default: ${notOffered.join(', ')} is not one of the options (${options.join(', ')}).`);
  return {
    name,
    label: optionalString(raw['label']) ?? name ?? 'Input',
    control,
    options,
    optionsSql: optionalString(raw['options_sql']),
    numeric,
    defaultValue,
    problems,
  };
}

function defaultFor(control: InputControl, raw: unknown, numeric: boolean): ParamValue {
  switch (control) {
    case 'checkbox':
      return raw === true;
    case 'multi-select':
      return Array.isArray(raw) ? raw.map(String) : [];
    case 'date-range': {
      const range = raw as Partial<DateRange> | null | undefined;
      return range && typeof range.from === 'string' && typeof range.to === 'string' ? { from: range.from, to: range.to } : null;
    }
    default:
      if (raw === null || raw === undefined || raw === '') return null;
      return numeric && Number.isFinite(Number(raw)) ? Number(raw) : String(raw);
  }
}

/**
 * The SQL type of the parameter's variable when nothing is chosen. A bare NULL is an
 * INTEGER to DuckDB, and `$period[1]` or `lower($country)` on an INTEGER does not bind,
 * even behind `$period IS NULL OR …`. A numeric select stays a bare NULL, as its values
 * are bare numbers.
 */
export function nullSqlType(spec: InputSpec): string | null {
  switch (spec.control) {
    case 'multi-select':
      return 'VARCHAR[]';
    case 'date-range':
      return 'DATE[]';
    case 'checkbox':
      return 'BOOLEAN';
    default:
      return spec.numeric ? null : 'VARCHAR';
  }
}

/** A chosen option (always text in the form control) → the parameter's value. */
export function optionValue(spec: InputSpec, text: string): ParamValue {
  if (text === '') return null;
  return spec.numeric && Number.isFinite(Number(text)) ? Number(text) : text;
}
