/**
 * Presentation mode, for teaching: the notebook one cell at a time, full screen and read
 * only. Code is hidden (one click shows it, still read-only); what each cell made shows
 * instead: prose, results, data tests, ingest reports, cleaning reports, slicers, KPI
 * cards and charts. Arrow keys, Page Up/Down, Space, Home and End step through; Escape
 * leaves. It reads the same runtime as the notebook, so a run in progress shows live.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Cell } from '../notebook/types.ts';
import type { CellState } from '../runtime/cell-state.ts';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { layerOf } from '../analysis/analyze-sql.ts';
import { runtimeContext } from './runtime-context.ts';
import { resetStyles, buttonStyles, layerStyles, statusStyles, errorBlockStyles } from './styles/shared.ts';
import { presentationStyles } from './styles/presentation-styles.ts';
import { formatRows, formatSeconds } from './format.ts';
import { chartSpec, inputSpec, kpiSpec } from '../dashboard/spec-cache.ts';
import './mn-markdown.ts';
import './mn-result-grid.ts';
import './mn-ingest-report.ts';
import './mn-test-results.ts';
import './mn-cleaning-report.ts';
import './mn-layer-warnings.ts';
import './mn-slicer.ts';
import './mn-kpi-card.ts';
import './mn-chart-view.ts';

@customElement('mn-presentation')
export class MnPresentation extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    layerStyles,
    statusStyles,
    errorBlockStyles,
    presentationStyles,
  ];

  @consume({ context: runtimeContext })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  /** The runtime's revision, so a run in progress shows live. */
  @property({ type: Number }) revision = 0;
  @property({ attribute: false }) names: ReadonlyMap<string, string> = new Map();
  @property() notebookTitle = '';
  /** The cell to start at (the one in view when the person pressed Present). */
  @property() startAt: string | null = null;

  @state() private index = 0;
  @state() private showCode = false;
  @query('.stage') private stage?: HTMLElement;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKeyDown, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKeyDown, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('startAt') && this.startAt) {
      const at = this.cells().findIndex((c) => c.id === this.startAt);
      if (at >= 0) this.index = at;
    }
  }

  protected override firstUpdated(): void {
    this.stage?.focus();
  }

  override render() {
    const cells = this.cells();
    const total = cells.length;
    const index = Math.min(this.index, Math.max(0, total - 1));
    const cell = cells[index];
    const position = total === 0 ? 0 : index + 1;
    return html`<div class="bar">
        <span class="title">${this.notebookTitle}</span>
        <div class="progress">
          <span role="status" aria-live="polite">Step ${position} of ${total}</span>
          <div
            class="track"
            role="progressbar"
            aria-label="Progress through the notebook"
            aria-valuemin="1"
            aria-valuemax=${total}
            aria-valuenow=${position}
          >
            <span style="width:${total === 0 ? 0 : (100 * position) / total}%"></span>
          </div>
        </div>
        <span class="keys">← → to step · Esc to leave</span>
        <button class="btn" ?disabled=${index === 0} @click=${() => this.go(index - 1)}>
          ← Previous
        </button>
        <button
          class="btn primary"
          ?disabled=${index >= total - 1}
          @click=${() => this.go(index + 1)}
        >
          Next →
        </button>
        <button class="btn" @click=${this.exit}>Exit</button>
      </div>
      <div
        class="stage"
        tabindex="-1"
        role="dialog"
        aria-modal="true"
        aria-label="Presentation of ${this.notebookTitle || 'the notebook'}"
      >
        ${cell ? this.renderCell(cell, position, total) : html`<p class="note">This notebook has no cells.</p>`}
      </div>`;
  }

  private renderCell(cell: Cell, position: number, total: number) {
    const runtime = this.runtime;
    const name = this.names.get(cell.id) ?? cell.id;
    const label = `Step ${position} of ${total}: ${name}`;
    if (cell.kind === 'markdown') {
      return html`<article aria-label=${label} data-cell=${cell.id}>
        <div class="prose"><mn-markdown .source=${cell.source}></mn-markdown></div>
      </article>`;
    }
    const state = runtime?.state(cell.id);
    const analysis = runtime?.analysis.get(cell.id);
    const layer = analysis?.layer ?? null;
    return html`<article aria-label=${label} data-cell=${cell.id}>
      <div class="head">
        ${
          layer
            ? html`<span class="layer ${layer}">${layer}</span>`
            : html`<span class="layer kind">${cell.kind === 'bronze' ? 'files' : cell.kind}</span>`
        }
        <h2>${name}</h2>
        ${state ? html`<span class="status" data-status=${state.status}>${state.status}</span>` : nothing}
        ${
          state?.result && state.status !== 'error' && state.status !== 'blocked'
            ? html`<span class="meta"
                >${formatRows(state.result.rows)} · ${formatSeconds(state.result.elapsedMs)}</span
              >`
            : nothing
        }
      </div>
      <div class="panel">
        ${
          runtime && runtime.warnings(cell.id).length > 0
            ? html`<mn-layer-warnings
                .warnings=${runtime.warnings(cell.id)}
                .cellName=${name}
              ></mn-layer-warnings>`
            : nothing
        }
        ${state ? this.renderOutput(cell, state, name) : nothing}
        <button
          class="btn code-toggle"
          aria-expanded=${this.showCode ? 'true' : 'false'}
          @click=${() => (this.showCode = !this.showCode)}
        >
          ${this.showCode ? 'Hide' : 'Show'} ${cell.kind === 'sql' ? 'SQL' : 'source'}
        </button>
        ${this.showCode ? html`<pre class="code" aria-label="Source of ${name}">${cell.source}</pre>` : nothing}
      </div>
    </article>`;
  }

  private renderOutput(cell: Cell, state: CellState, name: string) {
    const parts = [];
    const failedTests = cell.kind === 'test' && state.tests && state.status === 'error';
    if (state.status === 'error' && state.message && !failedTests) {
      parts.push(html`<pre class="error">${state.message}</pre>`);
    } else if (state.status === 'blocked') {
      parts.push(html`<p class="note">${state.message ?? 'Not run: an upstream cell failed.'}</p>`);
    } else if (state.status === 'idle') {
      parts.push(html`<p class="note">Not run yet.</p>`);
    } else if (state.status === 'queued' || state.status === 'running') {
      parts.push(html`<p class="note">Running…</p>`);
    }
    const result = state.result;
    const ok = state.status !== 'error' && state.status !== 'blocked';
    switch (cell.kind) {
      case 'input':
        parts.push(html`<div class="visual input"><mn-slicer .spec=${inputSpec(cell.source)}></mn-slicer></div>`);
        break;
      case 'kpi': {
        const spec = kpiSpec(cell.source);
        parts.push(html`<div class="visual kpi">
          <mn-kpi-card
            .label=${spec.label}
            .format=${spec.format}
            .compare=${spec.compare}
            .kpi=${state.kpi}
            .status=${state.status}
            .message=${state.message}
          ></mn-kpi-card>
        </div>`);
        break;
      }
      case 'chart':
        parts.push(html`<mn-chart-view
          .spec=${chartSpec(cell.source)}
          .source=${cell.source}
          .cellId=${cell.id}
          .state=${state}
        ></mn-chart-view>`);
        break;
      case 'test':
        if (state.tests && state.status !== 'blocked') {
          parts.push(html`<mn-test-results
            .tests=${state.tests}
            .table=${this.runtime?.analysis.get(cell.id)?.references[0] ?? ''}
          ></mn-test-results>`);
        }
        break;
      case 'bronze':
        if (state.progress || (state.ingest && ok)) {
          parts.push(html`<mn-ingest-report .report=${state.ingest} .progress=${state.progress}></mn-ingest-report>`);
        }
        if (result && ok) parts.push(html`<mn-result-grid .result=${result} .label=${`Raw rows of ${name}`}></mn-result-grid>`);
        break;
      case 'sql':
        if (result && ok) parts.push(html`<mn-result-grid .result=${result} .label=${`Result of ${name}`}></mn-result-grid>`);
        if (result && ok && this.buildsFromBronze(cell.id)) {
          parts.push(html`<mn-cleaning-report
            .cellId=${cell.id}
            .table=${name}
            .result=${result}
          ></mn-cleaning-report>`);
        }
        break;
      default:
        break;
    }
    return parts;
  }

  private buildsFromBronze(id: string): boolean {
    const a = this.runtime?.analysis.get(id);
    return !!a?.defines && a.layer === 'silver' && a.references.some((r) => layerOf(r) === 'bronze');
  }

  private cells(): readonly Cell[] {
    return this.runtime?.notebook.cells ?? [];
  }

  private go(index: number): void {
    const total = this.cells().length;
    const next = Math.max(0, Math.min(total - 1, index));
    if (next === this.index) return;
    this.index = next;
    this.showCode = false;
    this.stage?.scrollTo({ top: 0 });
  }

  private readonly exit = (): void => {
    const id = this.cells()[this.index]?.id ?? null;
    this.dispatchEvent(
      new CustomEvent('mn-exit-presentation', { detail: { id }, bubbles: true, composed: true }),
    );
  };

  private readonly _onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.exit();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys typed into a slicer, or scrolling a focused table, stay theirs.
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && target.closest('input, select, textarea, [contenteditable], [role="table"]')) return;
    const last = this.cells().length - 1;
    const moves: Record<string, number> = {
      ArrowRight: this.index + 1,
      PageDown: this.index + 1,
      ' ': this.index + 1,
      ArrowLeft: this.index - 1,
      PageUp: this.index - 1,
      Home: 0,
      End: last,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    if (event.key === ' ' && target instanceof HTMLElement && target.closest('button')) return;
    event.preventDefault();
    this.go(to);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-presentation': MnPresentation;
  }
}
