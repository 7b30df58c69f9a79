/**
 * The notebook at a glance: every code cell by name, layer and state, so a failure deep
 * in a 30-cell pipeline is one click away.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CellStatus } from '../runtime/cell-state.ts';
import type { Layer } from '../analysis/analyze-sql.ts';
import { resetStyles, statusStyles } from './styles/shared.ts';

export interface OutlineEntry {
  readonly id: string;
  readonly name: string;
  readonly layer: Layer | null;
  readonly status: CellStatus;
}

@customElement('mn-outline')
export class MnOutline extends LitElement {
  static override styles = [
    resetStyles,
    statusStyles,
    css`
      :host {
        display: block;
        font-size: 13px;
      }
      h2 {
        margin: 0 0 8px;
        font-size: 12px;
        font-weight: 600;
        letter-spacing: 0.05em;
        text-transform: uppercase;
        color: var(--mn-text-muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      button {
        display: flex;
        align-items: center;
        gap: 8px;
        width: 100%;
        padding: 4px 8px;
        border: none;
        border-radius: var(--mn-radius-sm);
        background: none;
        color: var(--mn-text);
        font: 12.5px/1.4 var(--mn-mono);
        text-align: left;
        cursor: pointer;
      }
      button:hover {
        background: var(--mn-surface);
      }
      button:focus-visible {
        outline: none;
        box-shadow: var(--mn-focus);
      }
      .layer {
        width: 4px;
        align-self: stretch;
        border-radius: 2px;
        background: var(--mn-border);
      }
      .layer.bronze {
        background: #d19a66;
      }
      .layer.silver {
        background: #aab2bd;
      }
      .layer.gold {
        background: #e0b92e;
      }
      .label {
        flex: 1;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .dot {
        width: 7px;
        height: 7px;
        border-radius: 50%;
        background: var(--status-fg);
        flex: none;
      }
      [data-status='idle'] .dot {
        background: var(--mn-border-strong);
      }
    `,
  ];

  @property({ attribute: false }) entries: readonly OutlineEntry[] = [];

  override render() {
    return html`<nav aria-label="Outline">
      <h2>Tables</h2>
      <ul>
        ${this.entries.map(
          (entry) =>
            html`<li data-status=${entry.status}>
              <button
                title="${entry.name}: ${entry.status}"
                @click=${() => this._onReveal(entry.id)}
              >
                <span class="layer ${entry.layer ?? ''}"></span>
                <span class="label">${entry.name}</span>
                <span class="dot" aria-hidden="true"></span>
              </button>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private _onReveal(id: string): void {
    this.dispatchEvent(
      new CustomEvent('mn-reveal-cell', { detail: { id }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-outline': MnOutline;
  }
}
