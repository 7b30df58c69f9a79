/** Files on disk for the engines in Node: read by byte range, without loading them whole. */
import { open, stat } from 'node:fs/promises';
import type { ByteReader } from './detect-encoding.ts';

export async function pathReader(absolute: string): Promise<ByteReader> {
  const { size } = await stat(absolute);
  return {
    size,
    async read(start, end) {
      const file = await open(absolute, 'r');
      try {
        const buffer = new Uint8Array(end - start);
        await file.read(buffer, 0, buffer.length, start);
        return buffer;
      } finally {
        await file.close();
      }
    },
  };
}
