/**
 * The top bar: product and notebook name, engine status, the file input labelled
 * "Add data files", the "Run all" button and the keyboard hint. It owns no state; it
 * reports what the person asked for as events.
 */
import './mn-notebook-menu.ts';
import type { NotebookSession } from '../share/session.ts';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { resetStyles, buttonStyles } from './styles/shared.ts';
import { icons } from './icons.ts';
import { IS_MAC } from './platform-keys.ts';

/** The ways to look at one notebook; switching re-runs nothing. */
export type ViewMode = 'notebook' | 'dashboard' | 'lineage';

const VIEW_LABELS: Record<ViewMode, string> = {
  notebook: 'Notebook',
  dashboard: 'Dashboard',
  lineage: 'Lineage',
};

export interface EngineStatus {
  readonly state: 'starting' | 'ready' | 'failed';
  readonly label: string;
}

@customElement('mn-top-bar')
export class MnTopBar extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    css`
      :host {
        display: block;
        position: sticky;
        top: 0;
        z-index: 20;
        background: rgb(255 255 255 / 0.92);
        backdrop-filter: saturate(1.4) blur(8px);
        border-bottom: 1px solid var(--mn-border);
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 14px;
        padding: 10px 20px;
        min-height: 56px;
        flex-wrap: wrap;
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 8px;
        font-weight: 650;
        font-size: 15px;
        white-space: nowrap;
      }
      .logo {
        width: 22px;
        height: 22px;
        border-radius: 50%;
        background: conic-gradient(from 200deg, #c98a4b, #e8c547, #b8bec7, #c98a4b);
        box-shadow: inset 0 0 0 3px rgb(255 255 255 / 0.65);
      }
      .slash {
        color: var(--mn-border-strong);
        font-size: 18px;
      }
      h1 {
        margin: 0;
        font-size: 15px;
        font-weight: 500;
        color: var(--mn-text-muted);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        min-width: 0;
      }
      .engine {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        height: 24px;
        padding: 0 10px;
        border-radius: 999px;
        font-size: 12px;
        background: var(--mn-silver-bg);
        color: var(--mn-text-muted);
        white-space: nowrap;
      }
      .engine::before {
        content: '';
        width: 7px;
        height: 7px;
        border-radius: 50%;
        background: var(--mn-text-faint);
      }
      .engine.starting::before {
        /* A blink, not a fade: see STEPPED in styles/shared.ts. */
        animation: pulse 1s steps(2, jump-none) infinite alternate;
      }
      .engine.ready {
        background: var(--mn-ok-bg);
        color: var(--mn-ok);
      }
      .engine.ready::before {
        background: var(--mn-ok);
      }
      .engine.failed {
        background: var(--mn-error-bg);
        color: var(--mn-error);
      }
      .engine.failed::before {
        background: var(--mn-error);
      }
      @keyframes pulse {
        to {
          opacity: 0.25;
        }
      }
      .spacer {
        flex: 1;
      }
      .progress {
        font-size: 12.5px;
        color: var(--mn-run);
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .hint {
        font-size: 12px;
        color: var(--mn-text-faint);
        white-space: nowrap;
      }
      kbd {
        font: 11px/1 var(--mn-font);
        padding: 2px 5px;
        border: 1px solid var(--mn-border-strong);
        border-bottom-width: 2px;
        border-radius: 4px;
        background: var(--mn-surface);
        color: var(--mn-text-muted);
      }
      /* The label looks like a button; the real input lies over it, transparent, so a
         click anywhere on it opens the picker and the input stays a visible control. */
      .file {
        position: relative;
      }
      .file input {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        opacity: 0;
        cursor: pointer;
      }
      .file input::file-selector-button {
        cursor: pointer;
      }
      .file:focus-within .btn {
        box-shadow: var(--mn-focus);
      }
      .views {
        display: inline-flex;
        padding: 2px;
        border-radius: 8px;
        background: var(--mn-silver-bg);
      }
      .views button {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        height: 28px;
        padding: 0 12px;
        border: none;
        border-radius: 6px;
        background: none;
        color: var(--mn-text-muted);
        font: 500 13px/1 var(--mn-font);
        cursor: pointer;
      }
      .views button:hover {
        color: var(--mn-text);
      }
      .views button[aria-pressed='true'] {
        background: var(--mn-surface);
        color: var(--mn-text);
        box-shadow: 0 1px 2px rgb(16 24 40 / 0.12);
      }
      .views button:focus-visible {
        outline: none;
        box-shadow: var(--mn-focus);
      }
      .views svg {
        width: 15px;
        height: 15px;
      }
      .icon-only {
        padding: 0 9px;
      }
      /* The shortcuts also show in the buttons' tooltips: below a wide screen the hint
         gives way, so the actions keep one row. */
      @media (max-width: 1500px) {
        .hint {
          display: none;
        }
      }
      @media (max-width: 1400px) {
        .present-label {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
          white-space: nowrap;
        }
        .present {
          padding: 0 9px;
        }
      }
      /* Narrower: the engine shows as its coloured dot (the words stay for screen readers
         and as a tooltip), so the actions keep one row on a laptop. */
      @media (max-width: 1440px) {
        .progress-words {
          display: none;
        }
        .engine {
          padding: 0 8px;
        }
        /* While a run shows its Cancel button, the product name gives way to its logo. */
        :host([running]) .brand-name,
        .engine-label {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
          white-space: nowrap;
        }
      }
      @media (max-width: 640px) {
        .bar {
          padding: 8px 12px;
          gap: 8px;
        }
        .slash,
        h1 {
          display: none;
        }
        /* Phone: one row of brand and actions, the view switch full width below it; the
           bar scrolls away so the dashboard gets the screen. */
        :host {
          position: static;
        }
        .brand {
          font-size: 13.5px;
          gap: 6px;
        }
        .bar {
          gap: 6px;
        }
        .engine {
          padding: 0 8px;
        }
        .engine-label,
        .file-label,
        .present-label {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
          white-space: nowrap;
        }
        .file .btn {
          padding: 0 9px;
        }
        /* A phone has no keyboard to list shortcuts for; the row keeps its room. */
        .icon-only {
          display: none;
        }
        .views {
          order: 10;
          width: 100%;
        }
        .views button {
          flex: 1;
          justify-content: center;
        }
      }
    `,
  ];

  @property() notebookTitle = '';
  @property({ attribute: false }) engine: EngineStatus = {
    state: 'starting',
    label: 'Engine starting…',
  };
  /** Cells left in the current run (queued or running), 0 when idle. */
  @property({ type: Number }) pending = 0;
  /** Share, save, open and export (trust, autosave and files live in the session). */
  @property({ attribute: false }) session?: NotebookSession;
  @property() view: ViewMode = 'notebook';

  protected override updated(): void {
    this.toggleAttribute('running', this.pending > 0);
  }

  override render() {
    const mod = IS_MAC ? '⌘' : 'Ctrl';
    return html`<div class="bar">
      <div class="brand" title="Medallion Notebook"><span class="logo" aria-hidden="true"></span><span class="brand-name">Medallion Notebook</span></div>
      <span class="slash" aria-hidden="true">/</span>
      <h1>${this.notebookTitle}</h1>
      <span class="engine ${this.engine.state}" role="status" title=${this.engine.label}
        ><span class="engine-label">${this.engine.label}</span></span
      >
      <div class="views" role="group" aria-label="View" title="Switch view (${mod}+Shift+D)">
        ${(['notebook', 'dashboard', 'lineage'] as const).map(
          (view) =>
            html`<button
              aria-pressed=${this.view === view ? 'true' : 'false'}
              @click=${() => this._onView(view)}
            >
              ${icons[view]}<span>${VIEW_LABELS[view]}</span>
            </button>`,
        )}
      </div>
      <span class="spacer"></span>
      ${this.pending > 0 ? html`<span class="progress" role="status" title="${this.pending} cell${this.pending === 1 ? "" : "s"} left to run">Running… ${this.pending}<span class="progress-words"> cell${this.pending === 1 ? '' : 's'} left</span></span>
            <button class="btn" @click=${this._onCancel} title="Stop the running query; tables made so far stay">Cancel</button>` : nothing}
      <span class="hint"
        ><kbd>⇧</kbd> <kbd>Enter</kbd> run cell · <kbd>${mod}</kbd> <kbd>⇧</kbd>
        <kbd>Enter</kbd> run all</span
      >
      ${this.session ? html`<mn-notebook-menu .session=${this.session}></mn-notebook-menu>` : nothing}
      <span class="file">
        <label class="btn" for="files"
          >${icons.upload}<span class="file-label">Add data files</span></label
        >
        <input id="files" type="file" multiple accept=".csv,.tsv,.txt,.parquet" @change=${this._onFiles} />
      </span>
      <button
        class="btn icon-only"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        @click=${this._onShortcuts}
      >
        ${icons.keyboard}
      </button>
      <button
        class="btn present"
        @click=${this._onPresent}
        title="Present the notebook one cell at a time, code hidden (Esc to leave)"
      >
        ${icons.present}<span class="present-label">Present</span>
      </button>
      <button class="btn primary" @click=${this._onRunAll} title="Run all (${mod}+Shift+Enter)">
        ${icons.playAll}Run all
      </button>
    </div>`;
  }

  private _onShortcuts(): void {
    this.dispatchEvent(new CustomEvent('mn-show-shortcuts', { bubbles: true, composed: true }));
  }

  private _onFiles(event: Event): void {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Cleared so choosing the same file again (after fixing it on disk) fires again.
    input.value = '';
    if (files.length > 0)
      this.dispatchEvent(
        new CustomEvent('mn-add-files', { detail: { files }, bubbles: true, composed: true }),
      );
  }

  private _onView(view: ViewMode): void {
    if (view === this.view) return;
    this.dispatchEvent(
      new CustomEvent('mn-view', { detail: { view }, bubbles: true, composed: true }),
    );
  }

  private _onPresent(): void {
    this.dispatchEvent(new CustomEvent('mn-present', { bubbles: true, composed: true }));
  }

  private _onCancel(): void {
    this.dispatchEvent(new CustomEvent('mn-cancel', { bubbles: true, composed: true }));
  }

  private _onRunAll(): void {
    this.dispatchEvent(new CustomEvent('mn-run-all', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-top-bar': MnTopBar;
  }
}
