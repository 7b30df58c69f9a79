/**
 * The Share dialog: the link (the whole notebook and its input values in the fragment,
 * never sent to a server) with a Copy button. Past the safe length it says the link may
 * be cut off and offers the notebook as a file instead.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { SAFE_URL_LENGTH } from '../share/share-link.ts';
import { resetStyles, buttonStyles, dialogStyles } from './styles/shared.ts';

export interface ShareResult {
  readonly url: string;
  readonly length: number;
  readonly tooLong: boolean;
}

@customElement('mn-share-dialog')
export class MnShareDialog extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    dialogStyles,
    css`
      dialog {
        width: min(640px, calc(100vw - 32px));
        padding: 20px 22px;
      }
      h2 {
        margin-bottom: 6px;
      }
      p {
        margin: 0 0 12px;
        color: var(--mn-text-muted);
      }
      textarea {
        width: 100%;
        height: 88px;
        resize: vertical;
        font: 12px/1.4 var(--mn-mono);
        padding: 8px;
        border: 1px solid var(--mn-border-strong);
        border-radius: var(--mn-radius-sm);
        word-break: break-all;
      }
      .warn {
        color: var(--mn-warn);
        background: var(--mn-warn-bg);
        border-radius: var(--mn-radius-sm);
        padding: 8px 10px;
      }
      .row {
        display: flex;
        gap: 8px;
        justify-content: flex-end;
        align-items: center;
        margin-top: 12px;
        flex-wrap: wrap;
      }
      .copied {
        color: var(--mn-ok);
        font-size: 13px;
        margin-right: auto;
      }
    `,
  ];

  @property({ attribute: false }) result: ShareResult | null = null;
  @state() private copied = false;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('textarea') private field?: HTMLTextAreaElement;

  async show(result: ShareResult): Promise<void> {
    this.result = result;
    this.copied = false;
    await this.updateComplete;
    this.dialog?.showModal();
    this.field?.select();
  }

  close(): void {
    this.dialog?.close();
  }

  override render() {
    const r = this.result;
    return html`<dialog aria-labelledby="share-title">
      <h2 id="share-title">Share this notebook</h2>
      ${
        r
          ? html`<p>
                The link holds the whole notebook and its filter values. It stays in the address
                after the
                <code>#</code>, which browsers never send to a server. Data files are not in it:
                whoever opens it uses the bundled sample or adds their own files.
              </p>
              ${
                r.tooLong
                  ? html`<p class="warn" role="alert">
                      This link is ${r.length.toLocaleString('en-US')} characters long, more than
                      the ${SAFE_URL_LENGTH.toLocaleString('en-US')} that browsers and chat apps
                      reliably keep. Send the notebook as a file instead.
                    </p>`
                  : nothing
              }
              <textarea readonly aria-label="Share link" .value=${r.url}></textarea>
              <div class="row">
                ${this.copied ? html`<span class="copied" role="status">Link copied</span>` : nothing}
                ${r.tooLong ? html`<button class="btn" @click=${this._onSaveFile}>Save as file</button>` : nothing}
                <button class="btn ${r.tooLong ? '' : 'primary'}" @click=${this._onCopy}>
                  Copy link
                </button>
                <button class="btn" @click=${() => this.close()}>Close</button>
              </div>`
          : nothing
      }
    </dialog>`;
  }

  private async _onCopy(): Promise<void> {
    if (!this.result) return;
    try {
      await navigator.clipboard.writeText(this.result.url);
      this.copied = true;
    } catch {
      // No clipboard permission: the link is selected for Ctrl+C.
      this.field?.select();
    }
  }

  private _onSaveFile(): void {
    this.dispatchEvent(new CustomEvent('mn-save-file', { bubbles: true, composed: true }));
    this.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-share-dialog': MnShareDialog;
  }
}
