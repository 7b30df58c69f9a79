import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { notebookHash, TrustStore } from '../../src/share/trust.ts';
import {
  notebookFileName,
  readNotebookFile,
  saveNotebookFile,
} from '../../src/share/notebook-files.ts';
import { bundledGallery, galleryFrom } from '../../src/share/gallery.ts';
import { readOpenRequest } from '../../src/share/open-request.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { MemoryStorage } from './fake-browser.ts';

const notebookFiles = readdirSync('notebooks').filter((f) => f.endsWith('.md'));

describe('trust', () => {
  it('is remembered per notebook content', async () => {
    const trust = new TrustStore(new MemoryStorage());
    const text = readFileSync('notebooks/customer-360.md', 'utf8');
    expect(await trust.isTrusted(text)).toBe(false);
    await trust.trust(text);
    expect(await trust.isTrusted(text)).toBe(true);
    // The same notebook with Windows line endings is the same content…
    expect(await trust.isTrusted(text.replace(/\n/g, '\r\n'))).toBe(true);
    // …one changed character is not.
    expect(await trust.isTrusted(text.replace('SELECT', 'SELECT  '))).toBe(false);
    // Network access is a separate permission.
    expect(await trust.isNetworkAllowed(text)).toBe(false);
    await trust.allowNetwork(text);
    expect(await trust.isNetworkAllowed(text)).toBe(true);
  });

  it('hashes with SHA-256', async () => {
    expect(await notebookHash('')).toMatch(/^[0-9a-f]{64}$/);
    expect(await notebookHash('# a')).not.toBe(await notebookHash('# b'));
  });
});

describe('notebook files', () => {
  it.each(notebookFiles)('%s round-trips through a saved file', async (file) => {
    const text = readFileSync(`notebooks/${file}`, 'utf8');
    let written = '';
    const picker = {
      showSaveFilePicker: async (options: unknown) => {
        expect((options as { suggestedName: string }).suggestedName).toMatch(/\.md$/);
        return {
          createWritable: async () => ({
            write: async (data: string) => void (written = data),
            close: async () => undefined,
          }),
        };
      },
    };
    expect(await saveNotebookFile(text, 'Customer 360', picker)).toBe('saved');
    const read = await readNotebookFile(new File([written], notebookFileName('Customer 360')));
    expect(read.text).toBe(text);
    expect(parseNotebook(read.text)).toEqual(parseNotebook(text));
  });

  it('names files after the title', () => {
    expect(notebookFileName('Customer 360')).toBe('customer-360.md');
    expect(notebookFileName('¿?')).toBe('notebook.md');
  });

  it('refuses what is not a notebook', async () => {
    await expect(
      readNotebookFile(new File([new Uint8Array([0xff, 0xfe, 0x00, 0x41])], 'x.md')),
    ).rejects.toThrow(/not a text file in UTF-8/);
    await expect(readNotebookFile(new File(['a\u0000b'], 'x.md'))).rejects.toThrow(/binary/);
    await expect(readNotebookFile(new File([''], 'empty.md'))).rejects.toThrow(/no notebook cells/);
    await expect(
      readNotebookFile(new File([new Uint8Array(3 * 1024 * 1024)], 'big.md')),
    ).rejects.toThrow(/at most 2 MB/);
    // A byte-order mark is dropped.
    expect((await readNotebookFile(new File(['\uFEFF# Hi'], 'bom.md'))).text).toBe('# Hi');
  });
});

describe('gallery', () => {
  it('holds every notebook in notebooks/, Customer 360 first', () => {
    const gallery = bundledGallery();
    expect(gallery.map((g) => g.name).sort()).toEqual(
      notebookFiles.map((f) => f.replace(/\.md$/, '')).sort(),
    );
    expect(gallery[0]!.name).toBe('customer-360');
    for (const entry of gallery) {
      expect(entry.title).not.toBe('Untitled notebook');
      expect(entry.description.length).toBeGreaterThan(20);
      expect(entry.text).toBe(readFileSync(`notebooks/${entry.name}.md`, 'utf8'));
    }
  });

  it('describes a notebook by its first paragraph, in plain text', () => {
    const [entry] = galleryFrom({
      '../../notebooks/x.md':
        '---\ntitle: X\n---\n\n# Heading\n\nRead **this** [first](https://a).\n\nNot this.\n',
    });
    expect(entry).toMatchObject({ name: 'x', title: 'X', description: 'Read this first.' });
  });
});

describe('what the address opens', () => {
  const names = ['customer-360', 'medallion-101'];
  const open = (url: string) => readOpenRequest(new URL(url, 'http://host/app/'), names);
  it.each([
    ['/app/', { kind: 'gallery', name: 'customer-360' }],
    ['/app/?notebook=medallion-101', { kind: 'gallery', name: 'medallion-101' }],
    ['/app/?local=local:abc', { kind: 'local', id: 'local:abc' }],
    ['/app/?start', { kind: 'start', message: null }],
    ['/app/?notebook=medallion-101#nb=v1.abc', { kind: 'link', fragment: '#nb=v1.abc' }],
    ['/app/#section', { kind: 'gallery', name: 'customer-360' }],
  ])('%s', (url, expected) => {
    expect(open(url)).toEqual(expected);
  });
  it('an unknown notebook name shows the start page with a message', () => {
    expect(open('/app/?notebook=nope')).toEqual({
      kind: 'start',
      message: expect.stringContaining('no notebook named "nope"'),
    });
  });
});
