import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Autosave,
  CONFLICT_MESSAGE,
  type AutosaveStatus,
  type Snapshot,
} from '../../src/share/autosave.ts';
import { NotebookStore, STORAGE_FULL_MESSAGE } from '../../src/share/notebook-store.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { ChannelHub, MemoryStorage } from './fake-browser.ts';

const TEXT = '---\ntitle: Sales\n---\n\n```sql id=q\nSELECT 1\n```\n';

/** A tab: its notebook state and its autosave, sharing storage and a channel hub with other tabs. */
function openTab(store: NotebookStore, hub: ChannelHub, id = 'gallery:sales') {
  const state: { snapshot: Snapshot; statuses: AutosaveStatus[] } = {
    snapshot: {
      text: store.get(id)?.text ?? TEXT,
      inputs: [],
      title: 'Sales',
      trusted: true,
      network: false,
    },
    statuses: [],
  };
  const autosave = new Autosave({
    store,
    id,
    baseRevision: store.get(id)?.revision ?? 0,
    origin: 'gallery',
    original: TEXT,
    snapshot: () => state.snapshot,
    channel: hub.open(),
    onStatus: (s) => state.statuses.push(s),
  });
  autosave.markClean();
  const edit = (text: string) => {
    state.snapshot = { ...state.snapshot, text };
    autosave.changed();
  };
  return { state, autosave, edit };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves a change within a second, and only when something changed', () => {
    const store = new NotebookStore(new MemoryStorage());
    const tab = openTab(store, new ChannelHub());
    tab.autosave.changed();
    vi.advanceTimersByTime(2000);
    expect(store.get('gallery:sales')).toBeNull(); // opened, not edited: nothing stored

    tab.edit(TEXT.replace('SELECT 1', 'SELECT 2'));
    expect(tab.autosave.status.kind).toBe('pending');
    vi.advanceTimersByTime(999);
    const saved = store.get('gallery:sales')!;
    expect(saved.text).toContain('SELECT 2');
    expect(saved.revision).toBe(1);
    expect(saved.original).toBe(TEXT);
    expect(tab.autosave.status.kind).toBe('saved');

    // Input values count as a change.
    tab.state.snapshot = { ...tab.state.snapshot, inputs: [['gender', 'F']] };
    tab.autosave.changed();
    vi.advanceTimersByTime(1000);
    expect(store.get('gallery:sales')!.inputs).toEqual([['gender', 'F']]);
    expect(store.get('gallery:sales')!.revision).toBe(2);
  });

  it('debounces a burst of edits into one write', () => {
    const storage = new MemoryStorage();
    const setItem = vi.spyOn(storage, 'setItem');
    const tab = openTab(new NotebookStore(storage), new ChannelHub());
    for (let i = 0; i < 20; i++) {
      tab.edit(TEXT.replace('SELECT 1', `SELECT ${i + 10}`));
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(1000);
    expect(setItem).toHaveBeenCalledTimes(1);
  });

  it('flush saves at once (tab hidden or closing)', () => {
    const store = new NotebookStore(new MemoryStorage());
    const tab = openTab(store, new ChannelHub());
    tab.edit(TEXT + '\n<!-- cell: note -->\nLast words\n');
    expect(tab.autosave.flush()).toBe(true);
    expect(store.get('gallery:sales')!.text).toContain('Last words');
  });

  it('two tabs never silently overwrite each other', () => {
    const store = new NotebookStore(new MemoryStorage());
    const hub = new ChannelHub();
    const first = openTab(store, hub);
    const second = openTab(store, hub);

    first.edit(TEXT.replace('SELECT 1', 'SELECT "first"'));
    vi.advanceTimersByTime(1000);
    // The second tab is told at once, before it even edits.
    expect(second.autosave.status).toEqual({ kind: 'conflict', message: CONFLICT_MESSAGE });

    second.edit(TEXT.replace('SELECT 1', 'SELECT "second"'));
    vi.advanceTimersByTime(1000);
    expect(second.autosave.flush()).toBe(false);
    expect(store.get('gallery:sales')!.text).toContain('"first"');

    // Keeping its version as a copy saves it under a new id, and saving carries on there.
    const copy = second.autosave.keepAsCopy('local:copy')!;
    expect(copy).toBe('local:copy');
    expect(store.get('local:copy')!.text).toContain('"second"');
    expect(store.get('local:copy')!.origin).toBe('local');
    second.edit(TEXT.replace('SELECT 1', 'SELECT "second, again"'));
    vi.advanceTimersByTime(1000);
    expect(store.get('local:copy')!.text).toContain('second, again');
    expect(store.get('gallery:sales')!.text).toContain('"first"');
    // The first tab was not disturbed by writes to the copy.
    expect(first.autosave.status.kind).toBe('saved');
  });

  it('refuses a write based on an old revision even when no message arrived', () => {
    const store = new NotebookStore(new MemoryStorage());
    const first = openTab(store, new ChannelHub());
    const second = openTab(store, new ChannelHub()); // a different hub: the message is lost
    first.edit(TEXT.replace('SELECT 1', 'SELECT 11'));
    vi.advanceTimersByTime(1000);
    second.edit(TEXT.replace('SELECT 1', 'SELECT 22'));
    vi.advanceTimersByTime(1000);
    expect(second.autosave.status.kind).toBe('conflict');
    expect(store.get('gallery:sales')!.text).toContain('SELECT 11');
  });

  it('storage full: says so, keeps the work in the page, and saves once there is room', () => {
    const storage = new MemoryStorage(200); // far too small for the record
    const store = new NotebookStore(storage);
    const tab = openTab(store, new ChannelHub());
    tab.edit(TEXT.replace('SELECT 1', 'SELECT 3'));
    vi.advanceTimersByTime(1000);
    expect(tab.autosave.status).toEqual({ kind: 'full', message: STORAGE_FULL_MESSAGE });
    expect(tab.state.snapshot.text).toContain('SELECT 3');
    expect(store.get('gallery:sales')).toBeNull();

    storage.quota = Infinity;
    tab.edit(TEXT.replace('SELECT 1', 'SELECT 4'));
    vi.advanceTimersByTime(1000);
    expect(tab.autosave.status.kind).toBe('saved');
    expect(store.get('gallery:sales')!.text).toContain('SELECT 4');
  });
});

describe('local notebooks', () => {
  it('lists, renames, duplicates and deletes', () => {
    const store = new NotebookStore(new MemoryStorage());
    const base = {
      title: 'Sales',
      text: TEXT,
      inputs: [],
      origin: 'file' as const,
      original: TEXT,
      trusted: false,
      network: false,
    };
    expect(store.save({ ...base, id: 'local:a' }, 0, 1000).ok).toBe(true);
    expect(store.save({ ...base, id: 'local:b', title: 'Other' }, 0, 2000).ok).toBe(true);
    expect(store.list().map((r) => r.id)).toEqual(['local:b', 'local:a']);

    const renamed = store.rename('local:a', 'Sales\nby region');
    expect(renamed?.ok).toBe(true);
    const a = store.get('local:a')!;
    expect(a.title).toBe('Sales by region');
    expect(parseNotebook(a.text).meta['title']).toBe('Sales by region');
    expect(a.revision).toBe(2);

    const copy = store.duplicate('local:a', 'local:c');
    expect(copy?.ok).toBe(true);
    const c = store.get('local:c')!;
    expect(c.title).toBe('Sales by region (copy)');
    expect(c.origin).toBe('local');
    expect(parseNotebook(c.text).cells).toEqual(parseNotebook(TEXT).cells);

    store.remove('local:a');
    expect(store.get('local:a')).toBeNull();
    expect(
      store
        .list()
        .map((r) => r.id)
        .sort(),
    ).toEqual(['local:b', 'local:c']);
  });

  it('ignores records it cannot read', () => {
    const storage = new MemoryStorage();
    storage.setItem('mn:notebook:bad', '{not json');
    storage.setItem('mn:notebook:worse', '{"id": 3}');
    storage.setItem('other-app', 'x');
    expect(new NotebookStore(storage).list()).toEqual([]);
  });
});
