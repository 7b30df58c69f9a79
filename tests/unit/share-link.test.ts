import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import {
  decodeShareFragment,
  encodeShareFragment,
  inflateCapped,
  MAX_INFLATED_BYTES,
  SAFE_URL_LENGTH,
  ShareLinkError,
  shareUrl,
  toBase64Url,
  type SharedNotebook,
} from '../../src/share/share-link.ts';
import { parseNotebook } from '../../src/notebook/format.ts';

const notebookFiles = readdirSync('notebooks').filter((f) => f.endsWith('.md'));

/** Deflates `total` zero bytes fed in 1 MB chunks: never holds more than one chunk of input. */
async function deflatedZeros(total: number): Promise<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024);
  const stream = new CompressionStream('deflate-raw');
  const output = new Response(stream.readable).arrayBuffer();
  const writer = stream.writable.getWriter();
  for (let written = 0; written < total; written += chunk.length) await writer.write(chunk);
  await writer.close();
  return new Uint8Array(await output);
}

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ShareLinkError);
    return (error as ShareLinkError).reason;
  }
  return 'no error';
}

describe('share links', () => {
  it.each(notebookFiles)('%s: round-trips through a link with its input values', async (file) => {
    const text = readFileSync(`notebooks/${file}`, 'utf8');
    const shared: SharedNotebook = {
      text,
      inputs: [
        ['gender', 'F'],
        ['year', 2017],
        ['countries', ['France', 'Canada']],
        ['range', { from: '2016-01-01', to: '2016-06-30' }],
        ['flag', true],
        ['none', null],
      ],
    };
    const { url, tooLong } = await shareUrl('http://localhost/app/?notebook=x#old', shared);
    expect(url.startsWith('http://localhost/app/?notebook=x#nb=v1.')).toBe(true);
    expect(tooLong).toBe(false);
    const decoded = await decodeShareFragment(new URL(url).hash);
    expect(decoded).toEqual(shared);
    expect(parseNotebook(decoded!.text)).toEqual(parseNotebook(text));
  });

  it('keeps any Unicode text intact', async () => {
    const shared = { text: "# Café ☕ — 東京 🚀\n\n```sql id=q\nSELECT 'ü'\n```\n", inputs: [] };
    expect(await decodeShareFragment(await encodeShareFragment(shared))).toEqual(shared);
  });

  it('is not a link when the fragment does not start with nb=', async () => {
    expect(await decodeShareFragment('')).toBeNull();
    expect(await decodeShareFragment('#section-2')).toBeNull();
  });

  it('says what is wrong with a damaged link', async () => {
    expect(await reason(decodeShareFragment('#nb=v2.abc'))).toBe('version');
    expect(await reason(decodeShareFragment('#nb=abc'))).toBe('version');
    expect(await reason(decodeShareFragment('#nb=v1.ab$c'))).toBe('encoding');
    expect(
      await reason(
        decodeShareFragment('#nb=v1.' + toBase64Url(new Uint8Array([0xff, 0xfe, 0x01, 0x02]))),
      ),
    ).toBe('corrupt');
    // Valid deflate, but not the JSON a link holds.
    const { readable, writable } = new CompressionStream('deflate-raw');
    const w = writable.getWriter();
    void w.write(new TextEncoder().encode('{"nope": 1}'));
    void w.close();
    const bytes = new Uint8Array(await new Response(readable).arrayBuffer());
    expect(await reason(decodeShareFragment('#nb=v1.' + toBase64Url(bytes)))).toBe(
      'not-a-notebook',
    );
    // A cut-off link (the tail of the payload missing) does not unpack.
    const good = await encodeShareFragment({ text: 'x'.repeat(5000) + Math.random(), inputs: [] });
    expect(['corrupt', 'not-a-notebook']).toContain(
      await reason(decodeShareFragment(good.slice(0, good.length - 8))),
    );
  });

  it('flags a link past the safe length', async () => {
    // Random text does not compress, so the link grows with it.
    const random = Array.from({ length: 40_000 }, () =>
      String.fromCharCode(33 + Math.floor(Math.random() * 90)),
    ).join('');
    const { length, tooLong } = await shareUrl('http://localhost/', { text: random, inputs: [] });
    expect(length).toBeGreaterThan(SAFE_URL_LENGTH);
    expect(tooLong).toBe(true);
  });

  it('refuses a payload that would inflate to 1 GB, without inflating it', async () => {
    const bomb = await deflatedZeros(1024 * 1024 * 1024);
    // Deflate cannot do better than ~1032:1, so 1 GB of zeros is about 1 MB of payload.
    expect(bomb.byteLength).toBeLessThan(1.1 * 1024 * 1024);
    const fragment = '#nb=v1.' + toBase64Url(bomb);
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    expect(await reason(decodeShareFragment(fragment))).toBe('too-large');
    const elapsed = performance.now() - started;
    // Far below the gigabyte that inflating it would take (timing is printed, not asserted).
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
    console.log(
      `zip bomb: ${bomb.byteLength} bytes of payload refused in ${elapsed.toFixed(1)} ms`,
    );
  });

  it('refuses a 1 KB payload that inflates past the cap', async () => {
    // The most a single deflate layer gets out of 1 KB is ~1 MB, so use a 512 KB cap.
    const small = await deflatedZeros(1024 * 1024);
    expect(small.byteLength).toBeLessThan(1100);
    await expect(inflateCapped(small, 512 * 1024)).rejects.toThrow(/more than 0.5 MB/);
    // Under the default cap it unpacks, and is then refused as not a notebook.
    expect((await inflateCapped(small, MAX_INFLATED_BYTES)).byteLength).toBe(1024 * 1024);
  });
});
