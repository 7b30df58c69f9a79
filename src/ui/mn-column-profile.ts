/**
 * Column profiles of a table or result, one card per column: type, how many nulls, how
 * many distinct values, the range, the most frequent values and a small histogram. The
 * numbers are computed in SQL in the worker (runtime.profile); this only draws them.
 */
import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ColumnProfile, RelationProfile } from '../engine/api.ts';
import type { CellResult } from '../runtime/cell-state.ts';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { runtimeContext } from './runtime-context.ts';
import { resetStyles } from './styles/shared.ts';
import { formatCount, formatSeconds } from './format.ts';

const HIST_WIDTH = 200;
const HIST_HEIGHT = 46;

@customElement('mn-column-profile')
export class MnColumnProfile extends LitElement {
  static override styles = [
    resetStyles,
    css`
      :host {
        display: block;
        font-size: 12.5px;
      }
      .head {
        display: flex;
        align-items: baseline;
        gap: 10px;
        margin: 0 0 8px;
        color: var(--mn-text-muted);
        font-variant-numeric: tabular-nums;
      }
      .head strong {
        color: var(--mn-text);
        font-size: 13px;
      }
      .error {
        color: var(--mn-error);
      }
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(232px, 1fr));
        gap: 10px;
      }
      .card {
        display: grid;
        align-content: start;
        gap: 8px;
        padding: 10px 12px;
        border: 1px solid var(--mn-border);
        border-radius: var(--mn-radius-sm);
        background: var(--mn-surface);
        min-width: 0;
      }
      .title {
        display: flex;
        align-items: baseline;
        gap: 8px;
        min-width: 0;
      }
      .name {
        flex: 1;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        font: 600 12.5px/1.3 var(--mn-mono);
      }
      .type {
        font: 11px/1.3 var(--mn-mono);
        color: var(--mn-text-faint);
        white-space: nowrap;
      }
      .stats {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 2px 10px;
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      dt {
        color: var(--mn-text-muted);
      }
      dd {
        margin: 0;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .nullbar {
        display: inline-block;
        width: 48px;
        height: 6px;
        margin-left: 6px;
        border-radius: 3px;
        background: #eef0f3;
        vertical-align: middle;
        overflow: hidden;
      }
      .nullbar span {
        display: block;
        height: 100%;
        background: var(--mn-warn);
      }
      .has-nulls {
        color: var(--mn-warn);
        font-weight: 600;
      }
      svg.hist {
        display: block;
        width: 100%;
        height: ${HIST_HEIGHT}px;
      }
      .hist rect {
        fill: #9db0e8;
      }
      .hist rect:hover {
        fill: var(--mn-accent);
      }
      .axis {
        display: flex;
        justify-content: space-between;
        gap: 8px;
        margin-top: 2px;
        color: var(--mn-text-faint);
        font: 10.5px/1.2 var(--mn-mono);
      }
      .top {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 64px auto;
        align-items: center;
        gap: 2px 8px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .top li {
        display: contents;
      }
      .top .value {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        font: 11.5px/1.5 var(--mn-mono);
      }
      .top .bar {
        height: 6px;
        border-radius: 3px;
        background: #eef0f3;
        overflow: hidden;
      }
      .top .bar span {
        display: block;
        height: 100%;
        background: #9db0e8;
      }
      .top .count {
        text-align: right;
        color: var(--mn-text-muted);
        font-variant-numeric: tabular-nums;
      }
      .note {
        margin: 0;
        color: var(--mn-text-faint);
        font-size: 11.5px;
      }
    `,
  ];

  /** The result to profile: its `relation` is what the engine scans. */
  @property({ attribute: false }) result: CellResult | null = null;
  /** Accessible name, e.g. "Profile of gold.customer_360". */
  @property() label = 'Profile';

  @consume({ context: runtimeContext })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  @state() private profile: RelationProfile | null = null;
  @state() private error: string | null = null;
  private request = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('result') || changed.has('runtime')) void this.load();
  }

  override render() {
    const profile = this.profile;
    return html`<section aria-label=${this.label}>
      ${
        this.error
          ? html`<p class="error" role="alert">Could not profile this result: ${this.error}</p>`
          : !profile
            ? html`<p class="head" role="status">Profiling columns…</p>`
            : html`<p class="head">
                  <strong>Column profiles</strong>
                  <span
                    >${formatCount(profile.rows)} rows · ${profile.columns.length}
                    ${profile.columns.length === 1 ? 'column' : 'columns'} · computed in
                    ${formatSeconds(profile.elapsedMs)}</span
                  >
                </p>
                <div class="cards">${profile.columns.map((c) => this.renderColumn(c))}</div>`
      }
    </section>`;
  }

  private renderColumn(column: ColumnProfile) {
    const share = column.nullShare;
    return html`<div class="card" role="group" aria-label="Column ${column.name}" data-column=${column.name}>
      <div class="title">
        <span class="name" title=${column.name}>${column.name}</span>
        <span class="type">${column.type}</span>
      </div>
      <dl class="stats">
        <dt>Nulls</dt>
        <dd>
          <span class=${column.nulls > 0 ? 'has-nulls' : ''}
            >${formatShare(share)}${column.nulls > 0 ? ` (${formatCount(column.nulls)})` : ''}</span
          ><span class="nullbar" aria-hidden="true"><span style="width:${Math.min(100, share * 100)}%"></span></span>
        </dd>
        ${
          // Lists, structs and maps are only counted: no distinct count to show.
          column.kind === 'other'
            ? nothing
            : html`<dt>Distinct</dt>
                <dd>
                  ${column.distinctApproximate ? '≈ ' : ''}${formatCount(column.distinct)}${
                    column.rows > 0 && column.distinct === column.rows - column.nulls && column.distinct > 1
                      ? html` <span class="type">all different</span>`
                      : nothing
                  }
                </dd>`
        }
        ${
          column.min !== null
            ? html`<dt>Range</dt>
                <dd title="${column.min} … ${column.max}">${column.min} … ${column.max}</dd>`
            : nothing
        }
      </dl>
      ${column.histogram && column.histogram.length > 0 ? this.renderHistogram(column) : nothing}
      ${this.renderTop(column)}
    </div>`;
  }

  private renderHistogram(column: ColumnProfile) {
    const bins = column.histogram!;
    const most = Math.max(1, ...bins.map((b) => b.count));
    const width = HIST_WIDTH / bins.length;
    const summary = bins.map((b) => `${b.label}: ${formatCount(b.count)}`).join('; ');
    return html`<div>
      <svg
        class="hist"
        viewBox="0 0 ${HIST_WIDTH} ${HIST_HEIGHT}"
        preserveAspectRatio="none"
        role="img"
        aria-label="Histogram of ${column.name}: ${summary}"
      >
        ${bins.map((b, i) => {
          const h = b.count === 0 ? 0 : Math.max(1.5, (HIST_HEIGHT - 2) * (b.count / most));
          return svg`<rect x=${i * width + 0.6} y=${HIST_HEIGHT - h} width=${Math.max(1, width - 1.2)} height=${h} rx="1"><title>${b.label}: ${formatCount(b.count)}</title></rect>`;
        })}
      </svg>
      <div class="axis" aria-hidden="true">
        <span>${lowerBound(bins[0]!.label)}</span><span>${upperBound(bins[bins.length - 1]!.label)}</span>
      </div>
    </div>`;
  }

  private renderTop(column: ColumnProfile) {
    // Every value once (a key): listing five of them says nothing.
    if (column.top.length === 0 || column.top.every((t) => t.count === 1)) {
      return column.kind === 'other' || column.histogram
        ? nothing
        : html`<p class="note">No value repeats often enough to list.</p>`;
    }
    // Numbers and dates already have a histogram: three top values are enough there.
    const top = column.histogram ? column.top.slice(0, 3) : column.top;
    const denominator = Math.max(1, column.rows - column.nulls);
    return html`<ul class="top" aria-label="Most frequent values of ${column.name}">
      ${top.map(
        (t) =>
          html`<li>
            <span class="value" title=${t.value}>${t.value === '' ? '(empty)' : t.value}</span>
            <span class="bar" aria-hidden="true"
              ><span style="width:${(100 * t.count) / denominator}%"></span
            ></span>
            <span class="count">${formatCount(t.count)}</span>
          </li>`,
      )}
    </ul>`;
  }

  private async load(): Promise<void> {
    const relation = this.result?.relation;
    const runtime = this.runtime;
    const request = ++this.request;
    this.error = null;
    if (!relation || !runtime) {
      this.profile = null;
      if (this.result && !relation) this.error = 'this result is not kept by the engine.';
      return;
    }
    try {
      const profile = await runtime.profile(relation);
      if (request === this.request) this.profile = profile;
    } catch (error) {
      if (request === this.request) this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

/** 0 → "0%", 0.0072 → "0.7%", 0.25 → "25%". */
function formatShare(share: number): string {
  if (share === 0) return '0%';
  const percent = share * 100;
  if (percent < 0.1) return '<0.1%';
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;
}

/** "11000 – 11181" → "11000". */
function lowerBound(label: string): string {
  return label.split(' – ')[0] ?? label;
}

function upperBound(label: string): string {
  const parts = label.split(' – ');
  return parts[parts.length - 1] ?? label;
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-column-profile': MnColumnProfile;
  }
}
