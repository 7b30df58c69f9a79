/**
 * A slicer: an input cell as a labelled form control (contract: `Gender`, `Country`…).
 * Select with "All", multi-select (a checklist in a drop-down), date range, checkbox.
 * It shows the runtime's value, which a chart click can change too, and sets it through
 * the runtime, which re-runs only the cells that use the parameter.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { consume } from '@lit/context';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { optionValue, type InputSpec } from '../dashboard/input-spec.ts';
import { isDateRange, type ParamValue } from '../analysis/params.ts';
import { runtimeContext } from './runtime-context.ts';
import { boardContext, EMPTY_BOARD, type Board } from './board-context.ts';
import { resetStyles } from './styles/shared.ts';

@customElement('mn-slicer')
export class MnSlicer extends LitElement {
  static override styles = [
    resetStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .slicer {
        display: grid;
        gap: 4px;
        min-width: 0;
        border: none;
        margin: 0;
        padding: 0;
      }
      .label {
        font-size: 12px;
        font-weight: 600;
        color: var(--mn-text-muted);
        letter-spacing: 0.02em;
      }
      select,
      input[type='date'],
      summary {
        width: 100%;
        height: 34px;
        padding: 0 10px;
        border: 1px solid var(--mn-border-strong);
        border-radius: var(--mn-radius-sm);
        background: var(--mn-surface);
        color: var(--mn-text);
        font: 14px/1 var(--mn-font);
      }
      select {
        appearance: none;
        padding-right: 30px;
        background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='12' height='12' viewBox='0 0 24 24' fill='none' stroke='%235d6672' stroke-width='2.5' stroke-linecap='round' stroke-linejoin='round'%3E%3Cpath d='m6 9 6 6 6-6'/%3E%3C/svg%3E");
        background-repeat: no-repeat;
        background-position: right 10px center;
        cursor: pointer;
        text-overflow: ellipsis;
      }
      select.set,
      details.set summary {
        border-color: var(--mn-accent);
        box-shadow: inset 0 0 0 1px var(--mn-accent);
        background-color: var(--mn-accent-soft);
      }
      select:focus-visible,
      input:focus-visible,
      summary:focus-visible {
        outline: none;
        box-shadow: var(--mn-focus);
      }
      .range {
        display: grid;
        grid-template-columns: 1fr auto 1fr;
        align-items: center;
        gap: 6px;
        color: var(--mn-text-faint);
      }
      .check {
        display: flex;
        align-items: center;
        gap: 8px;
        height: 34px;
        font-size: 14px;
        cursor: pointer;
      }
      .check input {
        width: 16px;
        height: 16px;
        accent-color: var(--mn-accent);
      }
      details {
        position: relative;
      }
      summary {
        display: flex;
        align-items: center;
        list-style: none;
        cursor: pointer;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      summary::-webkit-details-marker {
        display: none;
      }
      .menu {
        position: absolute;
        z-index: 30;
        top: calc(100% + 4px);
        left: 0;
        min-width: 100%;
        max-height: 280px;
        overflow: auto;
        padding: 6px;
        background: var(--mn-surface);
        border: 1px solid var(--mn-border);
        border-radius: var(--mn-radius-sm);
        box-shadow: var(--mn-shadow-raised);
      }
      .menu label {
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 5px 8px;
        border-radius: 4px;
        white-space: nowrap;
        cursor: pointer;
      }
      .menu label:hover {
        background: var(--mn-surface-muted);
      }
      .menu input {
        accent-color: var(--mn-accent);
      }
      .menu button {
        width: 100%;
        margin-top: 4px;
        padding: 6px 8px;
        border: none;
        border-top: 1px solid var(--mn-border);
        background: none;
        color: var(--mn-accent);
        font: 500 13px var(--mn-font);
        text-align: left;
        cursor: pointer;
      }
      .empty {
        padding: 6px 8px;
        color: var(--mn-text-muted);
      }
    `,
  ];

  @property({ attribute: false }) spec!: InputSpec;

  @consume({ context: runtimeContext, subscribe: true })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  /** The parameter's current value and the options, as the runtime has them. */
  @consume({ context: boardContext, subscribe: true })
  @property({ attribute: false })
  board: Board = EMPTY_BOARD;

  private get value(): ParamValue {
    return (this.spec.name && this.board.params.get(this.spec.name)) ?? null;
  }

  private get options(): readonly string[] {
    return (this.spec.name && this.board.options.get(this.spec.name)) || this.spec.options;
  }

  @query('select') private select?: HTMLSelectElement;

  override render() {
    switch (this.spec.control) {
      case 'multi-select':
        return this.renderMulti();
      case 'date-range':
        return this.renderRange();
      case 'checkbox':
        return html`<label class="check"
          ><input
            type="checkbox"
            .checked=${live(this.value === true)}
            @change=${(e: Event) => this.set((e.target as HTMLInputElement).checked)}
          />${this.spec.label}</label
        >`;
      default:
        return this.renderSelect();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // An <option>'s `selected` attribute stops steering the select once a person has
    // picked something; the property always does. A chart click can change the value.
    if (this.select && (changed.has('board') || changed.has('spec')))
      this.select.value = this.text();
  }

  private renderSelect() {
    const text = this.text();
    const options =
      this.options.includes(text) || text === '' ? this.options : [text, ...this.options];
    return html`<div class="slicer">
      <label class="label" for="control">${this.spec.label}</label>
      <select id="control" class=${text === '' ? '' : 'set'} @change=${this._onSelect}>
        <option value="" ?selected=${text === ''}>All</option>
        ${options.map((o) => html`<option value=${o} ?selected=${o === text}>${o}</option>`)}
      </select>
    </div>`;
  }

  private renderMulti() {
    const chosen = Array.isArray(this.value) ? this.value.map(String) : [];
    const summary =
      chosen.length === 0 ? 'All' : chosen.length === 1 ? chosen[0] : `${chosen.length} selected`;
    return html`<div class="slicer" role="group" aria-labelledby="label">
      <span class="label" id="label">${this.spec.label}</span>
      <details class=${chosen.length > 0 ? 'set' : ''} @focusout=${this._onMenuFocusOut}>
        <summary aria-label="${this.spec.label}: ${summary}">${summary}</summary>
        <div class="menu">
          ${
            this.options.length === 0
              ? html`<div class="empty">No options yet</div>`
              : this.options.map(
                  (o) =>
                    html`<label
                      ><input
                        type="checkbox"
                        .checked=${live(chosen.includes(o))}
                        @change=${(e: Event) => this.toggle(o, (e.target as HTMLInputElement).checked)}
                      />${o}</label
                    >`,
                )
          }
          ${chosen.length > 0 ? html`<button @click=${() => this.set([])}>Clear selection</button>` : nothing}
        </div>
      </details>
    </div>`;
  }

  private renderRange() {
    const range = this.value !== null && isDateRange(this.value) ? this.value : null;
    return html`<div class="slicer" role="group" aria-labelledby="label">
      <span class="label" id="label">${this.spec.label}</span>
      <div class="range">
        <input
          type="date"
          aria-label="${this.spec.label} from"
          .value=${live(range?.from ?? '')}
          @change=${this._onRange}
        />
        <span aria-hidden="true">–</span>
        <input
          type="date"
          aria-label="${this.spec.label} to"
          .value=${live(range?.to ?? '')}
          @change=${this._onRange}
        />
      </div>
    </div>`;
  }

  /** The value as the select's option text: '' for All. */
  private text(): string {
    const v = this.value;
    return v === null || typeof v === 'object' || typeof v === 'boolean' ? '' : String(v);
  }

  private _onSelect(event: Event): void {
    this.set(optionValue(this.spec, (event.target as HTMLSelectElement).value));
  }

  private _onRange(): void {
    const [from, to] = [
      ...this.renderRoot.querySelectorAll<HTMLInputElement>('input[type="date"]'),
    ].map((i) => i.value);
    if (from && to) this.set(from <= to ? { from, to } : { from: to, to: from });
    else if (!from && !to) this.set(null);
  }

  private toggle(option: string, on: boolean): void {
    const chosen = Array.isArray(this.value) ? this.value.map(String) : [];
    const next = on
      ? [...chosen.filter((c) => c !== option), option]
      : chosen.filter((c) => c !== option);
    // Keep the options' order, whatever order they were ticked in.
    this.set([
      ...this.options.filter((o) => next.includes(o)),
      ...next.filter((n) => !this.options.includes(n)),
    ]);
  }

  private _onMenuFocusOut(event: FocusEvent): void {
    const details = event.currentTarget as HTMLDetailsElement;
    if (!details.contains(event.relatedTarget as Node | null)) details.open = false;
  }

  private set(value: ParamValue): void {
    const name = this.spec.name;
    if (!name || !this.runtime) return;
    this.runtime.setInput(name, value).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(
        new CustomEvent('mn-error', { detail: { message }, bubbles: true, composed: true }),
      );
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-slicer': MnSlicer;
  }
}
