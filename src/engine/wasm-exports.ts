/**
 * Reading and trimming a WebAssembly module's export list, without touching its code.
 * Pure byte work on the binary format (sections of `id, size, payload`; names and counts
 * in LEB128): the module is never compiled here, so a 34 MB engine is rewritten in a
 * fraction of a second. Used by lean-duckdb-wasm.ts.
 */
import { concatBytes } from './concat-bytes.ts';

const EXPORT_SECTION = 7;
const IMPORT_SECTION = 2;
const HEADER_BYTES = 8; // "\0asm" and the version

interface Section {
  readonly id: number;
  /** Where the section starts (its id byte) and where its payload starts and ends. */
  readonly start: number;
  readonly payloadStart: number;
  readonly end: number;
}

export interface WasmImport {
  readonly module: string;
  readonly name: string;
}

/** The names of the module's exports, in order. */
export function exportNames(wasm: Uint8Array): string[] {
  const section = sections(wasm).find((s) => s.id === EXPORT_SECTION);
  return section ? readExports(wasm, section).map((entry) => entry.name) : [];
}

/** The module's imports: which module and name each comes from. */
export function importsOf(wasm: Uint8Array): WasmImport[] {
  const section = sections(wasm).find((s) => s.id === IMPORT_SECTION);
  if (!section) return [];
  const reader = new Reader(wasm, section.payloadStart);
  return Array.from({ length: reader.u32() }, () => {
    const module = reader.name();
    const name = reader.name();
    reader.skipImportDescription();
    return { module, name };
  });
}

/**
 * The same module with only the exports `keep` accepts. Every other section, code
 * included, is copied byte for byte.
 */
export function keepExports(wasm: Uint8Array, keep: (name: string) => boolean): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [wasm.subarray(0, HEADER_BYTES)];
  for (const section of sections(wasm)) {
    if (section.id !== EXPORT_SECTION) {
      parts.push(wasm.subarray(section.start, section.end));
      continue;
    }
    const kept = readExports(wasm, section).filter((entry) => keep(entry.name));
    const payload = concatBytes([leb128(kept.length), ...kept.map((entry) => wasm.subarray(entry.start, entry.end))]);
    parts.push(Uint8Array.of(EXPORT_SECTION), leb128(payload.length), payload);
  }
  return concatBytes(parts);
}

function sections(wasm: Uint8Array): Section[] {
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

/** Each export's name and the byte range of its whole entry (name, kind, index). */
function readExports(wasm: Uint8Array, section: Section): { name: string; start: number; end: number }[] {
  const reader = new Reader(wasm, section.payloadStart);
  return Array.from({ length: reader.u32() }, () => {
    const start = reader.at;
    const name = reader.name();
    reader.byte(); // kind: function, table, memory, global or tag
    reader.u32(); // index
    return { name, start, end: reader.at };
  });
}

class Reader {
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

  name(): string {
    const length = this.u32();
    const text = Reader.decoder.decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }

  /** Skips what an import brings: a function's type, a table, a memory, a global or a tag. */
  skipImportDescription(): void {
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
  }

  private skipLimits(): void {
    const flags = this.byte();
    this.u32(); // minimum
    if (flags & 1) this.u32(); // maximum
  }
}

function leb128(value: number): Uint8Array {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Uint8Array.from(out);
}

