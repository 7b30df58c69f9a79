/**
 * Notices about the open notebook as a whole, above the cells: not trusted yet (nothing
 * has run), network access off (naming the URLs), data files missing (by name), changes
 * restored from this browser (with "Revert to the original"), another tab saved it,
 * storage full, persistent storage refused. All text is rendered as text.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { NotebookSession } from '../share/session.ts';
import { resetStyles, buttonStyles } from './styles/shared.ts';

const ORIGIN_WORDS: Record<string, string> = {
  link: 'from a link',
  file: 'from a file',
  local: 'from this browser',
  gallery: 'from the gallery',
};

@customElement('mn-session-banner')
export class MnSessionBanner extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    css`
      :host {
        display: grid;
        gap: 10px;
      }
      :host([hidden]),
      .empty {
        display: none;
      }
      .notice {
        display: flex;
        align-items: flex-start;
        gap: 14px;
        flex-wrap: wrap;
        padding: 12px 16px;
        border-radius: var(--mn-radius);
        border: 1px solid var(--mn-border);
        background: var(--mn-surface);
        font-size: 13.5px;
        line-height: 1.5;
      }
      .notice.warn {
        border-color: var(--mn-gold-border);
        background: var(--mn-warn-bg);
      }
      .notice.error {
        border-color: var(--mn-error-border);
        background: var(--mn-error-bg);
        color: var(--mn-error);
      }
      .text {
        flex: 1 1 360px;
        min-width: 0;
      }
      h2 {
        margin: 0 0 2px;
        font-size: 14px;
      }
      p {
        margin: 0;
      }
      code {
        font-family: var(--mn-mono);
        font-size: 12.5px;
        overflow-wrap: anywhere;
      }
      .actions {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
        align-items: center;
      }
    `,
  ];

  @property({ attribute: false }) session?: NotebookSession;
  @state() private busy = false;
  private count = 0;
  private readonly onChange = () => this.requestUpdate();
  /**
   * The runtime changes dozens of times in a run (each cell's status); the notices depend
   * only on the notebook's text and inputs, its files and the network switch.
   */
  private readonly onRuntimeChange = () => {
    const runtime = this.watched?.runtime;
    if (!runtime) return;
    const seen = [runtime.contentRevision, runtime.files(), runtime.networkAllowed];
    if (seen.some((value, i) => value !== this.runtimeSeen[i])) {
      this.runtimeSeen = seen;
      this.requestUpdate();
    }
  };
  private runtimeSeen: unknown[] = [];
  private unsubscribeRuntime?: () => void;
  private watched?: NotebookSession;

  override connectedCallback(): void {
    super.connectedCallback();
    this.watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch(true);
  }

  protected override willUpdate(): void {
    if (this.session !== this.watched) this.watch();
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const blocked = s.blockedUrls();
    const missing = s.missingFiles();
    const status = s.autosaveStatus;
    const notices = [
      !s.trusted
        ? html`<section class="notice warn" aria-label="Untrusted notebook">
            <div class="text">
              <h2>Nothing in this notebook has run</h2>
              <p>
                It was opened ${ORIGIN_WORDS[s.opened.origin] ?? 'from elsewhere'}, and you did not
                write it. Its SQL runs on your data only when you choose: read it through first.
              </p>
            </div>
            <div class="actions">
              <button class="btn primary" ?disabled=${this.busy} @click=${this._onTrust}>
                Trust and run
              </button>
            </div>
          </section>`
        : null,
      blocked.length > 0
        ? html`<section class="notice warn" aria-label="Network access">
            <div class="text">
              <h2>Network access is off</h2>
              <p>
                This notebook reads from the network:
                ${blocked.map((url, i) => html`${i > 0 ? ', ' : ''}<code>${url}</code>`)}. Cells
                that do stay unrun until you allow it. Allow it only if you trust where it points.
              </p>
            </div>
            <div class="actions">
              <button class="btn" ?disabled=${this.busy} @click=${this._onAllowNetwork}>
                Allow network access
              </button>
            </div>
          </section>`
        : null,
      missing.length > 0 && s.runtime.notebook.meta['data'] !== 'sample'
        ? html`<section class="notice" aria-label="Data files needed">
            <div class="text">
              <h2>Add this notebook's data</h2>
              <p>
                It reads ${missing.map((f, i) => html`${i > 0 ? ', ' : ''}<code>${f}</code>`)}. Drop
                the files on the page or use "Add data files"; nothing is uploaded.
              </p>
            </div>
          </section>`
        : null,
      s.restoredAt !== null
        ? html`<section class="notice" aria-label="Restored changes">
            <div class="text">
              <p>Restored your changes saved in this browser at ${formatTime(s.restoredAt)}.</p>
            </div>
            <div class="actions">
              <button class="btn" @click=${() => s.revert()}>Revert to the original</button>
              <button class="btn" @click=${() => s.dismissRestored()}>Keep my changes</button>
            </div>
          </section>`
        : null,
      status.kind === 'conflict'
        ? html`<section class="notice error" role="alert" aria-label="Changed in another tab">
            <div class="text"><p>${status.message}</p></div>
            <div class="actions">
              <button class="btn" @click=${() => s.reloadForConflict()}>Reload</button>
              <button class="btn" @click=${() => s.keepAsCopy()}>Keep mine as a copy</button>
            </div>
          </section>`
        : null,
      status.kind === 'full'
        ? html`<section class="notice error" role="alert" aria-label="Storage full">
            <div class="text"><p>${status.message}</p></div>
            <div class="actions">
              <button class="btn" @click=${() => void s.saveFile()}>Save as file</button>
            </div>
          </section>`
        : null,
      s.persistMessage
        ? html`<section class="notice" aria-label="Browser storage">
            <div class="text"><p>${s.persistMessage}</p></div>
            <div class="actions">
              <button class="btn" @click=${() => s.dismissPersist()}>Dismiss</button>
            </div>
          </section>`
        : null,
    ].filter((n) => n !== null);
    this.count = notices.length;
    return notices;
  }

  protected override updated(): void {
    this.toggleAttribute('hidden', this.count === 0);
  }

  private watch(stop = false): void {
    this.watched?.removeEventListener('change', this.onChange);
    this.unsubscribeRuntime?.();
    this.unsubscribeRuntime = undefined;
    this.watched = stop ? undefined : this.session;
    if (!this.watched || !this.isConnected) return;
    this.watched.addEventListener('change', this.onChange);
    this.runtimeSeen = [];
    this.unsubscribeRuntime = this.watched.runtime.subscribe(this.onRuntimeChange);
  }

  private async _onTrust(): Promise<void> {
    this.busy = true;
    try {
      await this.session?.trustAndRun();
    } finally {
      this.busy = false;
    }
  }

  private async _onAllowNetwork(): Promise<void> {
    this.busy = true;
    try {
      await this.session?.allowNetwork();
    } finally {
      this.busy = false;
    }
  }
}

function formatTime(ms: number): string {
  const date = new Date(ms);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-session-banner': MnSessionBanner;
  }
}
