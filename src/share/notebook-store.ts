/**
 * Notebooks kept in the browser: one JSON record per notebook in a Storage
 * (localStorage in the page). localStorage rather than IndexedDB because its writes are
 * synchronous: the last edit can still be saved in `pagehide` when the tab closes, which
 * an IndexedDB transaction started there is not guaranteed to finish. Notebooks are text
 * (tens of KB), far below its quota.
 *
 * Every record carries a revision. A write names the revision it was based on and is
 * refused when another tab has written since (compare-and-set), so two tabs never
 * silently overwrite each other.
 */
import type { ParamValue } from '../analysis/params.ts';
import { isParamValue } from './share-link.ts';
import { parseNotebook, serializeNotebook } from '../notebook/format.ts';
import { notebookTitle } from '../notebook/types.ts';

const PREFIX = 'mn:notebook:';

/** Where a notebook came from, which decides what "Revert" goes back to and whether it is trusted. */
export type NotebookOrigin = 'gallery' | 'link' | 'file' | 'local';

export interface StoredNotebook {
  /** `gallery:customer-360`, `link:<hash>`, `local:<random>`. */
  readonly id: string;
  readonly title: string;
  /** The notebook file's text. */
  readonly text: string;
  readonly inputs: readonly (readonly [string, ParamValue])[];
  readonly origin: NotebookOrigin;
  /** The text it was opened from, for "Revert to the original". */
  readonly original: string;
  /** The person chose to run it (or wrote it here). */
  readonly trusted: boolean;
  /** The person allowed it to read remote URLs. */
  readonly network: boolean;
  readonly revision: number;
  /** Epoch milliseconds of the last write. */
  readonly savedAt: number;
}

export type KeyValueStorage = Pick<
  Storage,
  'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'
>;

export type SaveResult =
  | { readonly ok: true; readonly record: StoredNotebook }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: StoredNotebook }
  | { readonly ok: false; readonly reason: 'full'; readonly message: string };

export const STORAGE_FULL_MESSAGE =
  'Browser storage is full, so your latest changes are not saved on this device. They are still here in the page: ' +
  'save the notebook as a file, or delete local notebooks you no longer need.';

export class NotebookStore {
  constructor(private readonly storage: KeyValueStorage) {}

  get(id: string): StoredNotebook | null {
    try {
      return readRecord(this.storage.getItem(PREFIX + id));
    } catch {
      return null;
    }
  }

  /** Every stored notebook, most recently saved first. */
  list(): StoredNotebook[] {
    const records: StoredNotebook[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key?.startsWith(PREFIX)) {
        const record = this.get(key.slice(PREFIX.length));
        if (record) records.push(record);
      }
    }
    return records.sort((a, b) => b.savedAt - a.savedAt);
  }

  /**
   * Writes `record` if the stored revision is still `basedOn` (0: not stored yet). The
   * written record has revision `basedOn + 1`.
   */
  save(
    record: Omit<StoredNotebook, 'revision' | 'savedAt'>,
    basedOn: number,
    now = Date.now(),
  ): SaveResult {
    const current = this.get(record.id);
    if ((current?.revision ?? 0) !== basedOn)
      return { ok: false, reason: 'conflict', current: current! };
    const written: StoredNotebook = { ...record, revision: basedOn + 1, savedAt: now };
    try {
      this.storage.setItem(PREFIX + record.id, JSON.stringify(written));
    } catch (error) {
      if (isQuotaError(error)) return { ok: false, reason: 'full', message: STORAGE_FULL_MESSAGE };
      throw error;
    }
    return { ok: true, record: written };
  }

  remove(id: string): void {
    this.storage.removeItem(PREFIX + id);
  }

  /** Gives a stored notebook a new title (its `title:` front matter too). */
  rename(id: string, title: string): SaveResult | null {
    const record = this.get(id);
    if (!record) return null;
    const clean = cleanTitle(title);
    const notebook = parseNotebook(record.text);
    const text = serializeNotebook({ ...notebook, meta: { ...notebook.meta, title: clean } });
    return this.save({ ...record, title: clean, text }, record.revision);
  }

  /** A copy under a new local id, titled "… (copy)". */
  duplicate(id: string, newId = localNotebookId()): SaveResult | null {
    const record = this.get(id);
    if (!record) return null;
    const title = cleanTitle(`${record.title} (copy)`);
    const notebook = parseNotebook(record.text);
    const text = serializeNotebook({ ...notebook, meta: { ...notebook.meta, title } });
    return this.save({ ...record, id: newId, title, text, origin: 'local', original: text }, 0);
  }
}

/** A fresh id for a notebook that lives only here. */
export function localNotebookId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return 'local:' + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The title stored for a notebook text. */
export function titleOf(text: string): string {
  return notebookTitle(parseNotebook(text));
}

/** One line, no front-matter breakers, a sensible length. */
export function cleanTitle(title: string): string {
  const line = title
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .slice(0, 120);
  return line === '' ? 'Untitled notebook' : line;
}

/** QuotaExceededError across browsers (Firefox used NS_ERROR_DOM_QUOTA_REACHED). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}

function readRecord(json: string | null): StoredNotebook | null {
  if (json === null) return null;
  const value = JSON.parse(json) as Partial<StoredNotebook>;
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof value.id !== 'string' ||
    typeof value.text !== 'string' ||
    typeof value.revision !== 'number'
  ) {
    return null;
  }
  const inputs = Array.isArray(value.inputs)
    ? value.inputs.filter(
        (p): p is [string, ParamValue] =>
          Array.isArray(p) && typeof p[0] === 'string' && isParamValue(p[1]),
      )
    : [];
  return {
    id: value.id,
    title: typeof value.title === 'string' ? value.title : titleOf(value.text),
    text: value.text,
    inputs,
    origin:
      (['gallery', 'link', 'file', 'local'] as const).find((o) => o === value.origin) ?? 'local',
    original: typeof value.original === 'string' ? value.original : value.text,
    trusted: value.trusted === true,
    network: value.network === true,
    revision: value.revision,
    savedAt: typeof value.savedAt === 'number' ? value.savedAt : 0,
  };
}
