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
import { resetStyles, buttonStyles, menuStyles } from './styles/shared.ts';
import { IS_MAC } from './platform-keys.ts';
import { MenuButton } from './menu-button.ts';
import type { MnShareDialog } from './mn-share-dialog.ts';
import './mn-share-dialog.ts';

@customElement('mn-notebook-menu')
export class MnNotebookMenu extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    menuStyles,
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
    `,
  ];

  @property({ attribute: false }) session?: NotebookSession;
  @state() private note: { text: string; error: boolean } | null = null;
  private readonly menu = new MenuButton(this);
  @query('mn-share-dialog') private dialog?: MnShareDialog;
  private readonly onChange = () => this.requestUpdate();
  private watched?: NotebookSession;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onShortcut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onShortcut);
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
      <span class="file-menu" @keydown=${this.menu.onKey}>
        <button
          class="btn"
          aria-haspopup="menu"
          aria-expanded=${this.menu.open ? 'true' : 'false'}
          @click=${this.menu.toggle}
        >
          File
          <svg viewBox="0 0 12 12" aria-hidden="true"><path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" stroke-width="1.5" /></svg>
        </button>
        ${this.menu.open ? this.renderMenu() : nothing}
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

  private choose(action: () => Promise<void>): void {
    this.menu.close();
    void action();
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
