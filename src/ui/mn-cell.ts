/**
 * One notebook cell as a named landmark: header (layer, name, state in words, rows,
 * time), toolbar, then the body its kind and state call for. It reads nothing global:
 * the app hands it the cell and its state, and it acts through the runtime in context.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Cell, CellKind } from '../notebook/types.ts';
import type { CellState } from '../runtime/cell-state.ts';
import { IDLE } from '../runtime/cell-state.ts';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import type { Layer } from '../analysis/analyze-sql.ts';
import { runtimeContext } from './runtime-context.ts';
import { resetStyles, buttonStyles, layerStyles, statusStyles, errorBlockStyles, menuStyles } from './styles/shared.ts';
import { cellStyles } from './styles/cell-styles.ts';
import { formatRows, formatSeconds } from './format.ts';
import type { MnSqlEditor } from './mn-sql-editor.ts';
import './mn-sql-editor.ts';
import './mn-markdown.ts';
import './mn-slicer.ts';
import './mn-kpi-card.ts';
import './mn-chart-view.ts';
import './mn-layer-warnings.ts';
import { chartSpec, inputSpec, kpiSpec } from '../dashboard/spec-cache.ts';
import { cellOutput, isVisual, type OutputContext } from './cell-output.ts';
import { nextLayerSql, starterSource, type MenuKind, type StartingPoint } from './cell-templates.ts';
import { cellToolbar, type ToolbarActions } from './cell-toolbar.ts';
import { startingColumns } from './starting-columns.ts';
import { MenuButton } from './menu-button.ts';

/** Sent up when a cell is deleted, so the app can offer to bring it back. */
export interface CellDeletedDetail {
  readonly cell: Cell;
  readonly afterId: string | null;
}

@customElement('mn-cell')
export class MnCell extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    layerStyles,
    statusStyles,
    errorBlockStyles,
    menuStyles,
    cellStyles,
  ];

  @property({ attribute: false }) cell!: Cell;
  @property({ attribute: false }) state: CellState = IDLE;
  @property() name = '';
  @property() layer: Layer | null = null;
  @property({ attribute: false }) problems: readonly string[] = [];
  @property({ type: Boolean }) first = false;
  @property({ type: Boolean }) last = false;

  @consume({ context: runtimeContext })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  /** Markdown cells show their rendering until asked to edit. */
  @state() private editing = false;
  /** Whether a slicer's, card's or chart's YAML is open under it. */
  @state() private specOpen = false;
  @query('mn-sql-editor') private editor?: MnSqlEditor;
  private readonly addMenu = new MenuButton(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new, empty text cell opens for writing.
    if (
      changed.has('cell') &&
      !changed.get('cell') &&
      this.cell.kind === 'markdown' &&
      this.cell.source === ''
    ) {
      this.editing = true;
    }
  }

  /** Puts the caret in this cell's editor (after it was added, say). */
  async focusEditor(): Promise<void> {
    if (this.cell.kind === 'markdown') this.editing = true;
    if (isVisual(this.cell.kind)) this.specOpen = true;
    await this.updateComplete;
    this.editor?.focus();
    this.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  /** Scrolls to this cell, focuses it and flashes its outline (opened from the lineage view). */
  async reveal(): Promise<void> {
    await this.updateComplete;
    const section = this.renderRoot.querySelector('section');
    if (!section) return;
    this.scrollIntoView({ block: 'start' });
    section.tabIndex = -1;
    section.focus({ preventScroll: true });
    section.classList.remove('flash');
    void section.offsetWidth; // restart the animation
    section.classList.add('flash');
    // Cells above may still grow (charts draw after their first frame): settle once more.
    const top = this.getBoundingClientRect().top;
    const scrolled = window.scrollY;
    await new Promise((resolve) => setTimeout(resolve, 250));
    // …unless the person has scrolled since.
    if (window.scrollY === scrolled && Math.abs(this.getBoundingClientRect().top - top) > 24) {
      this.scrollIntoView({ block: 'start' });
    }
  }

  override render() {
    const { cell, state } = this;
    const markdown = cell.kind === 'markdown';
    return html`<section
      aria-label=${this.name}
      class="${cell.kind} ${this.addMenu.open ? 'menu-open' : ''}"
      data-status=${state.status}
    >
      <header>
        ${markdown ? nothing : this.renderBadge(cell.kind)}
        ${markdown ? nothing : html`<span class="name">${this.name}</span>`}
        <span class="cell-status ${markdown ? 'visually-hidden' : ''}" data-status=${state.status}
          >${state.status}</span
        >
        ${
          state.result && !markdown && state.status !== 'error' && state.status !== 'blocked'
            ? html`<span class="meta">${formatRows(state.result.rows)}</span>
                <span class="meta">${formatSeconds(state.result.elapsedMs)}</span>`
            : nothing
        }
        ${cellToolbar(this.toolbarActions(markdown))}
      </header>
      ${
        markdown && !this.editing
          ? html`<div class="prose" @dblclick=${this._onEditMarkdown}>
              <mn-markdown .source=${cell.source}></mn-markdown>
            </div>`
          : isVisual(cell.kind)
            ? this.renderVisual()
            : html`<div class="editor">${this.renderEditor()}</div>`
      }
      ${
        this.problems.length > 0
          ? html`<ul class="problems" aria-label="Problems in ${this.name}">
              ${this.problems.map((p) => html`<li>${p}</li>`)}
            </ul>`
          : nothing
      }
      <mn-layer-warnings
        .warnings=${this.runtime?.warnings(cell.id) ?? []}
        .cellName=${this.name}
      ></mn-layer-warnings>
      ${markdown ? nothing : cellOutput(this.outputContext())}
    </section>`;
  }

  private renderEditor() {
    const { cell } = this;
    const markdown = cell.kind === 'markdown';
    const what = markdown
      ? 'Text'
      : cell.kind === 'bronze'
        ? 'Files'
        : isVisual(cell.kind) || cell.kind === 'test'
          ? 'Spec'
          : 'SQL';
    return html`<mn-sql-editor
      .source=${cell.source}
      .mode=${cell.kind === 'sql' ? 'sql' : markdown ? 'markdown' : 'text'}
      .label=${`${what} of ${this.name}`}
      .placeholder=${placeholderFor(cell.kind)}
      .errorLine=${this.errorLine()}
      @mn-edit=${this._onEdit}
      @mn-run=${this._onRun}
      @mn-escape=${this._onStopEditing}
      @mn-blur=${markdown ? this._onStopEditing : nothing}
    ></mn-sql-editor>`;
  }

  /**
   * Slicers, KPI cards and charts show as what they are; their YAML stays one click away
   * (and opens by itself when it has a problem to fix).
   */
  private renderVisual() {
    const { cell, state } = this;
    const open = this.specOpen || this.problems.length > 0;
    let visual;
    if (cell.kind === 'input') {
      visual = html`<mn-slicer .spec=${inputSpec(cell.source)}></mn-slicer>`;
    } else if (cell.kind === 'kpi') {
      const spec = kpiSpec(cell.source);
      visual = html`<mn-kpi-card
        .label=${spec.label}
        .format=${spec.format}
        .compare=${spec.compare}
        .kpi=${state.kpi}
        .status=${state.status}
        .message=${state.message}
      ></mn-kpi-card>`;
    } else {
      visual = html`<mn-chart-view
        editable
        .spec=${chartSpec(cell.source)}
        .source=${cell.source}
        .cellId=${cell.id}
        .state=${state}
      ></mn-chart-view>`;
    }
    return html`<div class="visual ${cell.kind}">${visual}</div>
      <details class="spec" ?open=${open} @toggle=${this._onSpecToggle}>
        <summary>
          ${cell.kind === 'chart' ? 'Chart' : cell.kind === 'kpi' ? 'Card' : 'Slicer'} spec (YAML)
        </summary>
        ${open ? html`<div class="editor">${this.renderEditor()}</div>` : nothing}
      </details>`;
  }

  private renderBadge(kind: CellKind) {
    if (this.layer) return html`<span class="layer ${this.layer}">${this.layer}</span>`;
    return html`<span class="layer kind">${kind === 'bronze' ? 'files' : kind}</span>`;
  }

  private toolbarActions(markdown: boolean): ToolbarActions {
    return { markdown, first: this.first, last: this.last, addMenu: this.addMenu, ...this.toolbarHandlers };
  }

  /** Made once, so the toolbar's listeners stay the same functions from render to render. */
  private readonly toolbarHandlers = {
    editMarkdown: () => this._onEditMarkdown(),
    run: () => this._onRun(),
    moveUp: () => this._onMoveUp(),
    moveDown: () => this._onMoveDown(),
    addSql: () => this._onAddSql(),
    addMarkdown: () => this._onAddMarkdown(),
    addKind: (kind: MenuKind) => this._onAddKind(kind),
    remove: () => this._onDelete(),
  };


  /** The line of this SQL cell its error names, if it failed and the message names one. */
  private errorLine(): number | null {
    return this.cell.kind === 'sql' && this.state.status === 'error' ? errorLineOf(this.state.message) : null;
  }

  private outputContext(): OutputContext {
    return {
      cell: this.cell,
      state: this.state,
      name: this.name,
      runtime: this.runtime,
      saysProblems: (message) => this.saysProblems(message),
      onQueryInPlace: () => this._onQueryInPlace(),
      errorLine: this.errorLine(),
      onGoToLine: (line) => void this.editor?.goToLine(line),
    };
  }

  /** Whether a message only repeats the problems already listed above it. */
  private saysProblems(message: string | null): boolean {
    return message !== null && this.problems.length > 0 && message === this.problems.join(' ');
  }

  private _onEdit(event: CustomEvent<{ source: string }>): void {
    this.runtime?.dispatch({ type: 'edit', id: this.cell.id, source: event.detail.source });
  }

  private _onRun(): void {
    if (this.cell.kind === 'markdown') {
      this._onStopEditing();
      return;
    }
    this.editor?.flush();
    this.report(this.runtime?.runCell(this.cell.id));
  }

  private _onSpecToggle(event: Event): void {
    this.specOpen = (event.currentTarget as HTMLDetailsElement).open;
  }

  /** Adds `materialize: false` to the bronze cell and runs it: its table becomes a view over the files. */
  private _onQueryInPlace(): void {
    const runtime = this.runtime;
    if (!runtime) return;
    runtime.dispatch({ type: 'edit', id: this.cell.id, source: `${this.cell.source.trimEnd()}\nmaterialize: false` });
    runtime.runCell(this.cell.id).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(new CustomEvent('mn-error', { detail: { message }, bubbles: true, composed: true }));
    });
  }

  private _onEditMarkdown(): void {
    void this.focusEditor();
  }

  private _onStopEditing(): void {
    this.editor?.flush();
    if (this.cell.kind === 'markdown' && this.cell.source.trim() !== '') this.editing = false;
  }

  private _onMoveUp(): void {
    this.runtime?.dispatch({ type: 'move', id: this.cell.id, by: -1 });
  }

  private _onMoveDown(): void {
    this.runtime?.dispatch({ type: 'move', id: this.cell.id, by: 1 });
  }

  private _onAddSql(): void {
    const analysis = this.runtime?.analysis;
    const defined = new Set([...(analysis?.values() ?? [])].flatMap((a) => (a.defines ? [a.defines] : [])));
    this.add('sql', nextLayerSql(analysis?.get(this.cell.id)?.defines ?? null, defined));
  }

  private _onAddMarkdown(): void {
    this.add('markdown');
  }

  private _onDelete(): void {
    const runtime = this.runtime;
    if (!runtime) return;
    this.editor?.flush();
    const cells = runtime.notebook.cells;
    const index = cells.findIndex((c) => c.id === this.cell.id);
    const detail: CellDeletedDetail = {
      cell: cells[index] ?? this.cell,
      afterId: index > 0 ? cells[index - 1]!.id : null,
    };
    runtime.dispatch({ type: 'delete', id: this.cell.id });
    this.dispatchEvent(
      new CustomEvent('mn-cell-deleted', { detail, bubbles: true, composed: true }),
    );
  }

  /** A chart, card, slicer, tests or files cell below, started from this cell's result. */
  private _onAddKind(kind: MenuKind): void {
    this.addMenu.close();
    const params = [...(this.runtime?.analysis.values() ?? [])].flatMap((a) => (a.definesParam ? [a.definesParam] : []));
    this.add(kind, starterSource(kind, this.startingPoint(), new Set(params)));
  }

  /** This cell's result as a new cell can start from it: its table (or query) and columns. */
  private startingPoint(): StartingPoint | null {
    const { cell, state } = this;
    const preview = state.result?.preview;
    if (cell.kind !== 'sql' || !preview || state.status !== 'done') return null;
    return { table: this.runtime?.analysis.get(cell.id)?.defines ?? null, sql: cell.source, columns: startingColumns(preview) };
  }

  private add(kind: CellKind, source?: string): void {
    const id = this.runtime?.dispatch({ type: 'add', kind, afterId: this.cell.id, ...(source ? { source } : {}) });
    if (id)
      this.dispatchEvent(
        new CustomEvent('mn-focus-cell', { detail: { id }, bubbles: true, composed: true }),
      );
  }

  /** A run's promise only rejects when the engine itself failed: tell the page. */
  private report(run: Promise<void> | undefined): void {
    run?.catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(
        new CustomEvent('mn-error', { detail: { message }, bubbles: true, composed: true }),
      );
    });
  }
}

/** The line of the cell a DuckDB error names ("LINE 4: …", counted within the cell by the engine). */
function errorLineOf(message: string | null): number | null {
  const match = message ? /\bLINE (\d+):/.exec(message) : null;
  return match ? Number(match[1]) : null;
}

function placeholderFor(kind: CellKind): string {
  if (kind === 'bronze') return 'table: bronze.my_table\nfiles: my_file*.csv';
  if (kind === 'markdown') return 'Write notes in Markdown…';
  return 'SELECT … FROM silver.table — or CREATE OR REPLACE TABLE gold.name AS …';
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-cell': MnCell;
  }
}
