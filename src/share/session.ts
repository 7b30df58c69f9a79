/**
 * The open notebook's life in this browser, between the runtime and the page: trust
 * (nothing runs until the person chooses, for a notebook they did not write), network
 * permission (runtime check + the engine worker's own guard), autosave with the two-tab
 * check, share links, files and exports. UI elements read its fields and call its
 * methods; it announces every change with a `change` event.
 */
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import type { ParamValue } from '../analysis/params.ts';
import { matchesFilePattern } from '../analysis/bronze-spec.ts';
import { serializeNotebook } from '../notebook/format.ts';
import { notebookTitle } from '../notebook/types.ts';
import { networkMessage, NETWORK_OFF } from '../engine/network-policy.ts';
import {
  Autosave,
  CHANNEL_NAME,
  NOT_PERSISTENT_MESSAGE,
  requestPersistentStorage,
  type AutosaveStatus,
  type ChannelLike,
  type Snapshot,
} from './autosave.ts';
import { localNotebookId, titleOf, type NotebookStore } from './notebook-store.ts';
import type { OpenedNotebook } from './open-notebook.ts';
import { addressOf } from './open-request.ts';
import { shareUrl } from './share-link.ts';
import type { TrustStore } from './trust.ts';
import { downloadBlob, layerZip } from './export.ts';
import { openNotebookFile, saveNotebookFile } from './notebook-files.ts';

/** What the session needs from the page; tests pass fakes. */
export interface SessionHost {
  /** The engine worker, told when network access is allowed. */
  readonly worker?: { postMessage(message: unknown): void } | null;
  readonly channel?: ChannelLike | null;
  /** The page's address now (for share links). */
  readonly href: () => string;
  readonly navigate: (url: string) => void;
  readonly replaceUrl: (url: string) => void;
  readonly reload: () => void;
  /** Where the page remembers it told the person about persistent storage. */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}

const PERSIST_TOLD_KEY = 'mn:persist-not-granted-told';

export class NotebookSession extends EventTarget {
  trusted: boolean;
  networkAllowed: boolean;
  restoredAt: number | null;
  autosaveStatus: AutosaveStatus = { kind: 'clean' };
  /** Set when the browser did not grant persistent storage. */
  persistMessage: string | null = null;
  readonly autosave: Autosave;
  private disposers: (() => void)[] = [];
  private persistenceAsked = false;
  /** The last answer of missingFiles(), and what it was worked out from. */
  private missing: { analysis: unknown; files: string; names: string[] } | null = null;

  constructor(
    readonly runtime: NotebookRuntime,
    readonly opened: OpenedNotebook,
    private readonly store: NotebookStore,
    private readonly trust: TrustStore,
    private readonly host: SessionHost,
  ) {
    super();
    this.trusted = opened.trusted;
    this.networkAllowed = opened.network;
    this.restoredAt = opened.restoredAt;
    if (opened.inputs.length > 0) runtime.restoreInputs(opened.inputs);
    if (opened.network) this.enableNetwork();
    this.autosave = new Autosave({
      store,
      id: opened.id,
      baseRevision: opened.baseRevision,
      origin: opened.origin,
      original: opened.original,
      snapshot: () => this.snapshot(),
      channel: host.channel ?? null,
      onStatus: (status) => {
        this.autosaveStatus = status;
        if (status.kind === 'saved') this.askForPersistence();
        this.changed();
      },
    });
    this.autosave.markClean();
  }

  /** Starts saving every change (and, at the first save, asks for persistent storage). */
  start(): void {
    // Most changes are cells' states while a plan runs: only the text and the inputs are saved.
    let saved = this.runtime.contentRevision;
    this.disposers.push(
      this.runtime.subscribe(() => {
        if (this.runtime.contentRevision === saved) return;
        saved = this.runtime.contentRevision;
        this.autosave.changed();
      }),
    );
    if (typeof window !== 'undefined') {
      const flush = () => {
        flushEditors();
        this.autosave.flush();
      };
      const hidden = () => document.visibilityState === 'hidden' && flush();
      window.addEventListener('pagehide', flush);
      document.addEventListener('visibilitychange', hidden);
      this.disposers.push(() => {
        window.removeEventListener('pagehide', flush);
        document.removeEventListener('visibilitychange', hidden);
      });
    }
  }

  /**
   * Once there is work to keep: asks the browser not to evict it, and if it will not, says
   * so once per browser (Chromium decides silently and often says no to a new site, so
   * repeating it on every visit would only be noise).
   */
  private askForPersistence(): void {
    if (this.persistenceAsked) return;
    this.persistenceAsked = true;
    void requestPersistentStorage().then((granted) => {
      if (granted || this.host.storage?.getItem(PERSIST_TOLD_KEY)) return;
      try {
        this.host.storage?.setItem(PERSIST_TOLD_KEY, '1');
      } catch {
        // Storage full: the autosave notice already says so.
      }
      this.persistMessage = NOT_PERSISTENT_MESSAGE;
      this.changed();
    });
  }

  dispose(): void {
    for (const dispose of this.disposers) dispose();
    this.disposers = [];
    this.autosave.dispose();
  }

  get title(): string {
    return notebookTitle(this.runtime.notebook);
  }

  text(): string {
    return serializeNotebook(this.runtime.notebook);
  }

  inputs(): [string, ParamValue][] {
    return [...this.runtime.inputValues()];
  }

  snapshot(): Snapshot {
    return {
      text: this.text(),
      inputs: this.inputs(),
      title: this.title,
      trusted: this.trusted,
      network: this.networkAllowed,
    };
  }

  /** Remote URLs the notebook would read (only while network access is off). */
  blockedUrls(): string[] {
    return this.networkAllowed ? [] : this.runtime.remoteUrls();
  }

  /**
   * File names or globs bronze cells read that no added file matches and no `urls:` line
   * can fetch (those come over the network, once it is allowed).
   */
  missingFiles(): string[] {
    const files = [...this.runtime.files(), ...this.runtime.dataUrls().map((u) => u.name)];
    // The banner asks on every draw (a slicer change draws several times): answer again
    // only when the notebook's analysis or the files changed.
    const known = this.missing;
    if (known && known.analysis === this.runtime.analysis && known.files === files.join('\n')) return known.names;
    const patterns = [...this.runtime.analysis.values()].flatMap((a) => a.files);
    const names = [...new Set(patterns.filter((p) => !files.some((f) => matchesFilePattern(f, p))))];
    this.missing = { analysis: this.runtime.analysis, files: files.join('\n'), names };
    return names;
  }

  /** The person chose to run it: remembered for this content, then everything runs. */
  async trustAndRun(): Promise<void> {
    this.trusted = true;
    await this.trust.trust(this.text());
    this.autosave.changed();
    this.changed();
    await this.runtime.runAll();
  }

  /** Lets the notebook read remote URLs (this content, remembered), and re-runs what was refused. */
  async allowNetwork(): Promise<void> {
    this.networkAllowed = true;
    this.enableNetwork();
    await this.trust.allowNetwork(this.text());
    this.autosave.changed();
    this.changed();
    if (this.trusted) {
      // Refused by the runtime (blocked, naming the URL) or by the engine worker's guard.
      const refused = this.runtime.notebook.cells
        .map((c) => c.id)
        .filter((id) => {
          const { status, message } = this.runtime.state(id);
          return (
            status === 'blocked' || (status === 'error' && (message ?? '').includes(NETWORK_OFF))
          );
        });
      for (const id of refused) await this.runtime.runCell(id);
    }
  }

  /** Forgets the changes kept in this browser and opens the original again. */
  revert(): void {
    this.autosave.dispose();
    if (this.opened.origin === 'gallery' || this.opened.origin === 'link') {
      this.store.remove(this.autosave.id);
    } else {
      const current = this.store.get(this.autosave.id);
      this.store.save(
        { ...(current ?? this.recordBase()), text: this.opened.original, inputs: [] },
        current?.revision ?? 0,
      );
    }
    this.host.reload();
  }

  dismissRestored(): void {
    this.restoredAt = null;
    this.changed();
  }

  dismissPersist(): void {
    this.persistMessage = null;
    this.changed();
  }

  /** After another tab saved: load its version. */
  reloadForConflict(): void {
    this.autosave.dispose();
    this.host.reload();
  }

  /** After another tab saved: keep this tab's version as a new local notebook. */
  keepAsCopy(): void {
    flushEditors();
    const id = this.autosave.keepAsCopy();
    if (id) this.host.replaceUrl(addressOf.local(id));
    this.changed();
  }

  /** A link holding the notebook and its inputs. A trusted notebook's shared content is trusted here too. */
  async share(): Promise<{ url: string; length: number; tooLong: boolean }> {
    const text = this.text();
    if (this.trusted) await this.trust.trust(text);
    return shareUrl(this.host.href(), { text, inputs: this.inputs() });
  }

  /** Saves the notebook as a `.md` file; the person wrote what they save, so its content is trusted. */
  async saveFile(): Promise<'saved' | 'downloaded' | 'cancelled'> {
    const text = this.text();
    const result = await saveNotebookFile(text, this.title);
    if (result !== 'cancelled' && this.trusted) await this.trust.trust(text);
    return result;
  }

  /** Opens a notebook file as a new local notebook (untrusted unless its content was trusted). */
  async openFile(): Promise<boolean> {
    const file = await openNotebookFile();
    if (!file) return false;
    const id = await importNotebookText(this.store, this.trust, file.text);
    this.host.navigate(addressOf.local(id));
    return true;
  }

  /** Downloads every table of a layer as Parquet files in one zip. */
  async exportLayer(schema = 'gold'): Promise<string[]> {
    const { blob, files } = await layerZip(this.runtime.engine, schema);
    downloadBlob(blob, `${schema}-layer.zip`);
    return files;
  }

  private enableNetwork(): void {
    this.runtime.allowNetwork();
    this.host.worker?.postMessage(networkMessage(true));
  }

  private recordBase() {
    const s = this.snapshot();
    return {
      id: this.autosave.id,
      title: s.title,
      text: s.text,
      inputs: s.inputs,
      origin: this.opened.origin,
      original: this.opened.original,
      trusted: s.trusted,
      network: s.network,
    };
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

/**
 * Asks editors to hand over keystrokes still in their debounce (they listen for this on
 * window), so a closing tab or a copy includes the last thing typed.
 */
export const FLUSH_EDITS_EVENT = 'mn-flush-edits';

function flushEditors(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(FLUSH_EDITS_EVENT));
}

/** Keeps an opened file's text as a new local notebook; returns its id. */
export async function importNotebookText(
  store: NotebookStore,
  trust: TrustStore,
  text: string,
): Promise<string> {
  const id = localNotebookId();
  const trusted = await trust.isTrusted(text);
  const result = store.save(
    {
      id,
      title: titleOf(text),
      text,
      inputs: [],
      origin: 'file',
      original: text,
      trusted,
      network: false,
    },
    0,
  );
  if (!result.ok)
    throw new Error(
      result.reason === 'full' ? result.message : 'Could not keep the notebook in this browser.',
    );
  return id;
}

/** The browser's BroadcastChannel for autosave, where it exists. */
export function autosaveChannel(): ChannelLike | null {
  return typeof BroadcastChannel === 'undefined'
    ? null
    : (new BroadcastChannel(CHANNEL_NAME) as unknown as ChannelLike);
}

const BLANK = `---
title: Untitled notebook
---

<!-- cell: intro -->
# Untitled notebook

Add data files (drop them on the page), then build tables with SQL cells: bronze → silver → gold.
`;

/** A new, empty notebook kept in this browser (the person writes it, so it is trusted); returns its id. */
export function createBlankNotebook(store: NotebookStore): string {
  const id = localNotebookId();
  const result = store.save(
    {
      id,
      title: 'Untitled notebook',
      text: BLANK,
      inputs: [],
      origin: 'local',
      original: BLANK,
      trusted: true,
      network: false,
    },
    0,
  );
  if (!result.ok)
    throw new Error(
      result.reason === 'full' ? result.message : 'Could not keep the notebook in this browser.',
    );
  return id;
}
