/**
 * The notebooks kept in this browser (autosaves of gallery notebooks and links, opened
 * files, copies), most recent first, each with Open, Rename, Duplicate and Delete. A
 * change is announced to other tabs, so one that has the notebook open is told.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { NotebookStore, StoredNotebook } from '../share/notebook-store.ts';
import { announceChange, type ChannelLike } from '../share/autosave.ts';
import { addressOf } from '../share/open-request.ts';
import { resetStyles, buttonStyles } from './styles/shared.ts';

const ORIGIN_LABEL: Record<StoredNotebook['origin'], string> = {
  gallery: 'Gallery notebook, edited',
  link: 'Opened from a link',
  file: 'Opened from a file',
  local: 'Made here',
};

@customElement('mn-notebook-list')
export class MnNotebookList extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      li {
        display: flex;
        align-items: center;
        gap: 10px;
        flex-wrap: wrap;
        padding: 10px 14px;
        border: 1px solid var(--mn-border);
        border-radius: var(--mn-radius);
        background: var(--mn-surface);
      }
      .what {
        flex: 1 1 240px;
        min-width: 0;
      }
      a.title {
        font-weight: 600;
        color: var(--mn-text);
        text-decoration: none;
        overflow-wrap: anywhere;
      }
      a.title:hover {
        text-decoration: underline;
      }
      .meta {
        font-size: 12.5px;
        color: var(--mn-text-muted);
      }
      .actions {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
      }
      input {
        font: 14px var(--mn-font);
        padding: 5px 8px;
        border: 1px solid var(--mn-border-strong);
        border-radius: var(--mn-radius-sm);
        width: min(320px, 100%);
      }
      .empty,
      .error {
        color: var(--mn-text-muted);
        font-size: 14px;
      }
      .error {
        color: var(--mn-error);
      }
      .btn.danger {
        color: var(--mn-error);
      }
    `,
  ];

  @property({ attribute: false }) store?: NotebookStore;
  @property({ attribute: false }) channel: ChannelLike | null = null;
  @state() private records: StoredNotebook[] = [];
  @state() private renaming: string | null = null;
  @state() private confirming: string | null = null;
  @state() private error: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.refresh();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('store')) this.refresh();
  }

  refresh(): void {
    this.records = this.store?.list() ?? [];
  }

  override render() {
    if (this.records.length === 0) {
      return html`<p class="empty">
        No notebooks in this browser yet. Edit one from the gallery, or open a file, and it is kept
        here.
      </p>`;
    }
    return html`${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <ul aria-label="Notebooks in this browser">
        ${repeat(
          this.records,
          (r) => r.id,
          (r) =>
            html`<li>
              <div class="what">
                ${
                  this.renaming === r.id
                    ? html`<input
                        aria-label="New name for ${r.title}"
                        .value=${r.title}
                        @keydown=${(e: KeyboardEvent) => this._onRenameKey(e, r)}
                      />`
                    : html`<a class="title" href=${addressOf.local(r.id)}>${r.title}</a>`
                }
                <div class="meta">
                  ${ORIGIN_LABEL[r.origin]} · saved ${new Date(r.savedAt).toLocaleString()}
                </div>
              </div>
              <div class="actions">
                ${
                  this.confirming === r.id
                    ? html`<span class="meta">Delete “${r.title}” from this browser?</span>
                        <button class="btn danger" @click=${() => this.deleteRecord(r)}>
                          Delete
                        </button>
                        <button class="btn" @click=${() => (this.confirming = null)}>Keep</button>`
                    : this.renaming === r.id
                      ? html`<button class="btn" @click=${(e: Event) => this.rename(r, inputIn(e))}>
                            Save name
                          </button>
                          <button class="btn" @click=${() => (this.renaming = null)}>
                            Cancel
                          </button>`
                      : html`<button
                            class="btn"
                            aria-label="Rename ${r.title}"
                            @click=${() => this.startRename(r)}
                          >
                            Rename
                          </button>
                          <button
                            class="btn"
                            aria-label="Duplicate ${r.title}"
                            @click=${() => this.duplicate(r)}
                          >
                            Duplicate
                          </button>
                          <button
                            class="btn danger"
                            aria-label="Delete ${r.title}"
                            @click=${() => (this.confirming = r.id)}
                          >
                            Delete
                          </button>`
                }
              </div>
            </li>`,
        )}
      </ul>`;
  }

  private async startRename(record: StoredNotebook): Promise<void> {
    this.renaming = record.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input')?.select();
  }

  private _onRenameKey(event: KeyboardEvent, record: StoredNotebook): void {
    if (event.key === 'Enter') this.rename(record, (event.currentTarget as HTMLInputElement).value);
    if (event.key === 'Escape') this.renaming = null;
  }

  private rename(record: StoredNotebook, title: string): void {
    const result = this.store?.rename(record.id, title);
    this.report(result, record.id);
    this.renaming = null;
    this.refresh();
  }

  private duplicate(record: StoredNotebook): void {
    this.report(this.store?.duplicate(record.id), null);
    this.refresh();
  }

  private deleteRecord(record: StoredNotebook): void {
    this.store?.remove(record.id);
    announceChange(this.channel, record.id, Number.MAX_SAFE_INTEGER, 'removed');
    this.confirming = null;
    this.refresh();
  }

  private report(
    result: ReturnType<NotebookStore['rename']> | undefined,
    announce: string | null,
  ): void {
    if (!result) return;
    if (result.ok) {
      this.error = null;
      if (announce) announceChange(this.channel, announce, result.record.revision);
    } else {
      this.error =
        result.reason === 'full'
          ? result.message
          : 'It changed in another tab meanwhile; try again.';
    }
  }
}

function inputIn(event: Event): string {
  const item = (event.currentTarget as HTMLElement).closest('li');
  return item?.querySelector('input')?.value ?? '';
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-notebook-list': MnNotebookList;
  }
}
