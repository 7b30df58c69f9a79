/**
 * The notebook as a dashboard: no code, slicers and active filters on top, KPI cards in a
 * row, charts and query results in a responsive grid (three columns on a laptop, one on a
 * phone). It shows the runtime's state as it is, so switching views re-runs nothing.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { consume } from '@lit/context';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { notebookTitle } from '../notebook/types.ts';
import { runtimeContext } from './runtime-context.ts';
import { boardContext, EMPTY_BOARD, type Board } from './board-context.ts';
import { dashboardLayout, type DashboardTile } from './dashboard-layout.ts';
import { activeFilters, defaultParams } from './active-filters.ts';
import { chartSpec, inputSpec, kpiSpec } from '../dashboard/spec-cache.ts';
import { resetStyles, errorBlockStyles } from './styles/shared.ts';
import { formatRows } from './format.ts';
import './mn-slicer.ts';
import './mn-kpi-card.ts';
import './mn-chart-view.ts';
import './mn-filter-bar.ts';
import './mn-result-grid.ts';

@customElement('mn-dashboard')
export class MnDashboard extends LitElement {
  static override styles = [
    resetStyles,
    errorBlockStyles,
    css`
      :host {
        display: block;
      }
      .page {
        display: grid;
        gap: 16px;
        max-width: 1600px;
        margin: 0 auto;
        padding: 20px 24px 80px;
      }
      .head {
        display: flex;
        align-items: baseline;
        flex-wrap: wrap;
        gap: 4px 14px;
      }
      h2 {
        margin: 0;
        font-size: 22px;
        font-weight: 700;
        letter-spacing: -0.01em;
      }
      .sub {
        color: var(--mn-text-muted);
        font-size: 13px;
      }
      /* Appears only when an update lasts: a quick slicer change does not flicker. */
      .updating {
        margin-left: auto;
        color: var(--mn-run);
        font-size: 12.5px;
        opacity: 0;
        animation: appear 0.2s ease 0.3s forwards;
      }
      @keyframes appear {
        to {
          opacity: 1;
        }
      }
      .filters {
        position: sticky;
        top: 56px;
        z-index: 10;
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 10px 24px;
        padding: 12px 16px;
        background: rgb(255 255 255 / 0.96);
        backdrop-filter: blur(6px);
        border: 1px solid var(--mn-border);
        border-radius: var(--mn-radius);
        box-shadow: var(--mn-shadow);
      }
      .slicers {
        display: flex;
        flex-wrap: wrap;
        gap: 10px 14px;
      }
      .slicers mn-slicer {
        width: 180px;
      }
      .slicers mn-slicer.date-range {
        width: 320px;
      }
      .slicers mn-slicer.checkbox {
        width: auto;
        align-self: flex-end;
      }
      .filters mn-filter-bar {
        flex: 1 1 260px;
        padding-bottom: 2px;
      }
      /* Cards fill whole rows: six (or however many) across, three on a tablet, two on a phone. */
      .kpis {
        display: grid;
        grid-template-columns: repeat(var(--kpi-columns, 6), minmax(0, 1fr));
        gap: 12px;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(6, minmax(0, 1fr));
        grid-auto-flow: row dense;
        gap: 14px;
        align-items: stretch;
      }
      .tile {
        grid-column: span 2;
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        align-content: start;
        gap: 8px;
        min-width: 0;
        padding: 14px 16px 12px;
        background: var(--mn-surface);
        border: 1px solid var(--mn-border);
        border-radius: var(--mn-radius);
        box-shadow: var(--mn-shadow);
      }
      .tile.two-thirds {
        grid-column: span 4;
      }
      .tile.half {
        grid-column: span 3;
      }
      .tile h3 {
        margin: 3px 0 0;
        font-size: 14.5px;
        font-weight: 650;
      }
      .tile .meta {
        color: var(--mn-text-faint);
        font-size: 12px;
        font-weight: 400;
        margin-left: 8px;
      }
      .empty {
        padding: 40px 20px;
        text-align: center;
        color: var(--mn-text-muted);
        border: 1.5px dashed var(--mn-border-strong);
        border-radius: var(--mn-radius);
      }
      @media (max-width: 1180px) {
        .kpis {
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }
        .grid {
          grid-template-columns: repeat(4, minmax(0, 1fr));
        }
        .tile.two-thirds,
        .tile.half {
          grid-column: span 4;
        }
      }
      @media (max-width: 760px) {
        .page {
          padding: 12px 10px 60px;
          gap: 12px;
        }
        .filters {
          position: static;
          padding: 10px 12px;
        }
        .slicers {
          display: grid;
          grid-template-columns: repeat(2, minmax(0, 1fr));
          width: 100%;
        }
        .slicers mn-slicer,
        .slicers mn-slicer.date-range {
          width: auto;
        }
        .slicers mn-slicer.date-range {
          grid-column: 1 / -1;
        }
        .kpis {
          grid-template-columns: repeat(2, minmax(0, 1fr));
          gap: 8px;
        }
        .grid {
          grid-template-columns: minmax(0, 1fr);
          gap: 12px;
        }
        .tile,
        .tile.two-thirds,
        .tile.half {
          grid-column: 1 / -1;
          padding: 12px 12px 10px;
        }
      }
    `,
  ];

  /** The runtime's revision: a new number means some cell's state moved. */
  @property({ type: Number }) revision = 0;
  @property({ attribute: false }) names: ReadonlyMap<string, string> = new Map();

  @consume({ context: runtimeContext, subscribe: true })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  @consume({ context: boardContext, subscribe: true })
  @property({ attribute: false })
  board: Board = EMPTY_BOARD;

  override render() {
    const runtime = this.runtime;
    if (!runtime) return nothing;
    const cells = runtime.notebook.cells;
    const layout = dashboardLayout(cells, runtime.analysis);
    const busy = cells.some((c) => ['queued', 'running'].includes(runtime.state(c.id).status));
    const chips = activeFilters(cells, this.board.params);
    return html`<div class="page">
      <div class="head">
        <h2>${notebookTitle(runtime.notebook)}</h2>
        <span class="sub">Dashboard</span>
        ${busy ? html`<span class="updating" role="status">Updating…</span>` : nothing}
      </div>
      ${
        layout.slicers.length > 0
          ? html`<section class="filters" aria-label="Slicers">
              <div class="slicers">
                ${repeat(
                  layout.slicers,
                  (c) => c.id,
                  (c) => {
                    const spec = inputSpec(c.source);
                    return html`<mn-slicer class=${spec.control} .spec=${spec}></mn-slicer>`;
                  },
                )}
              </div>
              <mn-filter-bar
                showEmpty
                .chips=${chips}
                .defaults=${defaultParams(cells)}
              ></mn-filter-bar>
            </section>`
          : nothing
      }
      ${
        layout.kpis.length > 0
          ? html`<div
              class="kpis"
              style=${styleMap({ '--kpi-columns': String(Math.min(6, layout.kpis.length)) })}
            >
              ${repeat(
                layout.kpis,
                (c) => c.id,
                (c) => {
                  const spec = kpiSpec(c.source);
                  const state = runtime.state(c.id);
                  return html`<mn-kpi-card
                    .label=${spec.label}
                    .format=${spec.format}
                    .compare=${spec.compare}
                    .kpi=${state.kpi}
                    .status=${state.status}
                    .message=${state.message}
                  ></mn-kpi-card>`;
                },
              )}
            </div>`
          : nothing
      }
      ${
        layout.tiles.length > 0
          ? html`<div class="grid">
              ${repeat(
                layout.tiles,
                (t) => t.cell.id,
                (t) => this.renderTile(t),
              )}
            </div>`
          : layout.kpis.length === 0
            ? html`<p class="empty">
                This notebook has no charts, KPI cards or slicers yet. Add chart, KPI and input
                cells in the notebook view.
              </p>`
            : nothing
      }
    </div>`;
  }

  private renderTile(tile: DashboardTile) {
    const runtime = this.runtime!;
    const { cell } = tile;
    const state = runtime.state(cell.id);
    const name = this.names.get(cell.id) ?? cell.id;
    if (tile.kind === 'chart') {
      return html`<section class="tile ${tile.span}" aria-label=${name}>
        <mn-chart-view
          heading
          .spec=${chartSpec(cell.source)}
          .source=${cell.source}
          .cellId=${cell.id}
          .state=${state}
        ></mn-chart-view>
      </section>`;
    }
    const failed = state.status === 'error' || state.status === 'blocked';
    return html`<section class="tile ${tile.span}" aria-label=${name}>
      <h3>
        ${name}${state.result && !failed ? html`<span class="meta">${formatRows(state.result.rows)}</span>` : nothing}
      </h3>
      ${
        failed
          ? html`<pre class="error" role="alert">${state.message ?? 'Not run.'}</pre>`
          : state.result
            ? html`<mn-result-grid
                .result=${state.result}
                .label=${`Result of ${name}`}
              ></mn-result-grid>`
            : html`<p class="sub">Waiting for data…</p>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-dashboard': MnDashboard;
  }
}
