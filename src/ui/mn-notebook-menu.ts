/**
 * The notebook's file actions: Share (a link) as a button, and a File menu with Notebooks
 * (the start page with the gallery and the notebooks kept in this browser), Open and Save
 * (`.md` files) and Export gold (a zip of Parquet files); the autosave state in words.
 * Ctrl/Cmd+S saves and Ctrl/Cmd+O opens, as in any editor. It acts through the session.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { NotebookSession } from '../share/session.ts';
import { addressOf } from '../share/open-request.ts';
import { resetStyles, buttonStyles } from './styles/shared.ts';
import { IS_MAC } from './platform-keys.ts';
import type { MnShareDialog } from './mn-share-dialog.ts';
import './mn-share-dialog.ts';

@customElement('mn-notebook-menu')
export class MnNotebookMenu extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 8px;
        flex-wrap: wrap;
      }
      .saved {
        font-size: 12px;
        color: var(--mn-text-faint);
        white-space: nowrap;
      }
      .saved.problem {
        color: var(--mn-error);
      }
      /* On a laptop the bar keeps one row: "Saved …" moves into the File menu; a problem
         (storage full, changed in another tab) stays in view. */
      @media (max-width: 1500px) {
        .saved.ok {
          display: none;
        }
      }
      .menu-status {
        padding: 6px 10px 8px;
        font-size: 12px;
        color: var(--mn-text-muted);
      }
      .note {
        font-size: 12.5px;
        color: var(--mn-text-muted);
      }
      .note.error {
        color: var(--mn-error);
      }
      .file-menu {
        position: relative;
      }
      .file-menu .btn svg {
        width: 12px;
        height: 12px;
      }
      [role='menu'] {
        position: absolute;
        right: 0;
        top: calc(100% + 6px);
        z-index: 30;
        min-width: 220px;
        display: grid;
        padding: 6px;
        border: 1px solid var(--mn-border-strong);
        border-radius: var(--mn-radius-sm);
        background: var(--mn-surface);
        box-shadow: 0 8px 24px rgb(16 24 40 / 0.16);
      }
      [role='menuitem'] {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 16px;
        height: 34px;
        padding: 0 10px;
        border: none;
        border-radius: 6px;
        background: none;
        color: var(--mn-text);
        font: 500 13px/1 var(--mn-font);
        text-align: left;
        text-decoration: none;
        cursor: pointer;
      }
      [role='menuitem']:hover,
      [role='menuitem']:focus-visible {
        outline: none;
        background: var(--mn-surface-muted);
      }
      [role='menuitem'] kbd {
        color: var(--mn-text-faint);
        font: 12px/1 var(--mn-font);
      }
      [role='separator'] {
        height: 1px;
        margin: 4px 2px;
        background: var(--mn-border);
      }
    `,
  ];

  @property({ attribute: false }) session?: NotebookSession;
  @state() private note: { text: string; error: boolean } | null = null;
  @state() private menuOpen = false;
  @query('mn-share-dialog') private dialog?: MnShareDialog;
  private readonly onChange = () => this.requestUpdate();
  private watched?: NotebookSession;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onShortcut);
    window.addEventListener('pointerdown', this.onOutside);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onShortcut);
    window.removeEventListener('pointerdown', this.onOutside);
    this.watched?.removeEventListener('change', this.onChange);
    this.watched = undefined;
  }

  private readonly onShortcut = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
    if (event.code === 'KeyS') {
      event.preventDefault(); // not the browser's "save page"
      void this._onSave();
    } else if (event.code === 'KeyO') {
      event.preventDefault();
      void this._onOpen();
    }
  };

  private readonly onOutside = (event: PointerEvent): void => {
    if (this.menuOpen && !event.composedPath().includes(this)) this.menuOpen = false;
  };

  protected override willUpdate(): void {
    if (this.session !== this.watched) {
      this.watched?.removeEventListener('change', this.onChange);
      this.watched = this.session;
      this.watched?.addEventListener('change', this.onChange);
    }
  }

  override render() {
    const saved = this.savedText();
    const status = this.session?.autosaveStatus;
    const problem = status?.kind === 'full' || status?.kind === 'conflict';
    return html`
      <span class="saved ${problem ? 'problem' : 'ok'}" role="status">${saved}</span>
      ${this.note ? html`<span class="note ${this.note.error ? 'error' : ''}" role="status">${this.note.text}</span>` : nothing}
      <span class="file-menu" @keydown=${this._onMenuKey}>
        <button
          class="btn"
          aria-haspopup="menu"
          aria-expanded=${this.menuOpen ? 'true' : 'false'}
          @click=${this._onToggleMenu}
        >
          File
          <svg viewBox="0 0 12 12" aria-hidden="true"><path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" stroke-width="1.5" /></svg>
        </button>
        ${this.menuOpen ? this.renderMenu() : nothing}
      </span>
      <button class="btn" @click=${this._onShare}>Share</button>
      <mn-share-dialog @mn-save-file=${this._onSave}></mn-share-dialog>
    `;
  }

  /** The autosave state in words. */
  private savedText(): string {
    const status = this.session?.autosaveStatus;
    return status?.kind === 'saved'
      ? `Saved in this browser ${new Date(status.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`
      : status?.kind === 'pending'
        ? 'Saving…'
        : status?.kind === 'full'
          ? 'Not saved: storage full'
          : status?.kind === 'conflict'
            ? 'Not saved: changed in another tab'
            : '';
  }

  private renderMenu() {
    const mod = IS_MAC ? '⌘' : 'Ctrl+';
    const item = (label: string, action: () => Promise<void>, keys?: string, title?: string) =>
      html`<button role="menuitem" title=${title ?? nothing} @click=${() => this.choose(action)}>
        <span>${label}</span>${keys ? html`<kbd>${keys}</kbd>` : nothing}
      </button>`;
    const saved = this.savedText();
    return html`<div role="menu" aria-label="File">
      ${saved ? html`<div class="menu-status">${saved}</div>` : nothing}
      <a role="menuitem" href=${addressOf.start()}>Notebooks<kbd>in this browser</kbd></a>
      <div role="separator"></div>
      ${item('Open…', () => this._onOpen(), `${mod}O`)}
      ${item('Save', () => this._onSave(), `${mod}S`, 'Save the notebook as a .md file')}
      <div role="separator"></div>
      ${item('Export gold', () => this._onExport(), undefined, 'Every gold table as a Parquet file, in one zip')}
    </div>`;
  }

  private async _onToggleMenu(): Promise<void> {
    this.menuOpen = !this.menuOpen;
    if (!this.menuOpen) return;
    await this.updateComplete;
    this.menuItems()[0]?.focus();
  }

  private choose(action: () => Promise<void>): void {
    this.closeMenu();
    void action();
  }

  private closeMenu(): void {
    this.menuOpen = false;
    this.renderRoot.querySelector<HTMLElement>('[aria-haspopup]')?.focus();
  }

  private menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  /** Arrow keys move between the items, Escape closes the menu (WAI-ARIA menu button). */
  private _onMenuKey(event: KeyboardEvent): void {
    if (!this.menuOpen) return;
    const items = this.menuItems();
    const at = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      this.closeMenu();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Tab') {
      this.menuOpen = false;
    }
  }

  private async _onShare(): Promise<void> {
    await this.act(async () => {
      const result = await this.session!.share();
      await this.dialog?.show(result);
      return null;
    });
  }

  private async _onSave(): Promise<void> {
    await this.act(async () => {
      const result = await this.session!.saveFile();
      return result === 'cancelled' ? null : result === 'saved' ? 'Saved.' : 'Downloaded.';
    });
  }

  private async _onOpen(): Promise<void> {
    await this.act(async () => {
      await this.session!.openFile();
      return null;
    });
  }

  private async _onExport(): Promise<void> {
    await this.act(async () => {
      const files = await this.session!.exportLayer('gold');
      return `Exported ${files.length} gold table${files.length === 1 ? '' : 's'}.`;
    });
  }

  private async act(action: () => Promise<string | null>): Promise<void> {
    if (!this.session) return;
    this.note = null;
    try {
      const text = await action();
      if (text) this.note = { text, error: false };
    } catch (error) {
      this.note = { text: error instanceof Error ? error.message : String(error), error: true };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-notebook-menu': MnNotebookMenu;
  }
}
