/**
 * A chart cell drawn: Observable Plot at the element's width, the notebook's colour map, a
 * legend whose entries filter, tooltips, click to cross-filter or drill down (with a
 * breadcrumb back up), a settings form, and Save as SVG / PNG. A new result replaces the
 * old chart in one step; until it arrives the old chart stays, so nothing blinks.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { consume } from '@lit/context';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { IDLE, type CellResult, type CellState } from '../runtime/cell-state.ts';
import type { ChartSpec } from '../charts/chart-spec.ts';
import { chartData, type ChartData } from '../charts/chart-rows.ts';
import { renderChart, type ColorLegend } from '../charts/render-chart.ts';
import type { ParamValue } from '../analysis/params.ts';
import { runtimeContext } from './runtime-context.ts';
import { boardContext, EMPTY_BOARD, type Board } from './board-context.ts';
import {
  chosenValues,
  clickChange,
  drillPath,
  legendChange,
  rowOf,
  type ParamChange,
} from './chart-interaction.ts';
import { chartSvg, downloadPng, downloadSvg } from './chart-export.ts';
import { humanize } from './active-filters.ts';
import { resetStyles, buttonStyles } from './styles/shared.ts';
import { icons } from './icons.ts';
import './mn-chart-form.ts';

const DEFAULT_HEIGHT = 280;

@customElement('mn-chart-view')
export class MnChartView extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    css`
      :host {
        position: relative;
        display: block;
        min-width: 0;
      }
      .top {
        display: flex;
        align-items: center;
        gap: 8px;
        min-height: 28px;
      }
      h3 {
        margin: 3px 0 0;
        font-size: 14.5px;
        font-weight: 650;
        line-height: 1.3;
        color: var(--mn-text);
      }
      .titles {
        display: grid;
        gap: 2px;
        min-width: 0;
        flex: 1;
      }
      .actions {
        display: flex;
        gap: 2px;
        margin-left: auto;
        flex: none;
        align-self: flex-start;
        transition: opacity 0.15s ease;
      }
      /* On the dashboard the tile's tools show on hover or focus, over the title's end, as
         in BI tools; the title keeps the whole width. */
      :host([heading]) .actions {
        position: absolute;
        top: 0;
        right: 0;
        padding-left: 8px;
        background: var(--mn-surface);
        opacity: 0;
      }
      :host([heading]:hover) .actions,
      :host([heading]) .actions:focus-within {
        opacity: 1;
      }
      @media (hover: none) {
        :host([heading]) .actions {
          opacity: 1;
        }
      }
      .save {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        height: 26px;
        padding: 0 7px;
        border: 1px solid var(--mn-border);
        border-radius: var(--mn-radius-sm);
        background: var(--mn-surface);
        color: var(--mn-text-muted);
        font: 600 11px/1 var(--mn-font);
        letter-spacing: 0.03em;
        cursor: pointer;
      }
      .save:hover:not(:disabled) {
        color: var(--mn-text);
        border-color: var(--mn-border-strong);
        background: var(--mn-surface-muted);
      }
      .save:focus-visible {
        outline: none;
        box-shadow: var(--mn-focus);
      }
      .save:disabled {
        opacity: 0.45;
        cursor: default;
      }
      .save svg {
        width: 13px;
        height: 13px;
      }
      .icon-btn[aria-pressed='true'] {
        background: var(--mn-accent-soft);
        color: var(--mn-accent);
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        font-size: 12.5px;
      }
      nav ol {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px;
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 12.5px;
      }
      nav li {
        display: inline-flex;
        align-items: center;
        gap: 2px;
        color: var(--mn-text);
        font-weight: 600;
      }
      nav li + li::before {
        content: '›';
        margin: 0 4px;
        color: var(--mn-text-faint);
        font-weight: 400;
      }
      nav button {
        padding: 1px 4px;
        border: none;
        border-radius: 4px;
        background: none;
        color: var(--mn-accent);
        font: inherit;
        font-weight: 500;
        cursor: pointer;
      }
      nav button:hover {
        background: var(--mn-accent-soft);
        text-decoration: underline;
      }
      nav .hint {
        margin-left: 8px;
        color: var(--mn-text-faint);
        font-weight: 400;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 4px;
        margin: 6px 0 2px;
        font-size: 12.5px;
      }
      .legend .name {
        margin-right: 4px;
        padding: 3px 0;
        color: var(--mn-text-muted);
      }
      .entry {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        padding: 3px 8px;
        border: 1px solid transparent;
        border-radius: 999px;
        background: none;
        color: var(--mn-text);
        font: inherit;
      }
      button.entry {
        cursor: pointer;
      }
      button.entry:hover {
        background: var(--mn-surface-muted);
        border-color: var(--mn-border);
      }
      button.entry:focus-visible,
      nav button:focus-visible {
        outline: none;
        box-shadow: var(--mn-focus);
      }
      .entry[aria-pressed='true'] {
        border-color: var(--mn-border-strong);
        background: var(--mn-surface-muted);
        font-weight: 600;
      }
      .legend.some .entry:not([aria-pressed='true']) {
        opacity: 0.45;
      }
      .swatch {
        width: 10px;
        height: 10px;
        border-radius: 3px;
        flex: none;
      }
      .plot {
        position: relative;
        margin-top: 6px;
        transition: opacity 0.2s ease;
      }
      /* Plot's own defaults, which it writes as an inline <style> the CSP refuses. */
      .plot svg {
        --plot-background: white;
        display: block;
        height: auto;
        max-width: 100%;
      }
      .plot svg text,
      .plot svg tspan {
        white-space: pre;
      }
      .plot figure > svg:not(:last-child) {
        overflow: visible;
      }
      .plot.clickable g[aria-label='bar'] rect,
      .plot.clickable g[aria-label='geo'] path[aria-label],
      .plot.clickable g[aria-label='dot'] circle {
        cursor: pointer;
      }
      /* Plot's legend for quantitative colours (the map) sits above it; keep it small. */
      .plot figure {
        margin: 0;
      }
      .plot figure > svg:first-child:not(:last-child) {
        margin-bottom: 4px;
      }
      .placeholder {
        display: grid;
        place-items: center;
        gap: 6px;
        border: 1px dashed var(--mn-border-strong);
        border-radius: var(--mn-radius-sm);
        color: var(--mn-text-muted);
        font-size: 13px;
        text-align: center;
        padding: 16px;
      }
      .skeleton {
        border: none;
        background: linear-gradient(90deg, #f1f3f5 25%, #f8f9fa 50%, #f1f3f5 75%);
        background-size: 200% 100%;
        animation: shimmer 1.2s linear infinite;
      }
      @keyframes shimmer {
        to {
          background-position: -200% 0;
        }
      }
      .error {
        margin: 6px 0 0;
        padding: 10px 12px;
        border: 1px solid var(--mn-error-border);
        border-radius: var(--mn-radius-sm);
        background: var(--mn-error-bg);
        color: var(--mn-error);
        font: 12.5px/1.5 var(--mn-mono);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      mn-chart-form {
        margin-top: 8px;
      }
      .keys:not(:focus-within) {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      .keys {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin-top: 6px;
      }
      .keys button {
        padding: 3px 9px;
        border: 1px solid var(--mn-border-strong);
        border-radius: 999px;
        background: var(--mn-surface);
        color: var(--mn-text);
        font: 12.5px var(--mn-font);
        cursor: pointer;
      }
      .keys button[aria-pressed='true'] {
        border-color: var(--mn-accent);
        background: var(--mn-accent-soft);
      }
      .keys button:focus-visible {
        outline: none;
        box-shadow: var(--mn-focus);
      }
      @media (prefers-reduced-motion: reduce) {
        .skeleton {
          animation: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) spec!: ChartSpec;
  /** The cell's YAML, which the settings form rewrites. */
  @property() source = '';
  @property() cellId = '';
  @property({ attribute: false }) state: CellState = IDLE;
  /** Show the title (the dashboard); the notebook's cell header already names the chart. */
  @property({ type: Boolean, reflect: true }) heading = false;
  /** Offer the settings form (the notebook view). */
  @property({ type: Boolean }) editable = false;

  @consume({ context: runtimeContext, subscribe: true })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  @consume({ context: boardContext, subscribe: true })
  @property({ attribute: false })
  board: Board = EMPTY_BOARD;

  @state() private width = 0;
  @state() private editing = false;

  private data: ChartData | null = null;
  private dataOf: CellResult | null = null;
  private chart: Element | null = null;
  private legend: ColorLegend | null = null;
  private drawError: string | null = null;
  private drawnKey: unknown[] = [];
  private drawnHeight = DEFAULT_HEIGHT;
  private readonly resize = new ResizeObserver((entries) => {
    const width = Math.floor(entries[0]?.contentRect.width ?? 0);
    if (width > 0 && Math.abs(width - this.width) >= 1) this.width = width;
  });
  /**
   * A figure (legend + plot) only knows its height once it is laid out; the observer is
   * told after layout, where reading it in `updated()` would force a layout of the whole
   * page on every update. The height holds the chart's place while it redraws.
   */
  private readonly figureSize = new ResizeObserver((entries) => {
    const height = entries[0]?.borderBoxSize[0]?.blockSize ?? 0;
    if (height > 0) this.drawnHeight = height;
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
    if (this.chart) this.figureSize.observe(this.chart);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.figureSize.disconnect();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const result = this.state.result;
    if (result !== this.dataOf) {
      this.dataOf = result;
      this.data = result ? chartData(result.preview) : null;
    }
    const selected = this.selected();
    const key = [
      this.data,
      this.width,
      this.board.palette,
      this.spec,
      [...selected].join('\u0000'),
    ];
    if (
      this.data &&
      this.data.rows.length > 0 &&
      this.width > 0 &&
      key.some((k, i) => k !== this.drawnKey[i])
    ) {
      this.drawnKey = key;
      try {
        const { element, legend } = renderChart(this.spec, this.data, {
          width: this.width,
          palette: this.board.palette,
          selected,
        });
        // The page's Content-Security-Policy refuses inline <style> elements: Plot's few
        // default rules live in this element's styles instead (see .plot svg below).
        element.querySelectorAll('style').forEach((style) => style.remove());
        this.figureSize.disconnect();
        this.figureSize.observe(element);
        this.chart = element;
        this.legend = legend;
        this.board.learnColours(legend);
        this.drawError = null;
        this.drawnHeight = Number(element.getAttribute('height')) || this.drawnHeight;
      } catch (error) {
        this.chart = null;
        this.drawError = `The chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  }


  override render() {
    const { state, spec } = this;
    const failed = state.status === 'error' || state.status === 'blocked';
    const rows = this.data?.rows.length ?? 0;
    return html`
      <div class="top">
        <div class="titles">
          ${this.heading ? html`<h3>${spec.title || 'Chart'}</h3>` : nothing}
          ${this.renderBreadcrumb()}
        </div>
        ${this.renderActions(rows > 0 && !failed)}
      </div>
      ${this.editing ? html`<mn-chart-form .spec=${spec} .source=${this.source} .columns=${this.columns()} @mn-chart-edit=${this._onFormEdit}></mn-chart-form>` : nothing}
      ${failed && this.heading ? html`<pre class="error" role="alert">${state.message ?? 'Not run: an upstream cell failed.'}</pre>` : nothing}
      ${failed ? nothing : this.renderBody(rows)}
    `;
  }

  private renderBody(rows: number) {
    const height = `${Math.round(this.drawnHeight)}px`;
    if (this.drawError) return html`<pre class="error" role="alert">${this.drawError}</pre>`;
    if (!this.data) {
      return html`<div
        class="placeholder skeleton"
        style=${styleMap({ height })}
        role="status"
        aria-label="Loading chart"
      ></div>`;
    }
    if (rows === 0) {
      return html`<div class="placeholder" style=${styleMap({ height })}>
        <span>No data for the current filters.</span>
      </div>`;
    }
    const clickable =
      this.spec.click !== null ||
      (this.spec.drill !== null &&
        drillPath(this.param(this.spec.drill.param)).length < this.spec.drill.levels.length - 1);
    return html`${this.renderLegend()}
      <div class="plot ${clickable ? 'clickable' : ''}" @click=${this._onPlotClick}>
        ${this.chart}
      </div>
      ${clickable ? this.renderKeys() : nothing}`;
  }

  /**
   * The marks as buttons, for keyboards and screen readers: hidden until one has focus,
   * then shown as a row of chips under the chart. Same effect as clicking the mark.
   */
  private renderKeys() {
    const rows = this.data?.rows ?? [];
    const field = this.spec.drill
      ? this.spec.mark === 'bar-x'
        ? this.spec.channels.y
        : this.spec.channels.x
      : this.spec.click?.field;
    if (!field) return nothing;
    const seen = new Map<string, ParamChange>();
    for (const row of rows) {
      const value = row[field];
      if (value === null || value === undefined || seen.has(String(value)) || seen.size >= 60)
        continue;
      const change = clickChange(
        this.spec,
        row,
        this.board.params,
        this.board.inputs,
        this.board.options,
      );
      if (change) seen.set(String(value), change);
    }
    if (seen.size === 0) return nothing;
    const chosen = this.selected();
    const verb =
      this.spec.drill &&
      drillPath(this.param(this.spec.drill.param)).length < this.spec.drill.levels.length - 1
        ? 'Drill into'
        : 'Filter by';
    return html`<div
      class="keys"
      role="group"
      aria-label="${verb} a value of ${this.spec.title || 'the chart'}"
    >
      ${[...seen].map(
        ([value, change]) =>
          html`<button
            aria-pressed=${chosen.has(value) ? 'true' : 'false'}
            @click=${() => this.apply(change)}
          >
            <span class="visually-hidden">${verb} </span>${value}
          </button>`,
      )}
    </div>`;
  }

  private renderActions(hasChart: boolean) {
    const title = this.spec.title || 'chart';
    return html`<div class="actions">
      ${
        this.editable
          ? html`<button
              class="icon-btn"
              aria-label="Chart settings"
              title="Chart settings"
              aria-pressed=${this.editing ? 'true' : 'false'}
              @click=${() => (this.editing = !this.editing)}
            >
              ${icons.sliders}
            </button>`
          : nothing
      }
      <button
        class="save"
        aria-label="Save ${title} as SVG"
        title="Save as SVG"
        ?disabled=${!hasChart}
        @click=${this._onSaveSvg}
      >
        ${icons.download}SVG
      </button>
      <button
        class="save"
        aria-label="Save ${title} as PNG"
        title="Save as PNG (2× size)"
        ?disabled=${!hasChart}
        @click=${this._onSavePng}
      >
        ${icons.download}PNG
      </button>
    </div>`;
  }

  private renderBreadcrumb() {
    const drill = this.spec.drill;
    if (!drill) return nothing;
    const path = drillPath(this.param(drill.param));
    const next = drill.levels[path.length + 1];
    const crumbs = ['All', ...path];
    return html`<nav aria-label="Drill path">
      <ol>
        ${crumbs.map((crumb, depth) =>
          depth === crumbs.length - 1
            ? html`<li aria-current="location">${crumb}</li>`
            : html`<li>
                <button
                  @click=${() => this.apply({ param: drill.param, value: path.slice(0, depth) })}
                >
                  ${crumb}
                </button>
              </li>`,
        )}
      </ol>
      ${next ? html`<span class="hint">Click a bar to drill down to ${next.replace(/_/g, ' ')}</span>` : nothing}
    </nav>`;
  }

  private renderLegend() {
    const legend = this.legend;
    if (!legend || legend.entries.length === 0) return nothing;
    const chosen = chosenValues(this.param(legend.column));
    const some = legend.entries.some((e) => chosen.has(e.value));
    return html`<div
      class="legend ${some ? 'some' : ''}"
      role="group"
      aria-label="Legend: ${legend.column}"
    >
      <span class="name">${humanize(legend.column)}</span>
      ${legend.entries.map((entry) => {
        const change = legendChange(
          legend.column,
          entry.value,
          this.board.params,
          this.board.inputs,
          this.board.options,
        );
        const label = entry.value === 'unknown' ? 'Unknown' : entry.value;
        const swatch = html`<span
          class="swatch"
          style=${styleMap({ background: entry.color })}
        ></span>`;
        return change
          ? html`<button
              class="entry"
              aria-pressed=${chosen.has(entry.value) ? 'true' : 'false'}
              title=${chosen.has(entry.value) ? `Show all ${legend.column} values` : `Filter to ${label}`}
              @click=${() => this.apply(change)}
            >
              ${swatch}${label}
            </button>`
          : html`<span class="entry">${swatch}${label}</span>`;
      })}
    </div>`;
  }

  /** Values to highlight: what this chart's click parameter holds now. */
  private selected(): Set<string> {
    return this.spec.click ? chosenValues(this.param(this.spec.click.param)) : new Set();
  }

  private param(name: string): ParamValue | undefined {
    return this.board.params.get(name);
  }

  private columns(): string[] {
    return this.state.result?.preview.schema.fields.map((f) => f.name) ?? [];
  }

  private _onPlotClick(): void {
    if (!this.chart || !this.data) return;
    // Plot's pointer keeps the datum under the mouse in the figure's value (its tip).
    const datum = (this.chart as Element & { value?: unknown }).value;
    const row = rowOf(this.spec, datum, this.data.rows);
    if (!row) return;
    const change = clickChange(
      this.spec,
      row,
      this.board.params,
      this.board.inputs,
      this.board.options,
    );
    if (change) this.apply(change);
  }

  private apply(change: ParamChange): void {
    this.runtime?.setInput(change.param, change.value).catch((error: unknown) => this.fail(error));
  }

  private _onFormEdit(event: CustomEvent<{ source: string }>): void {
    event.stopPropagation();
    const runtime = this.runtime;
    if (!runtime || !this.cellId) return;
    runtime.dispatch({ type: 'edit', id: this.cellId, source: event.detail.source });
    runtime.runCell(this.cellId).catch((error: unknown) => this.fail(error));
  }

  private _onSaveSvg(): void {
    if (!this.chart) return;
    downloadSvg(chartSvg(this.chart, this.spec.title, this.legend), this.spec.title);
  }

  private _onSavePng(): void {
    if (!this.chart) return;
    downloadPng(chartSvg(this.chart, this.spec.title, this.legend), this.spec.title).catch(
      (error: unknown) => this.fail(error),
    );
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.dispatchEvent(
      new CustomEvent('mn-error', { detail: { message }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-chart-view': MnChartView;
  }
}
