/**
 * The engine over DuckDB: files, bronze ingest, running cells, paging results, catalog.
 * No DOM and no Node APIs here (those live in the platform), so one class serves the
 * browser worker, the tests and the headless runner.
 */
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import type {
  EngineApi,
  EngineInfo,
  FileHandle,
  IngestProgress,
  IngestResult,
  RegisteredFile,
  RunOptions,
  RunResult,
  TableInfo,
} from './api.ts';
import type { EnginePlatform } from './platform.ts';
import type { ByteReader } from './detect-encoding.ts';
import { DuckSession } from './duck-session.ts';
import { ingestFiles } from './csv-ingest.ts';
import { describeColumns } from './describe.ts';
import { quoteIdent, quoteLiteral, quoteQualified } from './sql-quote.ts';
import { splitStatements } from '../analysis/sql-tokens.ts';
import { matchesFilePattern } from '../analysis/bronze-spec.ts';

const QUERY_START = /^\s*(\(|select\b|with\b|from\b|values\b|table\b|pivot\b|unpivot\b)/i;

export class DuckEngine implements EngineApi {
  private readonly session: DuckSession;
  private readonly files = new Map<string, ByteReader>();

  constructor(
    private readonly db: DuckDBBindings,
    private readonly platform: EnginePlatform,
  ) {
    this.session = new DuckSession(db);
    // No network here (offline page, CI): autoloading an extension would hang, not fail.
    this.session.table('SET autoinstall_known_extensions = false');
    this.session.table('SET autoload_known_extensions = false');
    for (const layer of ['bronze', 'silver', 'gold']) {
      this.session.table(`CREATE SCHEMA IF NOT EXISTS ${layer}`);
    }
  }

  async info(): Promise<EngineInfo> {
    return { duckdbVersion: this.db.getVersion(), platform: this.platform.name };
  }

  async addFile(name: string, handle: FileHandle): Promise<RegisteredFile> {
    if (this.files.has(name)) this.db.dropFile(name);
    const reader = await this.platform.register(this.db, name, handle);
    this.files.set(name, reader);
    return { name, size: reader.size };
  }

  async removeFile(name: string): Promise<void> {
    if (this.files.delete(name)) this.db.dropFile(name);
  }

  async listFiles(): Promise<RegisteredFile[]> {
    return [...this.files].map(([name, reader]) => ({ name, size: reader.size }));
  }

  async ingest(
    table: string,
    patterns: readonly string[],
    onProgress: (progress: IngestProgress) => void = () => {},
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
    const files = [...matched].map((name) => ({ name, reader: this.files.get(name)! }));
    return ingestFiles(this.session, table, files, onProgress);
  }

  async run(sql: string, options: RunOptions): Promise<RunResult> {
    const started = performance.now();
    const statements = splitStatements(sql).map((s) => sql.slice(s.start, s.end));
    if (statements.length === 0) throw new Error('The cell is empty: write a query or a CREATE TABLE.');
    if (options.defines) this.prepareDefinition(options.defines);

    for (const statement of statements.slice(0, -1)) await this.session.execute(statement);
    const last = statements[statements.length - 1]!;
    let relation: string | null = options.defines ? quoteQualified(options.defines) : null;
    if (relation === null && QUERY_START.test(last)) {
      // Keep the query's result as a temp table so the grid can page through it.
      relation = quoteIdent(options.resultName);
      // The statement starts on its own line so DuckDB's "LINE n" excerpt shows the person's SQL.
      await this.session.execute(`CREATE OR REPLACE TEMP TABLE ${relation} AS\n${last}`);
    } else if (relation === null) {
      const bytes = await this.session.execute(last);
      return { relation: null, rows: -1, columns: [], preview: bytes, elapsedMs: performance.now() - started };
    } else {
      await this.session.execute(last);
    }
    const rows = Number(this.session.scalar(`SELECT count(*) FROM ${relation}`));
    return {
      relation,
      rows,
      columns: describeColumns(this.session, relation),
      preview: await this.page(relation, 0, options.previewRows),
      elapsedMs: performance.now() - started,
    };
  }

  async page(relation: string, offset: number, limit: number): Promise<Uint8Array> {
    return this.session.bytes(
      `SELECT * FROM ${relation} LIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${Math.max(0, Math.floor(offset))}`,
    );
  }

  async query(sql: string): Promise<Uint8Array> {
    return this.session.execute(sql);
  }

  async catalog(): Promise<TableInfo[]> {
    const rows = this.session.table(
      `SELECT table_schema AS s, table_name AS t, column_name AS c, data_type AS d
       FROM information_schema.columns
       WHERE table_catalog = current_database() AND table_schema NOT IN ('information_schema', 'pg_catalog')
       ORDER BY table_schema, table_name, ordinal_position`,
    );
    const tables = new Map<string, { schema: string; name: string; columns: { name: string; type: string }[] }>();
    for (const row of rows) {
      const key = `${row['s']}.${row['t']}`;
      if (!tables.has(key)) tables.set(key, { schema: String(row['s']), name: String(row['t']), columns: [] });
      tables.get(key)!.columns.push({ name: String(row['c']), type: String(row['d']) });
    }
    return [...tables.values()];
  }

  /**
   * Before a cell (re)creates `schema.name`: make the schema, and drop an existing object
   * of that name so a plain `CREATE TABLE` can run again and a table can become a view.
   */
  private prepareDefinition(qualified: string): void {
    const [schema, name] = qualified.split('.') as [string, string];
    this.session.table(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    const kind = this.session.scalar(
      `SELECT table_type FROM information_schema.tables
       WHERE table_catalog = current_database() AND table_schema = ${quoteLiteral(schema)} AND table_name = ${quoteLiteral(name)}`,
    );
    if (kind === 'VIEW') this.session.table(`DROP VIEW IF EXISTS ${quoteQualified(qualified)}`);
    else if (kind !== null) this.session.table(`DROP TABLE IF EXISTS ${quoteQualified(qualified)}`);
  }
}
