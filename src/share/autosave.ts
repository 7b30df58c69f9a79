/**
 * Autosave: every change to the open notebook (its text and input values) is written to
 * the NotebookStore within half a second, and at once when the tab is hidden or closed.
 *
 * Two tabs: each write names the revision it started from, and each tab tells the others
 * over a BroadcastChannel when it saved. A tab that learns another one saved the same
 * notebook (or whose write is refused because the stored revision moved) stops saving and
 * says so; the person then reloads to get the other tab's version, or keeps theirs as a
 * copy. Storage full: a clear message, nothing is lost from the page, and the next change
 * tries again.
 */
import type { ParamValue } from '../analysis/params.ts';
import {
  localNotebookId,
  type NotebookOrigin,
  type NotebookStore,
  type StoredNotebook,
} from './notebook-store.ts';

export const AUTOSAVE_DELAY_MS = 500;
export const CHANNEL_NAME = 'medallion-notebook:autosave';

/** What is saved of the open notebook. */
export interface Snapshot {
  readonly text: string;
  readonly inputs: readonly (readonly [string, ParamValue])[];
  readonly title: string;
  readonly trusted: boolean;
  readonly network: boolean;
}

export type AutosaveStatus =
  | { readonly kind: 'clean' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'full'; readonly message: string }
  | { readonly kind: 'conflict'; readonly message: string };

/** The part of BroadcastChannel used here (tests pass a fake). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

interface SavedMessage {
  readonly type: 'saved' | 'removed';
  readonly id: string;
  readonly revision: number;
  readonly tab: string;
}

export const CONFLICT_MESSAGE =
  'This notebook was changed in another tab. To keep both, keep yours as a copy; or reload to get the other version. ' +
  'Your changes here are not saved until you choose.';

export interface AutosaveOptions {
  readonly store: NotebookStore;
  readonly id: string;
  /** The stored revision this page started from (0: none stored yet). */
  readonly baseRevision: number;
  readonly origin: NotebookOrigin;
  /** The text the notebook was opened from, kept for "Revert to the original". */
  readonly original: string;
  readonly snapshot: () => Snapshot;
  readonly delayMs?: number;
  readonly channel?: ChannelLike | null;
  readonly onStatus?: (status: AutosaveStatus) => void;
  readonly now?: () => number;
}

export class Autosave {
  id: string;
  status: AutosaveStatus = { kind: 'clean' };
  private base: number;
  private origin: NotebookOrigin;
  private original: string;
  private lastKey: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly tab = Math.random().toString(36).slice(2);
  private readonly channel: ChannelLike | null;

  constructor(private readonly options: AutosaveOptions) {
    this.id = options.id;
    this.base = options.baseRevision;
    this.origin = options.origin;
    this.original = options.original;
    this.channel = options.channel ?? null;
    this.channel?.addEventListener('message', (event) => this.onMessage(event.data));
  }

  /** The revision this tab last wrote or started from. */
  get revision(): number {
    return this.base;
  }

  /** Takes the current notebook as the saved state (just opened or restored: nothing to save yet). */
  markClean(): void {
    this.lastKey = keyOf(this.options.snapshot());
  }

  /** Call on every change; the save follows within `delayMs`. */
  changed(): void {
    if (this.status.kind === 'conflict') return;
    if (keyOf(this.options.snapshot()) === this.lastKey) return;
    if (this.timer === null) {
      this.setStatus({ kind: 'pending' });
      this.timer = setTimeout(() => this.flush(), this.options.delayMs ?? AUTOSAVE_DELAY_MS);
    }
  }

  /** Saves now if anything changed. Returns false when it could not (conflict, storage full). */
  flush(): boolean {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.status.kind === 'conflict') return false;
    const snapshot = this.options.snapshot();
    const key = keyOf(snapshot);
    if (key === this.lastKey) return true;
    const result = this.options.store.save(this.record(snapshot), this.base, this.now());
    if (result.ok) {
      this.base = result.record.revision;
      this.lastKey = key;
      this.post({ type: 'saved', id: this.id, revision: this.base, tab: this.tab });
      this.setStatus({ kind: 'saved', at: result.record.savedAt });
      return true;
    }
    if (result.reason === 'conflict')
      this.setStatus({ kind: 'conflict', message: CONFLICT_MESSAGE });
    else this.setStatus({ kind: 'full', message: result.message });
    return false;
  }

  /**
   * Saves this tab's version under a new local id and carries on saving there. Returns
   * the new id (the page puts it in its address: `?local=…`).
   */
  keepAsCopy(newId = localNotebookId()): string | null {
    const snapshot = this.options.snapshot();
    const record = { ...this.record(snapshot), id: newId, origin: 'local' as const };
    const result = this.options.store.save(record, 0, this.now());
    if (!result.ok) {
      if (result.reason === 'full') this.setStatus({ kind: 'full', message: result.message });
      return null;
    }
    this.id = newId;
    this.origin = 'local';
    this.base = result.record.revision;
    this.lastKey = keyOf(snapshot);
    this.setStatus({ kind: 'saved', at: result.record.savedAt });
    return newId;
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.channel?.close();
  }

  private record(snapshot: Snapshot): Omit<StoredNotebook, 'revision' | 'savedAt'> {
    return {
      id: this.id,
      title: snapshot.title,
      text: snapshot.text,
      inputs: snapshot.inputs.map(([k, v]) => [k, v] as const),
      origin: this.origin,
      original: this.original,
      trusted: snapshot.trusted,
      network: snapshot.network,
    };
  }

  private onMessage(data: unknown): void {
    if (!isSavedMessage(data) || data.tab === this.tab || data.id !== this.id) return;
    if (data.revision > this.base) {
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      this.setStatus({ kind: 'conflict', message: CONFLICT_MESSAGE });
    }
  }

  private post(message: SavedMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel: the revision check still catches the conflict on the next save.
    }
  }

  private setStatus(status: AutosaveStatus): void {
    this.status = status;
    this.options.onStatus?.(status);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}

/**
 * What counts as a change: the text and the inputs. Trust and network permission are
 * stored with the next change (and remembered by content hash in trust.ts meanwhile),
 * so trusting a notebook alone does not make a "changed" copy of it.
 */
function keyOf(snapshot: Snapshot): string {
  return JSON.stringify([snapshot.text, snapshot.inputs]);
}

function isSavedMessage(data: unknown): data is SavedMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Partial<SavedMessage>;
  return (
    (m.type === 'saved' || m.type === 'removed') &&
    typeof m.id === 'string' &&
    typeof m.revision === 'number' &&
    typeof m.tab === 'string'
  );
}

/** Tells tabs that have notebook `id` open that it changed (renamed, deleted) elsewhere. */
export function announceChange(
  channel: ChannelLike | null,
  id: string,
  revision: number,
  type: 'saved' | 'removed' = 'saved',
): void {
  try {
    channel?.postMessage({ type, id, revision, tab: 'notebook-list' } satisfies SavedMessage);
  } catch {
    // A closed channel: those tabs still find out from the revision check when they save.
  }
}

/** Asks the browser not to evict local notebooks. Resolves to whether it agreed (false where unsupported). */
export async function requestPersistentStorage(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<boolean> {
  try {
    if (!storage?.persist) return false;
    if (await storage.persisted?.()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

export const NOT_PERSISTENT_MESSAGE =
  'This browser did not grant persistent storage, so it may clear local notebooks when space runs low. Save notebooks you care about as files.';
