/**
 * Reading and trimming a WebAssembly module's export list, without touching its code.
 * Pure byte work on the binary format (wasm-binary.ts): the module is never compiled
 * here, so a 34 MB engine is rewritten in a fraction of a second. Used by lean-duckdb-wasm.ts.
 */
import { concatBytes } from './concat-bytes.ts';
import { HEADER_BYTES, leb128, Reader, readImports, SECTION, sections, type Section } from './wasm-binary.ts';

export interface WasmImport {
  readonly module: string;
  readonly name: string;
}

/** The names of the module's exports, in order. */
export function exportNames(wasm: Uint8Array): string[] {
  const section = sections(wasm).find((s) => s.id === SECTION.export);
  return section ? readExports(wasm, section).map((entry) => entry.name) : [];
}

/** The module's imports: which module and name each comes from. */
export function importsOf(wasm: Uint8Array): WasmImport[] {
  const section = sections(wasm).find((s) => s.id === SECTION.import);
  return section ? readImports(wasm, section).map(({ module, name }) => ({ module, name })) : [];
}

/**
 * The same module with only the exports `keep` accepts. Every other section, code
 * included, is copied byte for byte.
 */
export function keepExports(wasm: Uint8Array, keep: (name: string) => boolean): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [wasm.subarray(0, HEADER_BYTES)];
  for (const section of sections(wasm)) {
    if (section.id !== SECTION.export) {
      parts.push(wasm.subarray(section.start, section.end));
      continue;
    }
    const kept = readExports(wasm, section).filter((entry) => keep(entry.name));
    const payload = concatBytes([leb128(kept.length), ...kept.map((entry) => wasm.subarray(entry.start, entry.end))]);
    parts.push(Uint8Array.of(SECTION.export), leb128(payload.length), payload);
  }
  return concatBytes(parts);
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
