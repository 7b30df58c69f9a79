/**
 * The one boundary between the page and the engine. Everything that crosses it is plain
 * data (structured-clone safe); query results cross as Arrow IPC bytes so the worker can
 * transfer their buffers instead of copying rows. The Node runner and tests use the same
 * interface in-process.
 */

/** A file the engine can read: a Blob/File in the browser, a path or a Blob in Node. */
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
  /** Lines DuckDB could not read as rows (ragged, broken quotes), with their reasons. */
  readonly rejected: readonly { line: number; reason: string }[];
  /** Why the file could not be read at all, naming the file; null when it loaded. */
  readonly error: string | null;
}

export interface IngestResult {
  readonly table: string;
  readonly rows: number;
  readonly columns: readonly ColumnInfo[];
  readonly files: readonly FileIngestReport[];
  readonly elapsedMs: number;
}

export interface IngestProgress {
  readonly file: string;
  readonly fileIndex: number;
  readonly fileCount: number;
  readonly phase: 'detecting' | 'loading' | 'done';
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface RunOptions {
  /** The table or view the SQL creates (from analysis), or null for a query. */
  readonly defines: string | null;
  /** Name under which a query's result is kept for paging, e.g. `cell_result_3`. */
  readonly resultName: string;
  /** Rows of the result to return right away. */
  readonly previewRows: number;
}

export interface RunResult {
  /** The relation to page through (a notebook table or a kept query result), if any. */
  readonly relation: string | null;
  readonly rows: number;
  readonly columns: readonly ColumnInfo[];
  /** The first `previewRows` rows, Arrow IPC. */
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
  ): Promise<IngestResult>;
  run(sql: string, options: RunOptions): Promise<RunResult>;
  /** Rows [offset, offset + limit) of a relation, Arrow IPC. */
  page(relation: string, offset: number, limit: number): Promise<Uint8Array>;
  /** Any query's whole result, Arrow IPC. For small results (catalog, charts). */
  query(sql: string): Promise<Uint8Array>;
  catalog(): Promise<TableInfo[]>;
}
