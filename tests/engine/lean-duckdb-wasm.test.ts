import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { duckdbWasmPath, leanDuckdbModule, leanDuckdbWasmPath } from '../../src/engine/lean-duckdb-wasm.ts';
import { exportNames, importsOf } from '../../src/engine/wasm-exports.ts';
import { createNodeEngine } from '../../src/engine/node-engine.ts';

describe("DuckDB-WASM's lean engine module", () => {
  const original = new Uint8Array(readFileSync(duckdbWasmPath('eh')));
  const glue = readFileSync(path.join(path.dirname(duckdbWasmPath('eh')), 'duckdb-browser-blocking.mjs'), 'utf8');
  const lean = leanDuckdbModule(original, glue);
  const kept = new Set(exportNames(lean));

  it('keeps every export the loader reaches, and few others', () => {
    const before = exportNames(original);
    expect(before.length).toBeGreaterThan(50_000);
    expect(kept.size).toBeLessThan(1_000);
    // The names DuckDB-WASM's JavaScript binds (`wasmExports.malloc`, `wasmExports.duckdb_web_query_run`, …).
    const bound = [...glue.matchAll(/wasmExports\.([\w$]+)/g)].map((m) => m[1]!);
    expect(bound).toContain('duckdb_web_query_run');
    for (const name of bound) expect(kept, name).toContain(name);
    // What the module imports through its GOT comes from the loader's JavaScript, none of it
    // from the module's own exports: the lean module would have to keep those too.
    const throughGot = importsOf(original).filter((i) => i.module.startsWith('GOT.'));
    expect(throughGot.length).toBeGreaterThan(200);
    expect(throughGot.filter((i) => before.includes(i.name))).toEqual([]);
    for (const name of before.filter((n) => n.startsWith('dynCall_'))) expect(kept, name).toContain(name);
  });

  it('changes nothing but the export list', () => {
    expect(importsOf(lean)).toEqual(importsOf(original));
    // The sections after the exports (the code, 24 MB, and the data, 2.5 MB) end both files, byte for byte.
    const tail = 26_000_000;
    expect(Buffer.compare(original.subarray(original.length - tail), lean.subarray(lean.length - tail))).toBe(0);
    const removed = exportNames(original).filter((name) => !kept.has(name));
    // Each entry removed is its name's length, the length's own bytes, a kind byte and an index.
    expect(original.length - lean.length).toBeGreaterThan(removed.reduce((n, name) => n + name.length + 2, 0));
  });

  it('is the module the Node engine runs, and that engine answers', async () => {
    expect(path.basename(leanDuckdbWasmPath('eh'))).toMatch(/^duckdb-eh-.*-lean\d+\.wasm$/);
    const engine = await createNodeEngine();
    const table = tableFromIPC(await engine.query('SELECT sum(range)::BIGINT AS total FROM range(1000)'));
    expect(Number(table.getChild('total')!.get(0))).toBe(499_500);
  });
});
