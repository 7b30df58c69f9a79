/**
 * A chart cell's spec: data, not code. A notebook from a stranger can only pick among
 * these marks and channels; nothing in it is evaluated as JavaScript.
 *
 *   title: Revenue by country
 *   data: |                       # SQL over gold tables, or just a table name
 *     SELECT country, sum(revenue) AS revenue FROM … GROUP BY 1
 *   mark: bar                     # bar | bar-x | line | area | dot | cell | text | rule | geo
 *   x: country
 *   y: revenue
 *   fill: gender                  # a column (coloured by the notebook's colour map) or a colour
 *   sort: -y                      # x | -x | y | -y
 *   format: {y: currency}         # currency | percent | integer | number | date | month
 *   click: country                # clicking a mark sets the input $country (cross-filter)
 *   drill: {param: geo, label: Geography, levels: [continent, country, region]}
 */
import { optionalString, parseYamlObject, unknownKeyProblems } from '../dashboard/yaml-spec.ts';

export const MARKS = ['bar', 'bar-x', 'line', 'area', 'dot', 'cell', 'text', 'rule', 'geo'] as const;
export type ChartMark = (typeof MARKS)[number];
export const CHANNELS = ['x', 'y', 'fill', 'stroke', 'size', 'facet', 'text'] as const;
export type Channel = (typeof CHANNELS)[number];
export const FORMATS = ['currency', 'percent', 'integer', 'number', 'date', 'month'] as const;
const KEYS = ['title', 'data', 'mark', ...CHANNELS, 'sort', 'format', 'click', 'drill', 'height'];
/** Names other chart tools use for these settings (Vega-Lite, ggplot, Power BI). */
const SYNONYMS = { color: 'fill', colour: 'fill', type: 'mark', query: 'data', sql: 'data', table: 'data', label: 'title', name: 'title' };
export type AxisFormat = (typeof FORMATS)[number];

export interface ChartSpec {
  readonly title: string;
  readonly data: string | null;
  readonly mark: ChartMark;
  readonly channels: Partial<Record<Channel, string>>;
  readonly sort: 'x' | '-x' | 'y' | '-y' | null;
  readonly format: Partial<Record<'x' | 'y' | 'fill' | 'size', AxisFormat>>;
  /** Clicking a mark sets this input parameter to the clicked row's value of `field`. */
  readonly click: { readonly param: string; readonly field: string } | null;
  /**
   * Clicking drills one level down; the parameter holds the path, e.g. ['Europe', 'France'].
   * `label` names the path in filter chips ("Geography: Europe › France").
   */
  readonly drill: { readonly param: string; readonly levels: readonly string[]; readonly label: string | null } | null;
  readonly height: number | null;
  readonly problems: readonly string[];
}

export function parseChartSpec(source: string): ChartSpec {
  const { value: raw, problem } = parseYamlObject(source);
  const problems = problem ? [problem] : unknownKeyProblems(raw, KEYS, 'a chart', SYNONYMS);
  const data = optionalString(raw['data']);
  if (data === null) problems.push('No "data:": give a SQL query or a table name such as gold.fact_sales.');
  const mark = (optionalString(raw['mark']) ?? 'bar') as ChartMark;
  if (!MARKS.includes(mark)) problems.push(`mark must be one of ${MARKS.join(', ')}, not "${mark}".`);
  const channels: Partial<Record<Channel, string>> = {};
  for (const channel of CHANNELS) {
    const value = optionalString(raw[channel]);
    if (value !== null) channels[channel] = value;
  }
  const sort = optionalString(raw['sort']);
  if (sort !== null && !['x', '-x', 'y', '-y'].includes(sort)) problems.push(`sort must be x, -x, y or -y, not "${sort}".`);
  const format: ChartSpec['format'] = {};
  if (raw['format'] && typeof raw['format'] === 'object') {
    for (const [key, value] of Object.entries(raw['format'] as Record<string, unknown>)) {
      if (!['x', 'y', 'fill', 'size'].includes(key)) problems.push(`format.${key}: only x, y, fill and size have formats.`);
      else if (!FORMATS.includes(value as AxisFormat)) problems.push(`format.${key} must be one of ${FORMATS.join(', ')}.`);
      else format[key as 'x'] = value as AxisFormat;
    }
  }
  return {
    title: optionalString(raw['title']) ?? '',
    data,
    mark,
    channels,
    sort: sort as ChartSpec['sort'],
    format,
    click: readClick(raw['click'], problems),
    drill: readDrill(raw['drill'], problems),
    height: typeof raw['height'] === 'number' ? raw['height'] : null,
    problems,
  };
}

/** The SQL a chart runs: its query, or everything from a named table. */
export function chartSql(spec: ChartSpec): string | null {
  if (spec.data === null) return null;
  return /^\s*[A-Za-z_][\w]*\.[A-Za-z_][\w]*\s*$/.test(spec.data) ? `SELECT * FROM ${spec.data.trim()}` : spec.data;
}

/**
 * Settings naming a column the chart's data does not have, in words. Plot would draw such
 * a chart empty, or with every mark in one place, and say nothing. `fill` and `stroke`
 * may be a colour instead, and `size` a number, so they are not checked; nor are drill
 * levels, which name levels, not columns (the data's one column changes level).
 */
export function missingColumnProblems(spec: ChartSpec, columns: readonly string[]): string[] {
  const named: [string, string | undefined][] = [
    ...(['x', 'y', 'facet', 'text'] as const).map((c): [string, string | undefined] => [c, spec.channels[c]]),
    ['click', spec.click?.field],
  ];
  const list = columns.join(', ');
  return named
    .filter(([, column]) => column !== undefined && !columns.includes(column))
    .map(([setting, column]) => `${setting}: "${column}" is not a column of the chart's data; its columns are ${list}.`);
}

function readClick(raw: unknown, problems: string[]): ChartSpec['click'] {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string') return { param: raw, field: raw };
  const value = raw as { param?: unknown; field?: unknown };
  if (typeof value.param === 'string') return { param: value.param, field: typeof value.field === 'string' ? value.field : value.param };
  problems.push('click: name the input to set, e.g. click: country.');
  return null;
}

function readDrill(raw: unknown, problems: string[]): ChartSpec['drill'] {
  if (raw === undefined || raw === null) return null;
  const value = raw as { param?: unknown; levels?: unknown; label?: unknown };
  if (typeof value.param === 'string' && Array.isArray(value.levels) && value.levels.length > 1) {
    return { param: value.param, levels: value.levels.map(String), label: optionalString(value.label) };
  }
  problems.push('drill: give a param and at least two levels, e.g. {param: geo, levels: [continent, country]}.');
  return null;
}
