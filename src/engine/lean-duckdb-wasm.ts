/**
 * DuckDB-WASM's engine module without the exports nobody calls (Node only: the Vite build
 * and the Node engine use it).
 *
 * DuckDB-WASM is built as an Emscripten main module able to load extensions, so it exports
 * every symbol it has: 75,011 exports, 7.4 MB of names in a 34 MB file. At start-up,
 * Emscripten's loader walks all of them in JavaScript: it makes a GOT entry and a table slot
 * for each function and copies each into its symbol table. In a browser that linking took
 * 1.0-1.6 s of the engine's start, in Node most of its 1.8 s.
 *
 * Only two kinds of names are ever looked up: those DuckDB-WASM's own JavaScript names
 * (`wasmExports.malloc`, `ccall('duckdb_web_query_run')`) and Emscripten's `dynCall_*`
 * helpers (looked up by signature). (What the module imports through its GOT comes from
 * that JavaScript, not from its own exports: tests/engine/lean-duckdb-wasm.test.ts checks.)
 * The lean module keeps those names (about 300). Without the others, about 17,000 of
 * DuckDB's 60,000 functions can no longer be called at all: their bodies become a single
 * `unreachable` (2.5 MB less to download and validate). Every other byte is DuckDB's.
 * What no longer works is loading a DuckDB extension at run time
 * (it would link against the missing names); this app loads none (no network, autoloading
 * off: it reads CSV, which is in DuckDB's core).
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keepExports } from './wasm-exports.ts';
import { emptyUnreachableFunctions } from './wasm-dead-code.ts';

export type DuckdbFlavour = 'eh' | 'mvp';

/** Bump when the rule for what is kept changes, so modules made by the old rule are made again. */
const RULE_VERSION = 2;
/** DuckDB-WASM's JavaScript that loads the module: the browser's and Node's. */
const GLUE_FILES = ['duckdb-browser-blocking.mjs', 'duckdb-node-blocking.cjs'];

const require = createRequire(import.meta.url);

/** Where DuckDB-WASM's own module of this flavour is. */
export function duckdbWasmPath(flavour: DuckdbFlavour): string {
  return require.resolve(`@duckdb/duckdb-wasm/dist/duckdb-${flavour}.wasm`);
}

/**
 * The lean module's path, made on first use and cached (in node_modules/.cache, else the
 * system's temp folder). Falls back to DuckDB-WASM's own module if it cannot be made.
 */
export function leanDuckdbWasmPath(flavour: DuckdbFlavour): string {
  const original = duckdbWasmPath(flavour);
  const dist = path.dirname(original);
  const version = (JSON.parse(readFileSync(path.join(dist, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const name = `duckdb-${flavour}-${version}-lean${RULE_VERSION}.wasm`;
  const folders = [path.join(dist, '..', '..', '..', '.cache', 'medallion-notebook'), path.join(os.tmpdir(), 'medallion-notebook')];
  const cached = folders.map((folder) => path.join(folder, name)).find((file) => existsSync(file));
  if (cached) return cached;
  let lean: Uint8Array;
  try {
    const glue = GLUE_FILES.map((file) => readFileSync(path.join(dist, file), 'utf8')).join('\n');
    lean = leanDuckdbModule(readFileSync(original), glue);
  } catch (error) {
    console.warn(`Using DuckDB-WASM's full module: the lean one could not be made (${String(error)}).`);
    return original;
  }
  for (const folder of folders) {
    try {
      mkdirSync(folder, { recursive: true });
      const file = path.join(folder, name);
      // Written aside then renamed: processes starting together never read half a module.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, lean);
      renameSync(partial, file);
      return file;
    } catch {
      // not writable: try the next folder
    }
  }
  return original;
}

/**
 * The module with only the exports `glue` (DuckDB-WASM's JavaScript) can reach, and the
 * functions no longer reachable emptied (wasm-dead-code.ts).
 */
export function leanDuckdbModule(wasm: Uint8Array, glue: string): Uint8Array {
  const namedInGlue = new Set(glue.match(/[A-Za-z_$][\w$]*/g));
  const trimmed = keepExports(
    wasm,
    (name) =>
      name.startsWith('dynCall_') ||
      // Emscripten calls C's `malloc` `_malloc` in JavaScript.
      namedInGlue.has(name) ||
      namedInGlue.has(`_${name}`),
  );
  try {
    return emptyUnreachableFunctions(trimmed).module;
  } catch (error) {
    console.warn(`DuckDB-WASM's unreachable functions were kept: ${String(error)}`);
    return trimmed;
  }
}
