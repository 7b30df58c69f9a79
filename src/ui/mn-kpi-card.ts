/**
 * A KPI card: label, the value formatted from exact decimal text, and its change against
 * the previous period when one is selected. Named by its label (contract, "The page"), so
 * `getByRole('group', { name: 'Total revenue' })` finds it and its text holds the value.
 * While the cell re-runs the card keeps its last value: numbers do not blink to "—".
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { KpiResult, CellStatus } from '../runtime/cell-state.ts';
import type { ValueFormat } from '../dashboard/kpi-spec.ts';
import { formatChange, formatKpiValue } from '../dashboard/kpi-format.ts';
import { isDateRange } from '../analysis/params.ts';
import { previousPeriod } from '../runtime/kpi-cards.ts';
import { boardContext, EMPTY_BOARD, type Board } from './board-context.ts';
import { resetStyles, skeletonStyles } from './styles/shared.ts';

@customElement('mn-kpi-card')
export class MnKpiCard extends LitElement {
  static override styles = [
    resetStyles,
    skeletonStyles,
    css`
      :host {
        display: block;
        min-width: 0;
        container-type: inline-size;
      }
      .card {
        position: relative;
        display: grid;
        gap: 4px;
        align-content: start;
        height: 100%;
        min-height: 96px;
        padding: 14px 16px 12px;
        background: var(--mn-surface);
        border: 1px solid var(--mn-border);
        border-radius: var(--mn-radius);
        box-shadow: var(--mn-shadow);
      }
      .label {
        font-size: 12.5px;
        font-weight: 550;
        line-height: 1.3;
        color: var(--mn-text-muted);
        letter-spacing: 0.01em;
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      .value {
        /* Exact values are long ($2,031,266.99): the size follows the card's width. */
        font-size: clamp(15px, 10cqi, 28px);
        line-height: 1.15;
        font-weight: 650;
        letter-spacing: -0.01em;
        font-variant-numeric: tabular-nums;
        color: var(--mn-text);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .change {
        display: flex;
        align-items: center;
        gap: 6px;
        min-height: 20px;
        font-size: 12.5px;
        color: var(--mn-text-faint);
        font-variant-numeric: tabular-nums;
      }
      .delta {
        display: inline-flex;
        align-items: center;
        gap: 3px;
        padding: 1px 7px;
        border-radius: 999px;
        font-weight: 600;
      }
      .delta.up {
        color: var(--mn-ok);
        background: var(--mn-ok-bg);
      }
      .delta.down {
        color: var(--mn-error);
        background: var(--mn-error-bg);
      }
      .error {
        color: var(--mn-error);
      }
      .hint {
        font-size: 12px;
        color: var(--mn-text-faint);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .skeleton {
        display: block;
        width: 70%;
        height: 28px;
        margin: 2px 0;
        border-radius: 6px;
      }
      .busy {
        position: absolute;
        top: 12px;
        right: 12px;
        width: 6px;
        height: 6px;
        border-radius: 50%;
        background: var(--mn-run);
        opacity: 0;
      }
      /* Shown only when the card takes a while: a quick slicer change does not flicker. */
      .card[aria-busy='true'] .busy {
        opacity: 0.7;
        transition: opacity 0.2s ease 0.3s;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      @container (max-width: 200px) {
        .card {
          min-height: 0;
          padding: 10px 12px;
        }
        /* Six cards on a phone: the hint once per card is noise; the deltas still show. */
        .hint {
          display: none;
        }
      }
    `,
  ];

  @property() label = '';
  @property() format: ValueFormat = 'number';
  @property({ attribute: false }) kpi: KpiResult | undefined = undefined;
  @property() status: CellStatus = 'idle';
  @property() message: string | null = null;
  /** The parameter that selects the period (`compare:` in the spec), e.g. `year`. */
  @property() compare: string | null = null;

  @consume({ context: boardContext, subscribe: true })
  @property({ attribute: false })
  board: Board = EMPTY_BOARD;

  override render() {
    const { kpi, status } = this;
    const busy = status === 'queued' || status === 'running';
    const failed = status === 'error' || status === 'blocked';
    const change = kpi && !failed ? formatChange(kpi.value, kpi.previous) : null;
    const up = change?.startsWith('+') ?? false;
    const against = this.compareLabel();
    return html`<div
      class="card"
      role="group"
      aria-label=${this.label}
      aria-busy=${busy ? 'true' : 'false'}
    >
      <span class="busy" aria-hidden="true"></span>
      <div class="label" title=${this.label}>${this.label}</div>
      ${
        failed
          ? html`<div class="value" aria-hidden="true">—</div>`
          : kpi
            ? html`<div class="value">${formatKpiValue(kpi.value, this.format)}</div>`
            : html`<div class="value">
                <span class="skeleton"></span><span class="visually-hidden">Loading</span>
              </div>`
      }
      <div class="change">
        ${
          failed
            ? html`<span class="error" title=${this.message ?? ''}
                >${status === 'blocked' ? 'Not run' : 'Could not compute'}</span
              >`
            : change
              ? html`<span class="delta ${up ? 'up' : 'down'}"
                    ><span aria-hidden="true">${up ? '▲' : '▼'}</span>${change}</span
                  >${against ? html`<span>${against}</span>` : nothing}`
              : this.compareHint()
        }
      </div>
    </div>`;
  }

  /** With no period chosen there is nothing to compare with: say how to get a comparison. */
  private compareHint() {
    if (!this.compare || !this.kpi) return nothing;
    const input = this.board.inputs.get(this.compare);
    if (!input || this.compareLabel() !== null) return nothing;
    return html`<span class="hint">Pick a ${input.label.toLowerCase()} to compare</span>`;
  }

  /** "vs 2016" when 2017 is selected; "vs previous period" for a date range. */
  private compareLabel(): string | null {
    if (!this.compare) return null;
    const previous = previousPeriod(this.board.params, this.compare);
    if (previous === null) return null;
    return typeof previous === 'object' && !Array.isArray(previous) && isDateRange(previous)
      ? 'vs previous period'
      : `vs ${String(previous)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-kpi-card': MnKpiCard;
  }
}
