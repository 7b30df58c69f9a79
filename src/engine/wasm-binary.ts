/**
 * The WebAssembly binary format at its most basic: the module's sections (`id, size,
 * payload`) and a reader of its LEB128 numbers and names. Shared by the passes that
 * rewrite DuckDB's module (wasm-exports.ts, wasm-dead-code.ts).
 */
export const HEADER_BYTES = 8; // "\0asm" and the version

export const SECTION = {
  import: 2,
  global: 6,
  export: 7,
  start: 8,
  element: 9,
  code: 10,
} as const;

export interface Section {
  readonly id: number;
  /** Where the section starts (its id byte) and where its payload starts and ends. */
  readonly start: number;
  readonly payloadStart: number;
  readonly end: number;
}

export function sections(wasm: Uint8Array): Section[] {
  if (wasm.length < HEADER_BYTES || wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) {
    throw new Error('Not a WebAssembly module.');
  }
  const found: Section[] = [];
  const reader = new Reader(wasm, HEADER_BYTES);
  while (reader.at < wasm.length) {
    const start = reader.at;
    const id = reader.byte();
    const size = reader.u32();
    const payloadStart = reader.at;
    reader.at += size;
    if (reader.at > wasm.length) throw new Error(`WebAssembly section ${id} runs past the end of the module.`);
    found.push({ id, start, payloadStart, end: reader.at });
  }
  return found;
}

export interface ImportEntry {
  readonly module: string;
  readonly name: string;
  /** 0 function, 1 table, 2 memory, 3 global, 4 tag. */
  readonly kind: number;
}

/** The entries of an import section, in order. */
export function readImports(wasm: Uint8Array, section: Section): ImportEntry[] {
  const reader = new Reader(wasm, section.payloadStart);
  return Array.from({ length: reader.u32() }, () => {
    const module = reader.name();
    const name = reader.name();
    return { module, name, kind: reader.skipImportDescription() };
  });
}

export class Reader {
  private static readonly decoder = new TextDecoder();

  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  byte(): number {
    if (this.at >= this.bytes.length) throw new Error('Unexpected end of the WebAssembly module.');
    return this.bytes[this.at++]!;
  }

  /** An unsigned LEB128 number of at most 32 bits. */
  u32(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new Error('Malformed number in the WebAssembly module.');
  }

  /** Skips a LEB128 number, signed or not, of up to 64 bits (a constant, a block type, an offset). */
  skipNumber(): void {
    for (let i = 0; i < 10; i++) if (this.byte() < 0x80) return;
    throw new Error('Malformed number in the WebAssembly module.');
  }

  name(): string {
    const length = this.u32();
    const text = Reader.decoder.decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }

  /**
   * Skips what an import brings (a function's type, a table, a memory, a global or a tag)
   * and says which of those it was (0 for a function).
   */
  skipImportDescription(): number {
    const kind = this.byte();
    if (kind === 0) this.u32(); // function: type index
    else if (kind === 1) {
      this.byte(); // table: element type
      this.skipLimits();
    } else if (kind === 2) this.skipLimits(); // memory
    else if (kind === 3) this.at += 2; // global: value type, mutability
    else if (kind === 4) {
      this.byte(); // tag: attribute
      this.u32(); // type index
    } else throw new Error(`Unknown WebAssembly import kind ${kind}.`);
    return kind;
  }

  private skipLimits(): void {
    const flags = this.byte();
    this.u32(); // minimum
    if (flags & 1) this.u32(); // maximum
  }
}

export function leb128(value: number): Uint8Array {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Uint8Array.from(out);
}
