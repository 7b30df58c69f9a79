/**
 * The engine over DuckDB: files, bronze ingest, running cells, paging results, catalog.
 * No DOM and no Node APIs here (those live in the backend), so one class serves the
 * browser worker, the tests and the headless runner, on DuckDB-WASM or native DuckDB.
 */
import type {
  CleaningReport,
  CleaningRequest,
  DataTest,
  DataTestResult,
  EngineApi,
  FileIngestReport,
  EngineInfo,
  FileHandle,
  IngestOptions,
  IngestProgress,
  IngestResult,
  RelationProfile,
  RegisteredFile,
  RowOrder,
  RunOptions,
  RunResult,
  TableInfo,
} from './api.ts';
import type { EngineBackend, RegisteredHandle } from './backend.ts';
import { QueryCancelledError, type DuckSession } from './duck-session.ts';
import { formatBytes, ingestFiles } from './csv-ingest.ts';
import { isParquet } from './detect-encoding.ts';
import { atCellLines } from './error-lines.ts';

/**
 * The largest Parquet file read: it is decoded whole in memory, then held as CSV text
 * (several times its size), unlike a CSV, which is read in place.
 */
const MAX_PARQUET_BYTES = 256 * 1000 * 1000;
const PARQUET_NOTE = 'A Parquet file: its rows were read as text, as a CSV export of it would be (its column types are for silver to apply).';
import { downloadFile, isDataUrl } from './download-file.ts';
import { runDataTests } from './data-tests.ts';
import { profileRelation } from './profile.ts';
import { cleaningReport } from './cleaning-report.ts';
import { quoteIdent, quoteLiteral, quoteQualified } from './sql-quote.ts';
import { splitStatements } from '../analysis/sql-tokens.ts';
import { matchesFilePattern } from '../analysis/bronze-spec.ts';

const QUERY_START = /^\s*(\(|select\b|with\b|from\b|values\b|table\b|pivot\b|unpivot\b)/i;

export interface EngineOptions {
  /** Bytes a bronze table may take; overrides what the backend works out (tests). null: no cap. */
  readonly memoryBudget?: number | null;
}

/** One engine call in flight; `cancel()` marks every one so their next statement is refused. */
interface CallToken {
  cancelled: boolean;
}

export class DuckEngine implements EngineApi {
  private readonly files = new Map<string, RegisteredHandle>();
  /** Files that were Parquet, held as the CSV text of their rows; their reports say so. */
  private readonly fromParquet = new Set<string>();
  /** Schemas known to exist, so a cell does not re-create its schema every run. */
  private readonly schemas = new Set<string>(['bronze', 'silver', 'gold']);
  /** What each cell's last run made of its table (`gold.x` → VIEW), to drop it without a catalog lookup. */
  private readonly made = new Map<string, 'TABLE' | 'VIEW'>();
  private readonly inflight = new Set<CallToken>();
  /** Time with a call under way, summed; `busySince` is when the current busy stretch began. */
  private busyMs = 0;
  private busySince = 0;

  private constructor(
    private readonly backend: EngineBackend,
    private readonly options: EngineOptions,
  ) {}

  static async create(backend: EngineBackend, options: EngineOptions = {}): Promise<DuckEngine> {
    const session = backend.session;
    // No network here (offline page, CI): autoloading an extension would hang, not fail.
    await session.execute('SET autoinstall_known_extensions = false');
    await session.execute('SET autoload_known_extensions = false');
    for (const layer of ['bronze', 'silver', 'gold']) {
      await session.execute(`CREATE SCHEMA IF NOT EXISTS ${layer}`);
    }
    return new DuckEngine(backend, options);
  }

  async info(): Promise<EngineInfo> {
    return {
      duckdbVersion: await this.backend.version(),
      platform: this.backend.platform,
      engine: this.backend.kind,
      threads: await this.backend.threads(),
    };
  }

  async addFile(name: string, handle: FileHandle): Promise<RegisteredFile> {
    const contents = isDataUrl(handle) ? await downloadFile(name, handle) : handle;
    if (this.files.delete(name)) await this.backend.dropFile(name);
    this.fromParquet.delete(name);
    let registered = await this.backend.registerFile(name, contents);
    if (isParquet(await registered.reader.read(0, Math.min(registered.reader.size, 4)))) {
      registered = await this.parquetAsCsv(name, registered);
      this.fromParquet.add(name);
    }
    this.files.set(name, registered);
    return { name, size: registered.reader.size };
  }

  /** Registers a Parquet file again as the CSV text of its rows (parquet-to-csv.ts), under its own name. */
  private async parquetAsCsv(name: string, registered: RegisteredHandle): Promise<RegisteredHandle> {
    const { reader } = registered;
    let csv: Uint8Array<ArrayBuffer>;
    try {
      if (reader.size > MAX_PARQUET_BYTES) {
        throw new Error(
          `${name} is a Parquet file of ${formatBytes(reader.size)}; files up to ${formatBytes(MAX_PARQUET_BYTES)} are read in the browser. Save it as CSV, which is read in place at any size.`,
        );
      }
      // Its reader (hyparquet) loads with the first Parquet file, not with every engine.
      const { parquetToCsv } = await import('./parquet-to-csv.ts');
      csv = await parquetToCsv(await reader.read(0, reader.size)).catch((error: unknown) => {
        throw new Error(`${name} starts as a Parquet file but could not be read as one: ${error instanceof Error ? error.message : String(error)}`);
      });
    } finally {
      await this.backend.dropFile(name);
    }
    return this.backend.registerFile(name, new Blob([csv]));
  }

  async removeFile(name: string): Promise<void> {
    this.fromParquet.delete(name);
    if (this.files.delete(name)) await this.backend.dropFile(name);
  }

  async listFiles(): Promise<RegisteredFile[]> {
    return [...this.files].map(([name, { reader }]) => ({ name, size: reader.size }));
  }

  async ingest(
    table: string,
    patterns: readonly string[],
    onProgress: (progress: IngestProgress) => void = () => {},
    options: IngestOptions = {},
  ): Promise<IngestResult> {
    const names = [...this.files.keys()].sort();
    const matched = new Set<string>();
    for (const pattern of patterns) {
      const hits = names.filter((name) => matchesFilePattern(name, pattern));
      if (hits.length === 0) {
        throw new Error(
          `No file matches "${pattern}". Add it with "Add data files" or drop it on the page.`,
        );
      }
      hits.forEach((hit) => matched.add(hit));
    }
    const files = [...matched].map((name) => {
      const { reader, sqlPath } = this.files.get(name)!;
      return { name, reader, sqlPath };
    });
    const result = await this.call((session) =>
      ingestFiles(session, table, files, onProgress, options, {
        memoryBudget: () => this.memoryBudget(session),
        bytesRead: (sqlPath) => this.backend.bytesRead?.(sqlPath) ?? null,
        queryProgress: () => this.backend.queryProgress?.() ?? null,
      }),
    );
    const converted = (report: FileIngestReport): FileIngestReport =>
      this.fromParquet.has(report.file)
        ? { ...report, warnings: [PARQUET_NOTE, ...(report.warnings ?? [])] }
        : report;
    return { ...result, files: result.files.map(converted) };
  }

  async run(sql: string, options: RunOptions): Promise<RunResult> {
    return this.call(async (session) => {
      const started = performance.now();
      const spans = splitStatements(sql);
      const statements = spans.map((s) => sql.slice(s.start, s.end));
      if (statements.length === 0) throw new Error('The cell is empty: write a query or a CREATE TABLE.');
      if (options.defines) await this.prepareDefinition(session, options.defines);

      for (const [i, statement] of statements.slice(0, -1).entries()) {
        await session.execute(statement).catch((error: unknown) => {
          throw atCellLines(error, sql, spans[i]!.start);
        });
      }
      const last = statements[statements.length - 1]!;
      const lastStart = spans[spans.length - 1]!.start;
      let relation: string | null = options.defines ? quoteQualified(options.defines) : null;
      let rows: number | null = null;
      if (relation === null && QUERY_START.test(last)) {
        // Keep the query's result as a temp table so the grid can page through it.
        relation = quoteIdent(options.resultName);
        // The statement starts on its own line so DuckDB's "LINE n" excerpt shows the person's SQL.
        // CREATE TABLE … AS answers with the number of rows it stored.
        rows = Number(
          await session.scalar(`CREATE OR REPLACE TEMP TABLE ${relation} AS\n${last}`).catch((error: unknown) => {
            throw atCellLines(error, sql, lastStart, 1);
          }),
        );
      } else if (relation === null) {
        const bytes = await session.execute(last).catch((error: unknown) => {
          throw atCellLines(error, sql, lastStart);
        });
        return { relation: null, rows: -1, preview: bytes, elapsedMs: performance.now() - started };
      } else {
        await session.execute(last).catch((error: unknown) => {
          throw atCellLines(error, sql, lastStart);
        });
        if (options.defines && options.definesKind) this.made.set(options.defines, options.definesKind === 'view' ? 'VIEW' : 'TABLE');
      }
      const count = rows ?? Number(await session.scalar(`SELECT count(*) FROM ${relation}`));
      return {
        relation,
        rows: count,
        // A result that fits the preview is read whole: DuckDB 1.4's late materialization
        // rewrites any LIMIT into a row-id join, ~1 ms per small result (a slicer's top-20 lists).
        preview: count <= options.previewRows ? await session.bytes(`SELECT * FROM ${relation}`) : await pageOf(session, relation, 0, options.previewRows),
        elapsedMs: performance.now() - started,
      };
    });
  }

  async page(relation: string, offset: number, limit: number, order?: RowOrder): Promise<Uint8Array> {
    return this.call((session) => pageOf(session, relation, offset, limit, order));
  }

  async query(sql: string): Promise<Uint8Array> {
    return this.call((session) => session.execute(sql));
  }

  async catalog(): Promise<TableInfo[]> {
    const rows = await this.call((session) =>
      session.table(
        `SELECT table_schema AS s, table_name AS t, column_name AS c, data_type AS d
         FROM information_schema.columns
         WHERE table_catalog = current_database() AND table_schema NOT IN ('information_schema', 'pg_catalog')
         ORDER BY table_schema, table_name, ordinal_position`,
      ),
    );
    const tables = new Map<string, { schema: string; name: string; columns: { name: string; type: string }[] }>();
    for (const row of rows) {
      const key = `${row['s']}.${row['t']}`;
      if (!tables.has(key)) tables.set(key, { schema: String(row['s']), name: String(row['t']), columns: [] });
      tables.get(key)!.columns.push({ name: String(row['c']), type: String(row['d']) });
    }
    return [...tables.values()];
  }

  async runTests(table: string, tests: readonly DataTest[]): Promise<DataTestResult[]> {
    return this.call((session) => runDataTests(session, table, tests));
  }

  async profile(relation: string): Promise<RelationProfile> {
    return this.call((session) => profileRelation(session, relation));
  }

  async cleaningReport(request: CleaningRequest): Promise<CleaningReport> {
    return this.call((session) => cleaningReport(session, request));
  }

  async cancel(): Promise<boolean> {
    if (this.inflight.size === 0) return false;
    for (const token of this.inflight) token.cancelled = true;
    this.backend.session.cancel();
    return true;
  }

  async drop(qualified: string): Promise<boolean> {
    return this.call(async (session) => {
      const kind = await kindOf(session, qualified);
      if (kind !== null) await session.execute(`DROP ${kind} IF EXISTS ${quoteQualified(qualified)}`);
      return kind !== null;
    });
  }

  async busyTime(): Promise<number> {
    return this.busyMs + (this.inflight.size > 0 ? performance.now() - this.busySince : 0);
  }

  /**
   * Runs one engine call on a view of the session that refuses further statements once
   * the call is cancelled, so a cancel between two statements stops the call too.
   */
  private async call<T>(work: (session: DuckSession) => Promise<T>): Promise<T> {
    const token: CallToken = { cancelled: false };
    if (this.inflight.size === 0) this.busySince = performance.now();
    this.inflight.add(token);
    try {
      const result = await work(guarded(this.backend.session, token));
      // Helpers that carry on after a failed statement (tests, reports) still end cancelled.
      if (token.cancelled) throw new QueryCancelledError();
      return result;
    } catch (error) {
      throw token.cancelled ? new QueryCancelledError() : error;
    } finally {
      this.inflight.delete(token);
      if (this.inflight.size === 0) this.busyMs += performance.now() - this.busySince;
    }
  }

  /** What a new table may take: the backend's budget less what DuckDB holds now. */
  private async memoryBudget(session: DuckSession): Promise<number | null> {
    const budget = this.options.memoryBudget !== undefined ? this.options.memoryBudget : this.backend.memoryBudget();
    if (budget === null) return null;
    try {
      const used = Number(await session.scalar('SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()'));
      return Math.max(0, budget - used);
    } catch {
      return budget;
    }
  }

  /**
   * Before a cell (re)creates `schema.name`: make the schema, and drop an existing object
   * of that name so a plain `CREATE TABLE` can run again and a table can become a view.
   */
  private async prepareDefinition(session: DuckSession, qualified: string): Promise<void> {
    const schema = qualified.split('.')[0]!;
    if (!this.schemas.has(schema)) {
      await session.execute(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      this.schemas.add(schema);
    }
    await this.dropExisting(session, qualified);
  }

  /** Drops the table or view named so, whichever it is, if it exists. */
  private async dropExisting(session: DuckSession, qualified: string): Promise<void> {
    const known = this.made.get(qualified);
    if (known) {
      try {
        await session.execute(`DROP ${known} IF EXISTS ${quoteQualified(qualified)}`);
        return;
      } catch {
        // Another cell made it as the other kind since: look it up below.
        this.made.delete(qualified);
      }
    }
    const kind = await kindOf(session, qualified);
    if (kind !== null) await session.execute(`DROP ${kind} IF EXISTS ${quoteQualified(qualified)}`);
  }
}

/** Whether `schema.name` is a table or a view now; null when there is none. */
async function kindOf(session: DuckSession, qualified: string): Promise<'TABLE' | 'VIEW' | null> {
  const [schema, name] = qualified.split('.') as [string, string];
  // duckdb_tables()/duckdb_views() take a few milliseconds; information_schema takes more.
  const where = `schema_name = ${quoteLiteral(schema)} AND database_name = current_database()`;
  const kind = await session.scalar(
    `SELECT 'VIEW' FROM duckdb_views() WHERE ${where} AND view_name = ${quoteLiteral(name)}
     UNION ALL SELECT 'TABLE' FROM duckdb_tables() WHERE ${where} AND table_name = ${quoteLiteral(name)}`,
  );
  return kind === 'VIEW' || kind === 'TABLE' ? kind : null;
}

function pageOf(session: DuckSession, relation: string, offset: number, limit: number, order?: RowOrder): Promise<Uint8Array> {
  const orderBy = order ? ` ORDER BY ${quoteIdent(order.column)} ${order.descending ? 'DESC' : 'ASC'} NULLS LAST` : '';
  return session.bytes(
    `SELECT * FROM ${relation}${orderBy} LIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${Math.max(0, Math.floor(offset))}`,
  );
}

/** The session as one call sees it: once the call is cancelled, every statement is refused. */
function guarded(session: DuckSession, token: CallToken): DuckSession {
  const check = () => {
    if (token.cancelled) throw new QueryCancelledError();
  };
  return {
    table: async (sql) => (check(), session.table(sql)),
    bytes: async (sql) => (check(), session.bytes(sql)),
    scalar: async (sql) => (check(), session.scalar(sql)),
    execute: async (sql) => (check(), session.execute(sql)),
    cancel: () => session.cancel(),
  };
}
