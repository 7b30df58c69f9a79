/**
 * The notebook's file actions: Share (a link), Save and Open (`.md` files), Export gold
 * (a zip of Parquet files), Notebooks (the start page with the gallery and the notebooks
 * kept in this browser), and the autosave state in words. It acts through the session.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { NotebookSession } from '../share/session.ts';
import { addressOf } from '../share/open-request.ts';
import { resetStyles, buttonStyles } from './styles/shared.ts';
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
      .note {
        font-size: 12.5px;
        color: var(--mn-text-muted);
      }
      .note.error {
        color: var(--mn-error);
      }
      a.btn {
        text-decoration: none;
      }
    `,
  ];

  @property({ attribute: false }) session?: NotebookSession;
  @state() private note: { text: string; error: boolean } | null = null;
  @query('mn-share-dialog') private dialog?: MnShareDialog;
  private readonly onChange = () => this.requestUpdate();
  private watched?: NotebookSession;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watched?.removeEventListener('change', this.onChange);
    this.watched = undefined;
  }

  protected override willUpdate(): void {
    if (this.session !== this.watched) {
      this.watched?.removeEventListener('change', this.onChange);
      this.watched = this.session;
      this.watched?.addEventListener('change', this.onChange);
    }
  }

  override render() {
    const status = this.session?.autosaveStatus;
    const saved =
      status?.kind === 'saved'
        ? `Saved in this browser ${new Date(status.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`
        : status?.kind === 'pending'
          ? 'Saving…'
          : status?.kind === 'full'
            ? 'Not saved: storage full'
            : status?.kind === 'conflict'
              ? 'Not saved: changed in another tab'
              : '';
    return html`
      <span
        class="saved ${status?.kind === 'full' || status?.kind === 'conflict' ? 'problem' : ''}"
        role="status"
        >${saved}</span
      >
      ${this.note ? html`<span class="note ${this.note.error ? 'error' : ''}" role="status">${this.note.text}</span>` : nothing}
      <a class="btn" href=${addressOf.start()}>Notebooks</a>
      <button class="btn" @click=${this._onOpen}>Open…</button>
      <button class="btn" @click=${this._onSave}>Save</button>
      <button
        class="btn"
        @click=${this._onExport}
        title="Every gold table as a Parquet file, in one zip"
      >
        Export gold
      </button>
      <button class="btn" @click=${this._onShare}>Share</button>
      <mn-share-dialog @mn-save-file=${this._onSave}></mn-share-dialog>
    `;
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
