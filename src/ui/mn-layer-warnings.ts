/**
 * The medallion layer rules a cell breaks, as advice rather than an error: the cell still
 * runs. Each warning reads as what happened ("gold.x reads bronze.customers directly.")
 * and why the rule exists, so the notebook teaches the pattern instead of enforcing it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { resetStyles } from './styles/shared.ts';

@customElement('mn-layer-warnings')
export class MnLayerWarnings extends LitElement {
  static override styles = [
    resetStyles,
    css`
      :host {
        display: block;
      }
      ul {
        display: grid;
        gap: 6px;
        margin: 0;
        padding: 10px 14px;
        list-style: none;
        background: #fffbf2;
        border-top: 1px solid #f3e3c2;
        font-size: 13px;
        line-height: 1.5;
        color: var(--mn-text);
      }
      li {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 4px 10px;
        align-items: start;
      }
      .tag {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        height: 20px;
        padding: 0 8px;
        border-radius: 999px;
        background: #fdebc8;
        color: var(--mn-warn);
        font: 600 11px/1 var(--mn-font);
        white-space: nowrap;
      }
      .tag svg {
        width: 12px;
        height: 12px;
      }
      .what {
        font-weight: 600;
      }
      .why {
        color: var(--mn-text-muted);
      }
    `,
  ];

  @property({ attribute: false }) warnings: readonly string[] = [];
  /** The cell's name, for the list's accessible name. */
  @property() cellName = '';

  override render() {
    if (this.warnings.length === 0) return nothing;
    return html`<ul aria-label="Layer rules ${this.cellName} breaks">
      ${this.warnings.map((warning) => {
        const { what, why } = splitWarning(warning);
        return html`<li role="note">
          <span class="tag"
            ><svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" aria-hidden="true">
              <path d="M12 3 2 20h20z" /><path d="M12 10v4M12 17h.01" /></svg
            >Layer rule</span
          >
          <span><span class="what">${what}</span>${why ? html` <span class="why">${why}</span>` : nothing}</span>
        </li>`;
      })}
    </ul>`;
  }
}

/** "gold.x reads bronze.y directly. Gold should…" → what happened, and why the rule exists. */
export function splitWarning(warning: string): { what: string; why: string } {
  const match = /^(.*?[.)]\.?)\s+([A-Z].*)$/s.exec(warning);
  if (!match) return { what: warning, why: '' };
  return { what: match[1]!, why: match[2]! };
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-layer-warnings': MnLayerWarnings;
  }
}
