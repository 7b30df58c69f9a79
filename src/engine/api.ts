/**
 * The one boundary between the page and the engine. Everything that crosses it is plain
 * data (structured-clone safe); query results cross as Arrow IPC bytes so the worker can
 * transfer their buffers instead of copying rows. The Node runner and tests use the same
 * interface in-process.
 */

/**
 * A file the engine can read: a Blob/File in the browser, a path or a Blob in Node, or an
 * http(s) URL it fetches (refused in the browser until network access is allowed).
 */
export type FileHandle = Blob | string;

export type TextEncoding = 'utf-8' | 'utf-16' | 'latin-1';

export interface ColumnInfo {
  readonly name: string;
  /** DuckDB's type name, e.g. `DECIMAL(18,4)`, `DATE`, `VARCHAR`. */
  readonly type: string;
}

export interface RegisteredFile {
  readonly name: string;
  readonly size: number;
}

export interface CsvDialect {
  readonly delimiter: string;
  readonly quote: string;
  readonly escape: string;
  readonly header: boolean;
  readonly skipRows: number;
  readonly newline: string;
}

export interface FileIngestReport {
  readonly file: string;
  readonly encoding: TextEncoding | null;
  readonly bom: boolean;
  readonly dialect: CsvDialect | null;
  readonly rows: number;
  readonly columns: readonly string[];
  /**
   * Lines DuckDB could not read as rows (ragged, broken quotes), with their reasons and
   * their text (an unterminated quote can swallow several lines into one rejected row).
   */
  readonly rejected: readonly RejectedLine[];
  /** Why the file could not be read at all, naming the file; null when it loaded. */
  readonly error: string | null;
  /** Settings the bronze cell gave for this file (null: everything detected). */
  readonly overrides?: CsvOverrides | null;
  /** The text of the lines skipped before the header (a preamble), so none goes unseen. */
  readonly skippedLines?: readonly string[];
  /** What a person should know about how the file was read, in words. */
  readonly warnings?: readonly string[];
}

export interface RejectedLine {
  readonly line: number;
  readonly reason: string;
  readonly text?: string;
}

/**
 * CSV settings a bronze cell can set for its files; whatever is left out is detected.
 * `skip` counts lines before the header; `quote: ""` means no quoting.
 */
export interface CsvOverrides {
  readonly encoding?: TextEncoding;
  readonly delimiter?: string;
  readonly quote?: string;
  readonly escape?: string;
  readonly header?: boolean;
  readonly skip?: number;
}

/** Overrides for a bronze cell's files: for all of them, then per name or glob (later wins). */
export interface IngestOptions {
  readonly all?: CsvOverrides;
  readonly files?: readonly { readonly pattern: string; readonly options: CsvOverrides }[];
  /**
   * false: make the bronze table a VIEW over the files, read in place on every query,
   * instead of loading them (for files larger than the engine's memory). Default true.
   */
  readonly materialize?: boolean;
}

export interface IngestResult {
  readonly table: string;
  readonly rows: number;
  readonly columns: readonly ColumnInfo[];
  readonly files: readonly FileIngestReport[];
  readonly elapsedMs: number;
  /** False when the table is a view reading the files in place (`materialize: false`). */
  readonly materialized?: boolean;
}

export interface IngestProgress {
  readonly file: string;
  readonly fileIndex: number;
  readonly fileCount: number;
  readonly phase: 'detecting' | 'loading' | 'done';
  /** Bytes read so far: by the encoding check while detecting, by DuckDB while loading. */
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** Rows loaded, once done. */
  readonly rows?: number;
  /** Rows read so far while loading, estimated from the bytes read and the files' first lines. */
  readonly rowsEstimate?: number;
}

export interface RunOptions {
  /** The table or view the SQL creates (from analysis), or null for a query. */
  readonly defines: string | null;
  /** Whether the SQL makes `defines` as a table or a view (from analysis), if known. */
  readonly definesKind?: 'table' | 'view' | null;
  /** Name under which a query's result is kept for paging, e.g. `cell_result_3`. */
  readonly resultName: string;
  /** Rows of the result to return right away. */
  readonly previewRows: number;
}

export interface RunResult {
  /** The relation to page through (a notebook table or a kept query result), if any. */
  readonly relation: string | null;
  readonly rows: number;
  /** The first `previewRows` rows, Arrow IPC (its schema names the columns and their types). */
  readonly preview: Uint8Array;
  readonly elapsedMs: number;
}

export interface TableInfo {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly ColumnInfo[];
}

export interface EngineInfo {
  readonly duckdbVersion: string;
  readonly platform: 'browser' | 'node';
  /** DuckDB-WASM, or native DuckDB through @duckdb/node-api (`medallion run --engine native`). */
  readonly engine?: 'wasm' | 'native';
  readonly threads?: number;
}

// ── Data tests ────────────────────────────────────────────────────────────────────────

export type DataTestKind = 'unique' | 'not_null' | 'accepted_values' | 'relationships' | 'row_count' | 'expect' | 'query';

interface DataTestCommon {
  /** How the test is listed: `unique (order_number, order_line)`, or the name given. */
  readonly name: string;
  /** What to do when it fails, in the notebook author's words. */
  readonly hint: string | null;
  /** A SQL condition: the test checks only the rows that meet it. */
  readonly where: string | null;
}

/** One declared test, as plain data. Each kind's failing rows are described in data-tests.ts. */
export type DataTest = DataTestCommon &
  (
    | { readonly kind: 'unique'; readonly columns: readonly string[] }
    | { readonly kind: 'not_null'; readonly column: string }
    | { readonly kind: 'accepted_values'; readonly column: string; readonly values: readonly (string | number | boolean)[] }
    | { readonly kind: 'relationships'; readonly column: string; readonly to: string; readonly field: string }
    | { readonly kind: 'row_count'; readonly min: number | null; readonly max: number | null }
    /** A condition every row must meet (rows where it is false fail; null passes, as in dbt). */
    | { readonly kind: 'expect'; readonly sql: string }
    /** A query that lists offending rows; the test passes when it returns none. */
    | { readonly kind: 'query'; readonly sql: string }
  );

export interface DataTestResult {
  readonly name: string;
  readonly kind: DataTestKind;
  /** The table the test checks. */
  readonly table: string;
  readonly passed: boolean;
  /** Offending rows, or for `unique` duplicated keys and for `accepted_values` unexpected values. */
  readonly failures: number;
  /** One sentence: what passed or what is wrong, with counts. */
  readonly summary: string;
  readonly hint: string | null;
  /** Up to 20 offending rows (Arrow IPC); no rows when the test passed. */
  readonly sample: Uint8Array;
  /** The query that lists the offending rows, to paste into a SQL cell. */
  readonly sql: string;
  /** Why the test itself could not run (e.g. a column that does not exist); it then fails. */
  readonly error: string | null;
  readonly elapsedMs: number;
}

// ── Column profiles ───────────────────────────────────────────────────────────────────

export type ProfileKind = 'number' | 'date' | 'text' | 'boolean' | 'other';

export interface HistogramBin {
  /** Lower and upper bound: numbers, or for dates epoch milliseconds. `to` is exclusive except in the last bin. */
  readonly from: number;
  readonly to: number;
  /** The bounds as text: `10 – 19`, `2016-01-01 – 2016-02-06`. */
  readonly label: string;
  readonly count: number;
}

export interface ColumnProfile {
  readonly name: string;
  /** DuckDB's type name. */
  readonly type: string;
  readonly kind: ProfileKind;
  readonly rows: number;
  readonly nulls: number;
  /** nulls / rows (0 for an empty relation). */
  readonly nullShare: number;
  readonly distinct: number;
  /** True when `distinct` is a HyperLogLog estimate (near-unique columns of large relations). */
  readonly distinctApproximate: boolean;
  /** Exact text (decimals to their scale, dates ISO); null when every value is null. */
  readonly min: string | null;
  readonly max: string | null;
  /** The 5 most frequent non-null values, most frequent first; empty when nearly every value differs. */
  readonly top: readonly { readonly value: string; readonly count: number }[];
  /** 10 equal-width bins for numbers and dates (fewer for small integer ranges); null for other kinds. */
  readonly histogram: readonly HistogramBin[] | null;
}

export interface RelationProfile {
  readonly relation: string;
  readonly rows: number;
  readonly columns: readonly ColumnProfile[];
  readonly elapsedMs: number;
}

// ── Cleaning report (silver built from bronze) ─────────────────────────────────────────

export interface CleaningRequest {
  /** The silver table, `silver.sales`. */
  readonly table: string;
  /** The cell's SQL, to find how each column was made. */
  readonly sql: string;
  /** The bronze tables the cell reads. */
  readonly sources: readonly string[];
}

/** Values of a date-like text column in one written form. */
export interface DateFormatCount {
  /** `M/D/YYYY`, `DD-MM-YYYY`, `YYYY-MM-DD`, `MM-DD-YYYY or DD-MM-YYYY` (order cannot be told), `other`. */
  readonly format: string;
  readonly count: number;
  readonly example: string;
  /** Values whose day and month are both 12 or less: on their own they read either way. */
  readonly ambiguous: number;
}

export interface RawColumnSummary {
  readonly name: string;
  /** Always text in bronze (`VARCHAR`). */
  readonly type: string;
  readonly nonEmpty: number;
  /** Null, empty or blank values. */
  readonly empty: number;
  /** For columns that look like dates: how many values are written in each form. */
  readonly formats: readonly DateFormatCount[] | null;
}

export interface CleanedColumnSummary {
  readonly name: string;
  readonly type: string;
  /** The bronze column it is made from (the only one its expression mentions), if any. */
  readonly source: string | null;
  /** The expression that makes it, as written in the cell. */
  readonly expression: string | null;
  readonly nulls: number;
  /**
   * Non-empty raw values that came out null (a failed cast, or a value mapped to null such
   * as `NA`); null when it could not be worked out.
   */
  readonly failed: number | null;
  /** The most frequent of those raw values. */
  readonly failedExamples: readonly { readonly value: string; readonly count: number }[];
}

export interface SourceFileSummary {
  readonly file: string;
  readonly rows: number;
  /** Another file of the same table holding exactly the same rows, if any. */
  readonly identicalTo: string | null;
}

export interface CleaningReport {
  readonly table: string;
  readonly sources: readonly string[];
  /** Rows in the bronze sources. */
  readonly rowsIn: number;
  /** Rows the cell's WHERE clause left out; null when it could not be evaluated on its own. */
  readonly rowsFiltered: number | null;
  /** Silver columns identifying a row (from `QUALIFY … PARTITION BY` or `SELECT DISTINCT`). */
  readonly key: readonly string[] | null;
  /** Distinct key values among the rows kept by WHERE. */
  readonly distinctKeys: number | null;
  /** Rows dropped as duplicates of another row (kept rows minus distinct keys, or in − out). */
  readonly duplicatesRemoved: number | null;
  readonly rowsOut: number;
  /** Per source file (bronze's `_source_file`): rows, and whether it repeats another file. */
  readonly files: readonly SourceFileSummary[];
  /** Schema before: the bronze columns. */
  readonly before: readonly RawColumnSummary[];
  /** Schema after: the silver columns, each traced to its bronze column where possible. */
  readonly after: readonly CleanedColumnSummary[];
  /** The findings in sentences, most important first. */
  readonly notes: readonly string[];
  readonly elapsedMs: number;
}

/** Rows sorted by one column, nulls last either way (as a spreadsheet sorts). */
export interface RowOrder {
  readonly column: string;
  readonly descending: boolean;
}

export interface EngineApi {
  info(): Promise<EngineInfo>;
  addFile(name: string, handle: FileHandle): Promise<RegisteredFile>;
  removeFile(name: string): Promise<void>;
  listFiles(): Promise<RegisteredFile[]>;
  /** Load the files matching `patterns` as raw text into `table`, one report per file. */
  ingest(
    table: string,
    patterns: readonly string[],
    onProgress?: (progress: IngestProgress) => void,
    options?: IngestOptions,
  ): Promise<IngestResult>;
  run(sql: string, options: RunOptions): Promise<RunResult>;
  /** Rows [offset, offset + limit) of a relation, Arrow IPC; in `order` when given (a grid's sorted column). */
  page(relation: string, offset: number, limit: number, order?: RowOrder): Promise<Uint8Array>;
  /** Any query's whole result, Arrow IPC. For small results (catalog, charts). */
  query(sql: string): Promise<Uint8Array>;
  catalog(): Promise<TableInfo[]>;
  /** Runs data tests on `table`; a test that cannot run fails with its error. */
  runTests(table: string, tests: readonly DataTest[]): Promise<DataTestResult[]>;
  /** Per-column profile of a table or kept result (a quoted relation, as `page` takes). */
  profile(relation: string): Promise<RelationProfile>;
  /** What a silver cell did to its bronze rows: counts, duplicates, failed casts, formats. */
  cleaningReport(request: CleaningRequest): Promise<CleaningReport>;
  /**
   * Interrupts what the engine is running now: those calls fail with "Cancelled"; tables
   * made before stay. Resolves true when something was running.
   */
  cancel(): Promise<boolean>;
  /**
   * Milliseconds the engine has spent with at least one call under way since it started:
   * the query time benchmarks report (a slicer change's queries, without the page's drawing).
   */
  busyTime(): Promise<number>;
  /**
   * Drops the table or view `schema.name` if there is one (true) or says there is none
   * (false): frees the memory a table holds before a run that will make it again (the
   * runtime does so when a run ran out of memory).
   */
  drop(qualified: string): Promise<boolean>;
  /** Tests only: kills the engine as an out-of-memory crash would (the worker closes). */
  crashForTesting?(): Promise<void>;
}
