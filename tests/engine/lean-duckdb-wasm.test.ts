import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { duckdbWasmPath, leanDuckdbModule, leanDuckdbWasmPath } from '../../src/engine/lean-duckdb-wasm.ts';
import { exportNames, importsOf } from '../../src/engine/wasm-exports.ts';
import { Reader, SECTION, sections } from '../../src/engine/wasm-binary.ts';
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

  it('changes only the export list and the bodies of functions nothing can call', () => {
    expect(importsOf(lean)).toEqual(importsOf(original));
    // The data section (2.5 MB) ends both files, byte for byte.
    const tail = 2_500_000;
    expect(Buffer.compare(original.subarray(original.length - tail), lean.subarray(lean.length - tail))).toBe(0);
    const removed = exportNames(original).filter((name) => !kept.has(name));
    // Each entry removed is its name's length, the length's own bytes, a kind byte and an index.
    expect(original.length - lean.length).toBeGreaterThan(removed.reduce((n, name) => n + name.length + 2, 0));
    // Every function body is DuckDB's, byte for byte, or a lone `unreachable`.
    const before = functionBodies(original);
    const after = functionBodies(lean);
    expect(after.length).toBe(before.length);
    const trap = Uint8Array.of(0x00, 0x00, 0x0b);
    let emptied = 0;
    after.forEach((body, i) => {
      if (Buffer.compare(body, before[i]!) === 0) return;
      expect(Buffer.compare(body, trap), `function ${i}`).toBe(0);
      emptied++;
    });
    expect(emptied).toBeGreaterThan(10_000);
    expect(emptied).toBeLessThan(before.length / 2);
  });

  it('is the module the Node engine runs, and that engine answers', async () => {
    expect(path.basename(leanDuckdbWasmPath('eh'))).toMatch(/^duckdb-eh-.*-lean\d+\.wasm$/);
    const engine = await createNodeEngine();
    const table = tableFromIPC(await engine.query('SELECT sum(range)::BIGINT AS total FROM range(1000)'));
    expect(Number(table.getChild('total')!.get(0))).toBe(499_500);
  });
});

/** Each function body of a module (locals and code), in order. */
function functionBodies(wasm: Uint8Array): Uint8Array[] {
  const code = sections(wasm).find((s) => s.id === SECTION.code)!;
  const reader = new Reader(wasm, code.payloadStart);
  return Array.from({ length: reader.u32() }, () => {
    const size = reader.u32();
    reader.at += size;
    return wasm.subarray(reader.at - size, reader.at);
  });
}
