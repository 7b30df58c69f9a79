import { describe, expect, it } from 'vitest';
import { emptyUnreachableFunctions } from '../../src/engine/wasm-dead-code.ts';

/** A byte vector's length and bytes (lengths here stay under 128: one LEB128 byte). */
const vec = (...items: number[][]) => [items.length, ...items.flat()];
const section = (id: number, payload: number[]) => [id, payload.length, ...payload];
const name = (text: string) => [text.length, ...new TextEncoder().encode(text)];
/** A function body without locals. */
const body = (...code: number[]) => [code.length + 2, 0x00, ...code, 0x0b];

const CALL = 0x10;
const CALL_INDIRECT = 0x11;
const I32_CONST = 0x41;

/**
 * A module written out by hand, seven functions of type () -> i32:
 * 0 `a` (exported) calls 1; 1 returns 1; 2 calls 5 and nothing calls it; 3 is in the
 * table; 4 is named by a global's `ref.func`; 5 is called only by 2; 6 `viaTable`
 * (exported) calls table entry 0, which is 3.
 */
function handWritten(exports: [string, number][], bodyOfOne = [I32_CONST, 1]): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([0x60, 0x00, 0x01, 0x7f])),
    ...section(3, vec([0], [0], [0], [0], [0], [0], [0])),
    ...section(4, vec([0x70, 0x00, 0x01])), // a funcref table of one entry
    ...section(6, vec([0x70, 0x00, 0xd2, 4, 0x0b])), // global funcref = ref.func 4
    ...section(7, vec(...exports.map(([text, index]) => [...name(text), 0x00, index]))),
    ...section(9, vec([0x00, I32_CONST, 0, 0x0b, ...vec([3])])), // table[0] = function 3
    ...section(
      10,
      vec(
        body(CALL, 1),
        body(...bodyOfOne),
        body(CALL, 5),
        body(I32_CONST, 3),
        body(I32_CONST, 4),
        body(I32_CONST, 5),
        body(I32_CONST, 0, CALL_INDIRECT, 0, 0),
      ),
    ),
  ]);
}

function run(wasm: Uint8Array<ArrayBuffer>, exported: string): number {
  return (new WebAssembly.Instance(new WebAssembly.Module(wasm)).exports[exported] as () => number)();
}

describe('emptying the functions nothing can call', () => {
  const original = handWritten([
    ['a', 0],
    ['viaTable', 6],
  ]);

  it('empties only what no export, table entry or ref.func leads to, and the module still runs', () => {
    expect(run(original, 'a')).toBe(1);
    const { module, emptied } = emptyUnreachableFunctions(original);
    expect(emptied).toBe(2); // 2, and 5, which only 2 calls
    expect(WebAssembly.validate(module)).toBe(true);
    expect(run(module, 'a')).toBe(1);
    expect(run(module, 'viaTable')).toBe(3);
    // Each emptied body (`call 5` and `i32.const 5`, four bytes with `end`) is three bytes now.
    expect(module.length).toBe(original.length - 2);
  });

  it('follows calls from every root: exporting 2 keeps 5', () => {
    const exported = handWritten([
      ['a', 0],
      ['viaTable', 6],
      ['b', 2],
    ]);
    const { module, emptied } = emptyUnreachableFunctions(exported);
    expect(emptied).toBe(0);
    expect(Buffer.compare(module, exported)).toBe(0);
    expect(run(module, 'b')).toBe(5);
  });

  it('refuses an instruction it cannot read rather than guess', () => {
    // 0xfb starts the garbage-collection proposal's instructions, which it does not know.
    const unknown = handWritten([['a', 0]], [0xfb, 0x00]);
    expect(() => emptyUnreachableFunctions(unknown)).toThrow(/Unknown WebAssembly instruction 0xfb/);
  });
});
