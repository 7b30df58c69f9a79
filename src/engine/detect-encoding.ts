/**
 * Which text encoding a CSV file uses, from its bytes: a BOM decides outright; otherwise
 * the whole file is checked as UTF-8 (in chunks, so a large file never sits in memory
 * at once) and anything that is not valid UTF-8 is read as Latin-1/Windows-1252, the
 * encoding of spreadsheet exports such as AW_Customers.csv. Checking only a prefix would
 * miss an accented name on line 10,000.
 */
import type { TextEncoding } from './api.ts';

export interface ByteReader {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

export interface DetectedEncoding {
  readonly encoding: TextEncoding;
  readonly bom: boolean;
}

const CHUNK = 4 * 1024 * 1024;

export async function detectEncoding(
  reader: ByteReader,
  onBytes: (done: number) => void = () => {},
): Promise<DetectedEncoding> {
  const head = await reader.read(0, Math.min(reader.size, 4));
  const binary = binaryKindOf(head);
  if (binary) throw new NotTextError(binary);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16', bom: true };
  // DuckDB reads UTF-16 little-endian only: a big-endian file would load as no rows at all.
  if (head[0] === 0xfe && head[1] === 0xff) throw new BigEndianUtf16Error();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  for (let start = 0; start < reader.size; start += CHUNK) {
    const end = Math.min(reader.size, start + CHUNK);
    const bytes = await reader.read(start, end);
    // Text files (other than UTF-16, handled above) never hold NUL bytes; binaries do.
    if (bytes.includes(0)) throw new NotTextError();
    if (utf8) {
      try {
        decoder.decode(bytes, { stream: end < reader.size });
      } catch {
        utf8 = false;
      }
    }
    onBytes(end);
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  return { encoding: utf8 ? 'utf-8' : 'latin-1', bom: false };
}

/** Parquet files start with these four bytes ("PAR1"); they are read by parquet-to-csv.ts. */
export function isParquet(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

export class NotTextError extends Error {
  /** `known`: what the file is and what to do, when its first bytes say (an Excel workbook…). */
  constructor(known?: BinaryKind) {
    super(
      known
        ? `it is ${known.what}, not a CSV file; ${known.advice}`
        : 'it is not a text file (it contains NUL bytes); export it as CSV and add it again.',
    );
  }
}

interface BinaryKind {
  readonly what: string;
  readonly advice: string;
}

const SAVE_AS_CSV = 'save it as CSV (UTF-8) and add that file.';

/**
 * Files people drop instead of a CSV, known by their first bytes, so the message can say
 * what the file is. Bronze cells read CSV text, and Parquet turned into it when the file
 * is added (parquet-to-csv.ts); DuckDB-WASM has no Excel reader built in.
 */
function binaryKindOf(head: Uint8Array): BinaryKind | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return { what: 'an Excel workbook (.xlsx) or a zip archive', advice: `${SAVE_AS_CSV.replace(/\.$/, '')}, or unzip it and add the CSV inside.` };
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return { what: 'an Excel 97–2003 workbook (.xls)', advice: SAVE_AS_CSV };
  if (starts(0x1f, 0x8b)) return { what: 'gzip-compressed', advice: 'decompress it and add the CSV inside.' };
  return null;
}

export class BigEndianUtf16Error extends Error {
  constructor() {
    super(
      'it is UTF-16 big-endian (it starts with the bytes FE FF), which DuckDB cannot read; save it as UTF-8 (or as Excel\'s "Unicode Text", UTF-16 little-endian) and add it again.',
    );
  }
}
