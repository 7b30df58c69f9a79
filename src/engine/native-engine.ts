/**
 * The same engine on native DuckDB (`@duckdb/node-api`), for data that does not fit in a
 * browser tab: all the machine's threads, a memory limit, and spilling to a temp
 * directory. `medallion run NOTEBOOK --engine native` uses it. Results cross as the same
 * Arrow IPC bytes as DuckDB-WASM's (native-arrow.ts), so the runtime, the CLI and the
 * tests cannot tell the engines apart.
 *
 * Native DuckDB reads paths, not registered names: a file given as a path is read where it
 * is, a Blob is written to a temp directory first, and the engine puts each file's path in
 * the SQL it writes. Its directories also go on `file_search_path`, so a cell's own
 * `read_csv('AW_Sales_2016.csv')` finds the file by name as it does in the browser.
 */
import { DuckDBInstance, version, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FileHandle } from './api.ts';
import type { EngineBackend, RegisteredHandle } from './backend.ts';
import { DuckEngine } from './duck-engine.ts';
import { QueuedSession } from './duck-session.ts';
import { resultToIpc } from './native-arrow.ts';
import { pathReader } from './node-files.ts';
import { quoteLiteral } from './sql-quote.ts';

export interface NativeEngineOptions {
  /** DuckDB's worker threads; default: every core. */
  readonly threads?: number;
  /** DuckDB's memory_limit, e.g. `8GB`; default: DuckDB's (80% of RAM). */
  readonly memoryLimit?: string;
  /** Where DuckDB spills what does not fit in memory; default: a new directory under the OS temp dir. */
  readonly tempDirectory?: string;
}

/** A session on one native connection: statements one at a time, each interruptible. */
export class NativeSession extends QueuedSession {
  constructor(private readonly conn: DuckDBConnection) {
    super();
  }

  /** Native queries run on DuckDB's own threads, so this thread is free while they do. */
  protected async runStatement(sql: string): Promise<Uint8Array> {
    return resultToIpc(await this.conn.run(sql));
  }

  protected interrupt(): void {
    this.conn.interrupt();
  }

  /** The running statement's progress, 0 to 1, or null when DuckDB has no estimate. */
  progress(): number | null {
    if (!this.running) return null;
    const { percentage } = this.conn.progress;
    return percentage >= 0 ? Math.min(1, percentage / 100) : null;
  }
}

export async function createNativeEngine(options: NativeEngineOptions = {}): Promise<DuckEngine> {
  const scratch = scratchDirectory();
  const settings: Record<string, string> = {
    temp_directory: options.tempDirectory ?? path.join(scratch, 'spill'),
    // No network from the runner either: a notebook reads the files it is given.
    autoinstall_known_extensions: 'false',
  };
  if (options.threads !== undefined)
    settings['threads'] = String(Math.max(1, Math.floor(options.threads)));
  if (options.memoryLimit !== undefined) settings['memory_limit'] = options.memoryLimit;
  const instance = await DuckDBInstance.create(':memory:', settings);
  const conn = await instance.connect();
  const session = new NativeSession(conn);
  return DuckEngine.create(nativeBackend(session, path.join(scratch, 'files')), {
    memoryBudget: null,
  });
}

function nativeBackend(session: NativeSession, blobDir: string): EngineBackend {
  const files = new Map<string, { sqlPath: string; temporary: boolean }>();
  let searchPath = '';
  /** Every directory holding a registered file, so cells can name files as on the page. */
  const updateSearchPath = async () => {
    const dirs = [...new Set([...files.values()].map((f) => path.dirname(f.sqlPath)))].sort();
    const next = dirs.join(',');
    if (next === searchPath) return;
    await session.execute(`SET file_search_path = ${quoteLiteral(next)}`);
    searchPath = next;
  };
  return {
    kind: 'native',
    platform: 'node',
    session,
    version: async () => version(),
    async registerFile(name: string, handle: FileHandle): Promise<RegisteredHandle> {
      let registered: RegisteredHandle;
      if (typeof handle === 'string') {
        const absolute = path.resolve(handle);
        registered = { reader: await pathReader(absolute), sqlPath: absolute };
        files.set(name, { sqlPath: absolute, temporary: false });
      } else {
        const bytes = new Uint8Array(await handle.arrayBuffer());
        const file = path.join(blobDir, safeFileName(name));
        await mkdir(blobDir, { recursive: true });
        await writeFile(file, bytes);
        registered = {
          reader: { size: bytes.length, read: async (start, end) => bytes.subarray(start, end) },
          sqlPath: file,
        };
        files.set(name, { sqlPath: file, temporary: true });
      }
      await updateSearchPath();
      return registered;
    },
    async dropFile(name: string) {
      const file = files.get(name);
      files.delete(name);
      if (file?.temporary) await unlink(file.sqlPath).catch(() => undefined);
      await updateSearchPath();
    },
    memoryBudget: () => null,
    threads: async () => Number(await session.scalar(`SELECT current_setting('threads')`)),
    queryProgress: () => session.progress(),
  };
}

const scratchDirs: string[] = [];

/** A temp directory for this engine's spill files and copies of Blobs, removed when the process exits. */
function scratchDirectory(): string {
  if (scratchDirs.length === 0) {
    process.once('exit', () =>
      scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })),
    );
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'medallion-native-'));
  scratchDirs.push(dir);
  return dir;
}

/** The name itself when it is a plain file name, so DuckDB's messages and globs see it. */
function safeFileName(name: string): string {
  const base = name.replace(/[/\\]/g, '_').replace(/^\.+/, '_');
  return base === '' ? 'file' : base;
}
