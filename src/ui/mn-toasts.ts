/**
 * Messages that are about the page rather than one cell: an engine failure, a file that
 * could not be read, "Cell deleted — Undo". Errors stay until dismissed; notes fade.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { resetStyles, buttonStyles } from './styles/shared.ts';
import { icons } from './icons.ts';

export interface Toast {
  readonly kind: 'error' | 'info';
  readonly message: string;
  readonly action?: { readonly label: string; readonly run: () => void };
}

const INFO_MS = 6000;

@customElement('mn-toasts')
export class MnToasts extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    css`
      :host {
        position: fixed;
        right: 20px;
        bottom: 20px;
        z-index: 50;
        display: grid;
        gap: 8px;
        width: min(420px, calc(100vw - 40px));
        pointer-events: none;
      }
      .toast {
        display: flex;
        align-items: flex-start;
        gap: 10px;
        padding: 10px 10px 10px 14px;
        border-radius: var(--mn-radius);
        background: #1f2430;
        color: #f3f4f6;
        box-shadow: var(--mn-shadow-raised);
        pointer-events: auto;
        font-size: 13px;
        animation: rise 0.18s ease-out;
      }
      .toast.error {
        background: var(--mn-surface);
        color: var(--mn-error);
        border: 1px solid var(--mn-error-border);
      }
      .message {
        flex: 1;
        padding-top: 4px;
        overflow-wrap: anywhere;
      }
      .toast .icon-btn {
        color: inherit;
      }
      .action {
        background: none;
        border: none;
        color: #a5b8ff;
        font: 600 13px/1 var(--mn-font);
        padding: 6px 4px;
        cursor: pointer;
      }
      @keyframes rise {
        from {
          transform: translateY(8px);
          opacity: 0;
        }
      }
    `,
  ];

  @state() private toasts: { id: number; toast: Toast }[] = [];
  private next = 1;

  show(toast: Toast): void {
    const id = this.next++;
    this.toasts = [...this.toasts, { id, toast }];
    if (toast.kind === 'info') setTimeout(() => this.dismiss(id), INFO_MS);
  }

  override render() {
    return html`${repeat(
      this.toasts,
      (t) => t.id,
      ({ id, toast }) =>
        html`<div class="toast ${toast.kind}" role=${toast.kind === 'error' ? 'alert' : 'status'}>
          <span class="message">${toast.message}</span>
          ${
            toast.action
              ? html`<button class="action" @click=${() => this._onAction(id, toast)}>
                  ${toast.action.label}
                </button>`
              : nothing
          }
          <button class="icon-btn" aria-label="Dismiss" @click=${() => this.dismiss(id)}>
            ${icons.close}
          </button>
        </div>`,
    )}`;
  }

  private _onAction(id: number, toast: Toast): void {
    toast.action?.run();
    this.dismiss(id);
  }

  private dismiss(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-toasts': MnToasts;
  }
}
