/**
 * What a chart, KPI card, slicer, test or files cell starts with when it is added from
 * the page. Added below a cell with a result, it starts from that result: a chart of its
 * first numeric column by its first text column, summed in SQL (a chart never pulls raw
 * rows into the page), a card of that column's total, a slicer over the text column, tests
 * of the table's first column. Elsewhere it starts as an example to edit. Pure: the cell
 * hands in what it knows of its result.
 */
import type { CellKind } from '../notebook/types.ts';
import { splitStatements } from '../analysis/sql-tokens.ts';

/** The kinds added from a cell's "Add…" menu (SQL and text have buttons of their own). */
export const MENU_KINDS = ['chart', 'kpi', 'input', 'test', 'bronze'] as const;
export type MenuKind = (typeof MENU_KINDS)[number] & CellKind;

export const MENU_LABELS: Record<MenuKind, string> = {
  chart: 'Chart',
  kpi: 'KPI card',
  input: 'Slicer',
  test: 'Data tests',
  bronze: 'Files (bronze)',
};

/** The result a new cell starts from: the table its cell made, or its query, and its columns. */
export interface StartingPoint {
  /** `schema.table` the cell made, or null for a query. */
  readonly table: string | null;
  /** The cell's SQL, used as a subquery when it made no table. */
  readonly sql: string;
  readonly columns: readonly StartingColumn[];
}

export interface StartingColumn {
  readonly name: string;
  readonly type: 'integer' | 'fractional' | 'text' | 'other';
  /** Distinct values among the rows the cell shows (its preview), to find a category. */
  readonly distinct: number;
}

/**
 * `takenParams`: parameters inputs set already. A new slicer gets a name of its own: the
 * first input naming a parameter wins, so a new one above would take an existing slicer's.
 */
export function starterSource(kind: MenuKind, from: StartingPoint | null, takenParams: ReadonlySet<string> = new Set()): string {
  const category = from ? categoryOf(from.columns) : null;
  const measure = from ? measureOf(from.columns) : null;
  const relation = from ? (from.table ?? `(\n    ${lastStatement(from.sql).replace(/\n/g, '\n    ')}\n  )`) : null;
  switch (kind) {
    case 'chart':
      if (relation === null || category === null || measure === null) {
        return 'title: Revenue by category\ndata: |\n  SELECT category, sum(revenue) AS revenue\n  FROM gold.fact_sales GROUP BY category\nmark: bar\nx: category\ny: revenue\nsort: -y';
      }
      return [
        `title: ${yamlText(`${title(measure)} by ${title(category).toLowerCase()}`)}`,
        'data: |',
        `  SELECT ${ident(category)}, sum(${ident(measure)}) AS ${ident(measure)}`,
        `  FROM ${relation}`,
        '  GROUP BY 1 ORDER BY 2 DESC LIMIT 20',
        'mark: bar-x',
        `x: ${yamlText(measure)}`,
        `y: ${yamlText(category)}`,
        'sort: -x',
      ].join('\n');
    case 'kpi':
      if (relation === null || measure === null) return 'label: Total revenue\nsql: SELECT sum(revenue) FROM gold.fact_sales\nformat: currency';
      return `label: ${yamlText(/^total\b/i.test(title(measure)) ? title(measure) : `Total ${title(measure).toLowerCase()}`)}\nsql: |\n  SELECT sum(${ident(measure)})\n  FROM ${relation}\nformat: number`;
    case 'input': {
      const column = relation === null || category === null ? 'country' : category;
      const name = unusedName(paramName(column), takenParams);
      const options =
        relation === null || category === null
          ? 'options_sql: SELECT DISTINCT country FROM gold.dim_territory ORDER BY 1'
          : ['options_sql: |', `  SELECT DISTINCT ${ident(column)}`, `  FROM ${relation}`, '  ORDER BY 1'].join('\n');
      return [
        `name: ${name}`,
        `label: ${yamlText(title(column))}`,
        'control: select',
        options,
        `# SQL reads the choice as $${name}: WHERE $${name} IS NULL OR ${ident(column)} = $${name}`,
      ].join('\n');
    }
    case 'test': {
      const first = from?.columns[0]?.name;
      if (!from?.table || first === undefined) return 'table: gold.fact_sales\ntests:\n  - not_null: order_number\n  - row_count: {min: 1}';
      return `table: ${from.table}\ntests:\n  - not_null: ${first}\n  - row_count: {min: 1}`;
    }
    case 'bronze':
      return 'table: bronze.my_table\nfiles: my_file*.csv';
  }
}

/**
 * A SQL cell added under a cell that makes `layer.name` starts the next step of the
 * medallion pattern: bronze.x → silver.x, silver.x → gold.x, a gold table (or one whose
 * next table a cell makes already) → a query of it. Empty under anything else.
 */
export function nextLayerSql(table: string | null, defined: ReadonlySet<string>): string {
  const [layer, name] = table?.split('.') ?? [];
  if (!layer || !name) return '';
  const next = layer === 'bronze' ? 'silver' : layer === 'silver' ? 'gold' : null;
  // A table some cell already makes is not made twice (the later cell would be ignored).
  if (next === null || defined.has(`${next}.${name}`)) return `SELECT *\nFROM ${table}`;
  return `CREATE OR REPLACE TABLE ${next}.${name} AS\nSELECT *\nFROM ${table}`;
}

/** Names of identifiers and calendar parts, numbers nobody sums. */
const NOT_A_MEASURE = /(^|_)(id|key|code|number|no|nr|year|month|day|quarter|week)$/i;

/** The column to sum: money or a fraction before a count, never a key or a year. */
function measureOf(columns: readonly StartingColumn[]): string | null {
  const candidates = columns.filter((c) => (c.type === 'integer' || c.type === 'fractional') && !NOT_A_MEASURE.test(c.name));
  return (candidates.find((c) => c.type === 'fractional') ?? candidates[0])?.name ?? null;
}

/** The text column with the fewest values (gender, country, segment) that still has two. */
function categoryOf(columns: readonly StartingColumn[]): string | null {
  const texts = columns.filter((c) => c.type === 'text' && c.distinct >= 2);
  return [...texts].sort((a, b) => a.distinct - b.distinct)[0]?.name ?? columns.find((c) => c.type === 'text')?.name ?? null;
}

/** The statement whose result the cell shows: its last (`SET …; SELECT …` shows the SELECT). */
function lastStatement(sql: string): string {
  const last = splitStatements(sql).at(-1);
  return (last ? sql.slice(last.start, last.end) : sql).trim().replace(/;\s*$/, '');
}

/** `annual_income` → `Annual income`. */
function title(column: string): string {
  const words = column.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A column as SQL names it: bare when it can be, quoted otherwise (`"Order Date"`). */
function ident(column: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(column) ? column : `"${column.replace(/"/g, '""')}"`;
}

/** `name`, or `name_2`, `name_3`… when it is taken. */
function unusedName(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}_${n}`;
  return candidate;
}

/** Text as a YAML value: bare when it reads back as itself, quoted otherwise (`Sales: total`). */
function yamlText(text: string): string {
  return /^[A-Za-z_][\w .()→-]*$/.test(text) && !/ $/.test(text) ? text : JSON.stringify(text);
}

/** A parameter name from a column: letters, digits and _ (input-spec.ts's rule). */
function paramName(column: string): string {
  const name = column.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^(\d)/, '_$1');
  return name === '' ? 'choice' : name;
}
