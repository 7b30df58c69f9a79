/**
 * A module's functions that nothing can call, emptied. Once the lean module has dropped
 * the exports nobody calls (wasm-exports.ts), about 17,000 of DuckDB's 60,000 functions
 * can no longer be reached: no export, table entry or start function leads to them
 * through calls. Their bodies (2.5 MB) still have to be downloaded and validated by the
 * browser at every cold start, so each becomes `unreachable`, which is valid whatever its
 * type; function indices, the table and every other section stay as they are.
 *
 * What can be called is found from the roots a module has, the way a linker's dead-code
 * pass does: exported functions, the start function, every function in an element
 * segment (all a `call_indirect` can reach, and all JavaScript can reach through the
 * table), and every `ref.func`. A function is reached when a reached one names it in a
 * `call`, `return_call` or `ref.func`. An instruction this reader does not know stops
 * the pass with an error, and the caller keeps the module as it was.
 */
import { concatBytes } from './concat-bytes.ts';
import { HEADER_BYTES, leb128, Reader, readImports, SECTION, sections, type Section } from './wasm-binary.ts';

/** A body that only traps, with its size: no locals, `unreachable`, `end`. */
const TRAP_BODY = Uint8Array.of(3, 0x00, 0x00, 0x0b);

export interface EmptiedModule {
  readonly module: Uint8Array<ArrayBuffer>;
  /** How many function bodies were replaced. */
  readonly emptied: number;
}

export function emptyUnreachableFunctions(wasm: Uint8Array): EmptiedModule {
  const all = sections(wasm);
  const find = (id: number) => all.find((s) => s.id === id);
  const code = find(SECTION.code);
  if (!code) return { module: Uint8Array.from(wasm), emptied: 0 };

  const imported = importedFunctionCount(wasm, find(SECTION.import));
  const bodies = functionBodies(wasm, code);
  const reached = new Uint8Array(imported + bodies.length);
  const pending: number[] = [];
  const reach = (index: number) => {
    if (!reached[index]) pending.push(index);
  };
  rootsOf(wasm, all, reach);
  while (pending.length > 0) {
    const index = pending.pop()!;
    if (reached[index]) continue;
    reached[index] = 1;
    if (index >= imported) walkBody(wasm, bodies[index - imported]!, reach);
  }

  let emptied = 0;
  const parts: Uint8Array[] = [leb128(bodies.length)];
  bodies.forEach((body, i) => {
    if (reached[imported + i]) parts.push(wasm.subarray(body.sizeStart, body.end));
    else {
      parts.push(TRAP_BODY);
      emptied++;
    }
  });
  const payload = concatBytes(parts);
  const rebuilt = all.map((section) =>
    section === code ? concatBytes([Uint8Array.of(SECTION.code), leb128(payload.length), payload]) : wasm.subarray(section.start, section.end),
  );
  return { module: concatBytes([wasm.subarray(0, HEADER_BYTES), ...rebuilt]), emptied };
}

interface Body {
  /** Where its size starts, where its locals start, where it ends. */
  readonly sizeStart: number;
  readonly start: number;
  readonly end: number;
}

function functionBodies(wasm: Uint8Array, code: Section): Body[] {
  const reader = new Reader(wasm, code.payloadStart);
  return Array.from({ length: reader.u32() }, () => {
    const sizeStart = reader.at;
    const size = reader.u32();
    const start = reader.at;
    reader.at += size;
    return { sizeStart, start, end: reader.at };
  });
}

/** Imported functions come first in the function index space. */
function importedFunctionCount(wasm: Uint8Array, imports: Section | undefined): number {
  return imports ? readImports(wasm, imports).filter((entry) => entry.kind === 0).length : 0;
}

/** Exported functions, the start function, element segments and `ref.func` in globals. */
function rootsOf(wasm: Uint8Array, all: readonly Section[], reach: (index: number) => void): void {
  for (const section of all) {
    const reader = new Reader(wasm, section.payloadStart);
    if (section.id === SECTION.export) {
      for (let i = reader.u32(); i > 0; i--) {
        reader.name();
        const kind = reader.byte();
        const index = reader.u32();
        if (kind === 0) reach(index);
      }
    } else if (section.id === SECTION.start) {
      reach(reader.u32());
    } else if (section.id === SECTION.global) {
      for (let i = reader.u32(); i > 0; i--) {
        skipValueType(reader);
        reader.byte(); // mutability
        walkConstant(reader, reach);
      }
    } else if (section.id === SECTION.element) {
      for (let i = reader.u32(); i > 0; i--) readElementSegment(reader, reach);
    }
  }
}

/** One element segment, in any of its eight encodings (flags: passive, table index, expressions). */
function readElementSegment(reader: Reader, reach: (index: number) => void): void {
  const flags = reader.u32();
  const passive = (flags & 1) !== 0;
  const explicitTable = (flags & 2) !== 0;
  const expressions = (flags & 4) !== 0;
  if (!passive) {
    if (explicitTable) reader.u32();
    walkConstant(reader, reach); // offset
  }
  if (passive || explicitTable) {
    if (expressions) skipValueType(reader);
    else reader.byte(); // element kind: functions
  }
  for (let i = reader.u32(); i > 0; i--) {
    if (expressions) walkConstant(reader, reach);
    else reach(reader.u32());
  }
}

function walkConstant(reader: Reader, reach: (index: number) => void): void {
  for (let op = reader.byte(); op !== 0x0b; op = reader.byte()) skipImmediates(reader, op, reach);
}

function walkBody(wasm: Uint8Array, body: Body, reach: (index: number) => void): void {
  const reader = new Reader(wasm, body.start);
  for (let i = reader.u32(); i > 0; i--) {
    reader.u32(); // how many locals of
    skipValueType(reader); // this type
  }
  while (reader.at < body.end) skipImmediates(reader, reader.byte(), reach);
  if (reader.at !== body.end) throw new Error('A function body ends inside an instruction.');
}

/** A value type: one byte, or a reference type with its heap type. */
function skipValueType(reader: Reader): void {
  const type = reader.byte();
  if (type === 0x63 || type === 0x64) reader.skipNumber();
}

/** Instructions without immediates: control, parametric, every numeric operator, some of reference types'. */
const BARE = new Set([0x00, 0x01, 0x05, 0x0a, 0x0b, 0x0f, 0x19, 0x1a, 0x1b, 0xd1, 0xd3, 0xd5]);
/** Instructions with one index or depth (branches, locals, globals, tables, tags, memory size). */
const ONE_INDEX = new Set([0x07, 0x08, 0x09, 0x0c, 0x0d, 0x14, 0x15, 0x18, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x3f, 0x40, 0xd4, 0xd6]);

/** Reads past instruction `op`'s immediates, reporting the functions it names. */
function skipImmediates(reader: Reader, op: number, reach: (index: number) => void): void {
  if (BARE.has(op) || (op >= 0x45 && op <= 0xc4)) return;
  if (ONE_INDEX.has(op)) return void reader.u32();
  switch (op) {
    case 0x02: // block
    case 0x03: // loop
    case 0x04: // if
    case 0x06: // try
      return reader.skipNumber(); // block type
    case 0x1f: // try_table
      reader.skipNumber();
      for (let i = reader.u32(); i > 0; i--) {
        const kind = reader.byte();
        if (kind < 2) reader.u32(); // tag
        reader.u32(); // label
      }
      return;
    case 0x0e: // br_table
      for (let i = reader.u32() + 1; i > 0; i--) reader.u32();
      return;
    case 0x10: // call
    case 0x12: // return_call
    case 0xd2: // ref.func
      return reach(reader.u32());
    case 0x11: // call_indirect: type, table
    case 0x13: // return_call_indirect
      reader.u32();
      return void reader.u32();
    case 0x1c: // select with types
      for (let i = reader.u32(); i > 0; i--) skipValueType(reader);
      return;
    case 0x41: // i32.const
    case 0x42: // i64.const
    case 0xd0: // ref.null: heap type
      return reader.skipNumber();
    case 0x43: // f32.const
      reader.at += 4;
      return;
    case 0x44: // f64.const
      reader.at += 8;
      return;
    case 0xfc:
      return skipMiscellaneous(reader, reader.u32());
    case 0xfd:
      return skipVector(reader, reader.u32());
    case 0xfe: // atomics: a memory argument, but for atomic.fence
      if (reader.u32() === 0x03) reader.byte();
      else skipMemoryArgument(reader);
      return;
  }
  if (op >= 0x28 && op <= 0x3e) return skipMemoryArgument(reader); // loads and stores
  throw new Error(`Unknown WebAssembly instruction 0x${op.toString(16)}.`);
}

/** 0xfc: saturating truncations, bulk memory and table instructions. */
function skipMiscellaneous(reader: Reader, sub: number): void {
  if (sub <= 7) return;
  if ([8, 10, 12, 14].includes(sub)) {
    reader.u32();
    return void reader.u32();
  }
  if ([9, 11, 13, 15, 16, 17].includes(sub)) return void reader.u32();
  throw new Error(`Unknown WebAssembly instruction 0xfc ${sub}.`);
}

/** 0xfd: SIMD (and relaxed SIMD, 0x100-0x113, without immediates). */
function skipVector(reader: Reader, sub: number): void {
  if (sub <= 11 || sub === 92 || sub === 93) return skipMemoryArgument(reader);
  if (sub === 12 || sub === 13) {
    reader.at += 16; // v128.const, i8x16.shuffle
    return;
  }
  if (sub >= 21 && sub <= 34) return void reader.byte(); // lane index
  if (sub >= 84 && sub <= 91) {
    skipMemoryArgument(reader);
    return void reader.byte();
  }
  if (sub > 0x113) throw new Error(`Unknown WebAssembly instruction 0xfd ${sub}.`);
}

/** Alignment (with a memory index when its bit 6 is set) and offset. */
function skipMemoryArgument(reader: Reader): void {
  if (reader.u32() & 0x40) reader.u32();
  reader.skipNumber(); // offset: up to 64 bits with memory64
}
