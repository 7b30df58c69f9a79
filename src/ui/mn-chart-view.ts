/**
 * A chart cell drawn: Observable Plot at the element's width, the notebook's colour map, a
 * legend whose entries filter, tooltips, click to cross-filter or drill down (with a
 * breadcrumb back up), a settings form, and Save as SVG / PNG. A new result replaces the
 * old chart in one step; until it arrives the old chart stays, so nothing blinks.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { consume } from '@lit/context';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { IDLE, type CellResult, type CellState } from '../runtime/cell-state.ts';
import type { ChartSpec } from '../charts/chart-spec.ts';
import type { ChartData } from '../charts/chart-rows.ts';
import type { ColorLegend } from '../charts/render-chart.ts';
import { chartRenderer, loadChartRenderer } from './chart-renderer.ts';
import { ChartDrawings, chartDataOf, type Drawing } from './chart-drawings.ts';
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
import { resetStyles, buttonStyles, errorBlockStyles, skeletonStyles } from './styles/shared.ts';
import { chartViewStyles } from './styles/chart-view-styles.ts';
import { icons } from './icons.ts';

const DEFAULT_HEIGHT = 280;
/** Enough for a slicer's few values (F, M, all) at the current width. */
const DRAWINGS_KEPT = 6;

@customElement('mn-chart-view')
export class MnChartView extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    errorBlockStyles,
    skeletonStyles,
    chartViewStyles,
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
  private drawnSelection: Set<string> | null = null;
  private drawnHeight = DEFAULT_HEIGHT;
  private readonly drawings = new ChartDrawings(DRAWINGS_KEPT);
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
      this.data = result ? chartDataOf(result) : null;
    }
    // While the chart's data is being replaced (a slicer change re-runs it), a new selection
    // waits for the new data: drawing the old data once more would only cost a redraw, and
    // the CPU the engine needs for the queries.
    // Asked of the runtime: in the notebook the cell hands this view its state a render
    // after the new parameters reach it through the board.
    const status = (this.runtime && this.cellId ? this.runtime.state(this.cellId) : this.state).status;
    const replacing = status === 'queued' || status === 'running';
    const selected = replacing && this.drawnSelection ? this.drawnSelection : this.selected();
    const key = [
      this.data,
      this.width,
      this.board.palette,
      this.spec,
      [...selected].join('\u0000'),
    ];
    const renderChart = chartRenderer();
    const wanted = this.data !== null && this.data.rows.length > 0 && this.width > 0;
    if (wanted && renderChart === null && this.drawError === null) {
      loadChartRenderer().then(
        () => this.requestUpdate(),
        (error: unknown) => {
          this.drawError = `The chart drawing code could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
          this.requestUpdate();
        },
      );
    } else if (wanted && renderChart !== null && key.some((k, i) => k !== this.drawnKey[i])) {
      this.drawnKey = key;
      try {
        let drawing = this.drawings.find(key);
        if (!drawing) {
          drawing = renderChart(this.spec, this.data!, { width: this.width, palette: this.board.palette, selected });
          // The page's Content-Security-Policy refuses inline <style> elements: Plot's few
          // default rules live in this element's styles instead (see .plot svg below).
          drawing.element.querySelectorAll('style').forEach((style) => style.remove());
          this.drawings.add(key, drawing);
        }
        const { element, legend }: Drawing = drawing;
        this.figureSize.disconnect();
        this.figureSize.observe(element);
        this.chart = element;
        this.drawnSelection = selected;
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
    // No data yet, or the chart code still loading (the first chart of the page).
    if (!this.data || (rows > 0 && this.chart === null)) {
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

  /** The settings form, and the YAML library it rewrites specs with, load on first use. */
  private toggleSettings(): void {
    this.editing = !this.editing;
    if (!this.editing) return;
    import('./mn-chart-form.ts').catch(() => {
      this.editing = false;
      this.fail('The chart settings could not be loaded. Check the connection and try again; the spec can still be edited as YAML.');
    });
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
              @click=${this.toggleSettings}
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
