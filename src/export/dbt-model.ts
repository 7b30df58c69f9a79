/** One model of an exported dbt project: a notebook table as dbt builds it. */
export interface DbtModel {
  /** The dbt model name, `silver_sales`. */
  readonly name: string;
  /** The notebook table, `silver.sales`. */
  readonly table: string;
  readonly layer: string;
  readonly path: string;
  readonly materialized: 'table' | 'view';
  /** Models it reads through `ref()`. */
  readonly refs: readonly string[];
  /** Source tables it reads through `source('raw', …)`. */
  readonly sources: readonly string[];
  readonly cell: string;
}
