/**
 * The filters in force as chips ("Country: France", "Geography: Europe › France"), each
 * with × to clear it, and "Clear all". Shown above the dashboard, and above the notebook
 * while a filter is on, so nobody reads a filtered number as the total.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import type { ParamValue } from '../analysis/params.ts';
import type { FilterChip } from './active-filters.ts';
import { runtimeContext } from './runtime-context.ts';
import { resetStyles, buttonStyles } from './styles/shared.ts';
import { icons } from './icons.ts';

@customElement('mn-filter-bar')
export class MnFilterBar extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px;
        min-height: 30px;
        font-size: 13px;
      }
      .title {
        display: inline-flex;
        align-items: center;
        gap: 5px;
        margin-right: 2px;
        color: var(--mn-text-muted);
        font-weight: 600;
        font-size: 12px;
      }
      .title svg {
        width: 14px;
        height: 14px;
      }
      ul {
        display: contents;
        list-style: none;
      }
      li {
        display: inline-flex;
        align-items: center;
        gap: 2px;
        height: 28px;
        padding: 0 2px 0 10px;
        border: 1px solid #c5d0f5;
        border-radius: 999px;
        background: var(--mn-accent-soft);
        color: #233a8f;
        max-width: 100%;
      }
      li .text {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      li b {
        font-weight: 600;
      }
      li button {
        display: inline-grid;
        place-items: center;
        width: 22px;
        height: 22px;
        padding: 0;
        border: none;
        border-radius: 50%;
        background: none;
        color: inherit;
        cursor: pointer;
      }
      li button:hover {
        background: rgb(59 91 219 / 0.14);
      }
      li button:focus-visible,
      .clear:focus-visible {
        outline: none;
        box-shadow: var(--mn-focus);
      }
      li button svg {
        width: 13px;
        height: 13px;
      }
      .clear {
        height: 28px;
        padding: 0 8px;
        border: none;
        border-radius: var(--mn-radius-sm);
        background: none;
        color: var(--mn-accent);
        font: 500 13px var(--mn-font);
        cursor: pointer;
      }
      .clear:hover {
        text-decoration: underline;
      }
      .none {
        color: var(--mn-text-faint);
        font-size: 12.5px;
      }
    `,
  ];

  @property({ attribute: false }) chips: readonly FilterChip[] = [];
  /** Every parameter's default, which "Clear all" restores. */
  @property({ attribute: false }) defaults: ReadonlyMap<string, ParamValue> = new Map();
  /** Say "No filters" when there are none (the dashboard), instead of showing nothing. */
  @property({ type: Boolean }) showEmpty = false;

  @consume({ context: runtimeContext, subscribe: true })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  override render() {
    const chips = this.chips;
    if (chips.length === 0 && !this.showEmpty) return nothing;
    return html`<div class="bar" role="group" aria-label="Active filters">
      <span class="title">${icons.filter}Filters</span>
      ${
        chips.length === 0
          ? html`<span class="none">None: showing everything</span>`
          : html`<ul>
              ${chips.map(
                (chip) =>
                  html`<li>
                    <span class="text" title="${chip.label}: ${chip.text}"
                      ><b>${chip.label}:</b> ${chip.text}</span
                    >
                    <button
                      aria-label="Clear ${chip.label} filter"
                      title="Clear"
                      @click=${() => this.clear([[chip.param, chip.reset]])}
                    >
                      ${icons.close}
                    </button>
                  </li>`,
              )}
            </ul>`
      }
      ${chips.length > 0 ? html`<button class="clear" @click=${() => this.clear([...this.defaults])}>Clear all</button>` : nothing}
    </div>`;
  }

  private clear(values: [string, ParamValue][]): void {
    this.runtime?.setInputs(values).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(
        new CustomEvent('mn-error', { detail: { message }, bubbles: true, composed: true }),
      );
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-filter-bar': MnFilterBar;
  }
}
