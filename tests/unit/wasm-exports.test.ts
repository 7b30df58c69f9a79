import { describe, expect, it } from 'vitest';
import { exportNames, importsOf, keepExports } from '../../src/engine/wasm-exports.ts';

/**
 * A module written out by hand: it imports a mutable i32 global `x` from `GOT.func` and
 * exports two functions, `a` (returns 1) and `b` (returns 2), and that global.
 */
const MODULE = Uint8Array.from([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...[0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f], // types: () -> i32
  ...[0x02, 0x0f, 0x01, 0x08, ...bytesOf('GOT.func'), 0x01, ...bytesOf('x'), 0x03, 0x7f, 0x01], // import global
  ...[0x03, 0x03, 0x02, 0x00, 0x00], // two functions of type 0
  ...[0x07, 0x0d, 0x03, 0x01, ...bytesOf('a'), 0x00, 0x00, 0x01, ...bytesOf('b'), 0x00, 0x01, 0x01, ...bytesOf('x'), 0x03, 0x00],
  ...[0x0a, 0x0b, 0x02, 0x04, 0x00, 0x41, 0x01, 0x0b, 0x04, 0x00, 0x41, 0x02, 0x0b], // code
]);

function bytesOf(text: string): number[] {
  return [...new TextEncoder().encode(text)];
}

function instantiate(wasm: Uint8Array<ArrayBuffer>): WebAssembly.Instance {
  const x = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
  return new WebAssembly.Instance(new WebAssembly.Module(wasm), { 'GOT.func': { x } });
}

describe('a WebAssembly module export list', () => {
  it('reads the module the way WebAssembly does', () => {
    expect(exportNames(MODULE)).toEqual(WebAssembly.Module.exports(new WebAssembly.Module(MODULE)).map((e) => e.name));
    expect(importsOf(MODULE)).toEqual([{ module: 'GOT.func', name: 'x' }]);
  });

  it('keeps only the exports asked for, and the code still runs', () => {
    const lean = keepExports(MODULE, (name) => name === 'b');
    expect(WebAssembly.Module.exports(new WebAssembly.Module(lean))).toEqual([{ name: 'b', kind: 'function' }]);
    expect((instantiate(lean).exports['b'] as () => number)()).toBe(2);
    // Two entries of four bytes fewer; the count and the section size still take a byte each.
    expect(lean.length).toBe(MODULE.length - 8);
  });

  it('keeps the module as it was when every export is kept', () => {
    expect(keepExports(MODULE, () => true)).toEqual(MODULE);
  });

  it('refuses what is not a WebAssembly module, and one cut short', () => {
    expect(() => exportNames(new TextEncoder().encode('not wasm at all'))).toThrow('Not a WebAssembly module.');
    expect(() => exportNames(MODULE.subarray(0, MODULE.length - 3))).toThrow(/runs past the end/);
  });
});
