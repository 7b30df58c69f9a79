/**
 * Opening and the session on the real engine: what each address opens (autosave over the
 * original, trust by origin or content), nothing running for an untrusted notebook until
 * "Trust and run", network permission reaching the engine worker, revert and keep-as-copy.
 */
import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRuntime } from '../../src/runtime/notebook-runtime.ts';
import { NotebookStore } from '../../src/share/notebook-store.ts';
import { TrustStore } from '../../src/share/trust.ts';
import { MemoryStorage } from '../../src/share/browser-storage.ts';
import { galleryFrom } from '../../src/share/gallery.ts';
import { openRequested, type OpenedNotebook } from '../../src/share/open-notebook.ts';
import { NotebookSession } from '../../src/share/session.ts';
import { encodeShareFragment } from '../../src/share/share-link.ts';
import { networkMessage } from '../../src/engine/network-policy.ts';

const TEXT = [
  '---',
  'title: Small',
  '---',
  '',
  '```sql id=one',
  'CREATE TABLE silver.one AS SELECT 1 AS x',
  '```',
  '',
  '```sql id=remote',
  "CREATE TABLE silver.remote AS SELECT * FROM read_csv('https://example.com/x.csv')",
  '```',
  '',
].join('\n');

function setup() {
  const storage = new MemoryStorage();
  const store = new NotebookStore(storage);
  const trust = new TrustStore(storage);
  const gallery = galleryFrom({ 'notebooks/small.md': TEXT });
  return { storage, store, trust, gallery };
}

async function session(opened: OpenedNotebook, deps: ReturnType<typeof setup>) {
  const runtime = new NotebookRuntime(await createNodeEngine(), parseNotebook(opened.text));
  const calls: string[] = [];
  const posted: unknown[] = [];
  const s = new NotebookSession(runtime, opened, deps.store, deps.trust, {
    worker: { postMessage: (m) => posted.push(m) },
    href: () => 'http://host/app/?notebook=small',
    navigate: (url) => calls.push(`navigate ${url}`),
    replaceUrl: (url) => calls.push(`replace ${url}`),
    reload: () => calls.push('reload'),
    storage: deps.storage,
  });
  return { s, runtime, calls, posted };
}

const opened = async (o: Promise<Awaited<ReturnType<typeof openRequested>>>) => {
  const result = await o;
  if (result.kind !== 'notebook')
    throw new Error(`expected a notebook, got the start page: ${result.message}`);
  return result.notebook;
};

describe('opening', () => {
  it('a gallery notebook: trusted, and an autosave wins over the original (said so)', async () => {
    const deps = setup();
    const first = await opened(openRequested({ kind: 'gallery', name: 'small' }, deps));
    expect(first).toMatchObject({
      id: 'gallery:small',
      trusted: true,
      network: false,
      restoredAt: null,
      baseRevision: 0,
      text: TEXT,
    });
    const edited = TEXT.replace('1 AS x', '2 AS x');
    deps.store.save(
      {
        id: 'gallery:small',
        title: 'Small',
        text: edited,
        inputs: [],
        origin: 'gallery',
        original: TEXT,
        trusted: true,
        network: false,
      },
      0,
      1234,
    );
    const again = await opened(openRequested({ kind: 'gallery', name: 'small' }, deps));
    expect(again).toMatchObject({
      text: edited,
      restoredAt: 1234,
      baseRevision: 1,
      original: TEXT,
    });
  });

  it('a link: untrusted until this content is trusted', async () => {
    const deps = setup();
    const fragment = '#' + (await encodeShareFragment({ text: TEXT, inputs: [['gender', 'F']] }));
    const link = await opened(openRequested({ kind: 'link', fragment }, deps));
    expect(link).toMatchObject({ origin: 'link', trusted: false, inputs: [['gender', 'F']] });
    expect(link.id).toMatch(/^link:[0-9a-f]{16}$/);
    await deps.trust.trust(TEXT);
    expect((await opened(openRequested({ kind: 'link', fragment }, deps))).trusted).toBe(true);
  });

  it('a damaged link or a missing local notebook: the start page, saying why', async () => {
    const deps = setup();
    expect(await openRequested({ kind: 'link', fragment: '#nb=v1.@@' }, deps)).toMatchObject({
      kind: 'start',
      message: expect.stringContaining('damaged'),
    });
    expect(await openRequested({ kind: 'local', id: 'local:gone' }, deps)).toMatchObject({
      kind: 'start',
      message: expect.stringContaining('not kept in this browser'),
    });
  });
});

describe('the session', () => {
  it('runs nothing for an untrusted notebook until Trust and run; network stays off until allowed', async () => {
    const deps = setup();
    const fragment = '#' + (await encodeShareFragment({ text: TEXT, inputs: [] }));
    const { s, runtime, posted } = await session(
      await opened(openRequested({ kind: 'link', fragment }, deps)),
      deps,
    );
    s.start();
    expect(s.trusted).toBe(false);
    expect(runtime.notebook.cells.map((c) => runtime.state(c.id).status)).toEqual(['idle', 'idle']);
    expect(s.blockedUrls()).toEqual(['https://example.com/x.csv']);

    await s.trustAndRun();
    expect(runtime.state('one').status).toBe('done');
    expect(runtime.state('remote').status).toBe('blocked');
    expect(await deps.trust.isTrusted(TEXT)).toBe(true);
    expect(posted).toEqual([]);

    await s.allowNetwork();
    expect(posted).toEqual([networkMessage(true)]);
    expect(s.blockedUrls()).toEqual([]);
    // Re-run: now refused only by DuckDB in Node (no HTTP here), not by the check.
    expect(runtime.state('remote').status).toBe('error');
    expect(await deps.trust.isNetworkAllowed(TEXT)).toBe(true);
    s.dispose();
  });

  it('says once per browser when persistent storage was not granted', async () => {
    const deps = setup();
    const { s, runtime } = await session(
      await opened(openRequested({ kind: 'gallery', name: 'small' }, deps)),
      deps,
    );
    s.start();
    runtime.dispatch({
      type: 'edit',
      id: 'one',
      source: 'CREATE TABLE silver.one AS SELECT 3 AS x',
    });
    expect(s.autosave.flush()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(s.persistMessage).toContain('did not grant persistent storage');
    s.dispose();

    const { s: later, runtime: laterRuntime } = await session(
      await opened(openRequested({ kind: 'gallery', name: 'small' }, deps)),
      deps,
    );
    later.start();
    laterRuntime.dispatch({
      type: 'edit',
      id: 'one',
      source: 'CREATE TABLE silver.one AS SELECT 4 AS x',
    });
    later.autosave.flush();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(later.persistMessage).toBeNull();
    later.dispose();
  });

  it('revert forgets the autosave of a gallery notebook; keep-as-copy moves to a local id', async () => {
    const deps = setup();
    const { s, runtime, calls } = await session(
      await opened(openRequested({ kind: 'gallery', name: 'small' }, deps)),
      deps,
    );
    s.start();
    runtime.dispatch({
      type: 'edit',
      id: 'one',
      source: 'CREATE TABLE silver.one AS SELECT 5 AS x',
    });
    s.autosave.flush();
    expect(deps.store.get('gallery:small')?.text).toContain('5 AS x');
    s.keepAsCopy();
    expect(calls.at(-1)).toMatch(/^replace \.\/\?local=local%3A[0-9a-f]{16}$/);
    const copyId = decodeURIComponent(calls.at(-1)!.split('local=')[1]!);
    expect(deps.store.get(copyId)?.text).toContain('5 AS x');

    const { s: other } = await session(
      await opened(openRequested({ kind: 'gallery', name: 'small' }, deps)),
      deps,
    );
    other.revert();
    expect(deps.store.get('gallery:small')).toBeNull();
    expect(deps.store.get(copyId)).not.toBeNull();
    s.dispose();
  });
});
