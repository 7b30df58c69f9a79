/**
 * The app shell: top bar, side panel (files, outline), the cells, file drop, toasts and
 * the global shortcut. It provides the runtime and the engine's catalog to the elements
 * below through @lit/context and re-renders when the runtime reports a change.
 */
import './mn-session-banner.ts';
import type { NotebookSession } from '../share/session.ts';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { provide } from '@lit/context';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { notebookTitle, type CellKind } from '../notebook/types.ts';
import { runtimeContext, catalogContext, type Catalog } from './runtime-context.ts';
import { cellNames } from './cell-name.ts';
import { resetStyles, buttonStyles } from './styles/shared.ts';
import { appStyles } from './styles/app-styles.ts';
import { icons } from './icons.ts';
import type { EngineStatus, ViewMode } from './mn-top-bar.ts';
import { boardContext, EMPTY_BOARD, type Board } from './board-context.ts';
import { BoardSnapshot } from './board-snapshot.ts';
import { activeFilters, defaultParams } from './active-filters.ts';
import type { CellDeletedDetail, MnCell } from './mn-cell.ts';
import type { MnToasts, Toast } from './mn-toasts.ts';
import './mn-top-bar.ts';
import './mn-cell.ts';
import './mn-toasts.ts';
import './mn-dashboard.ts';
import './mn-filter-bar.ts';
import './mn-lineage.ts';
import './mn-presentation.ts';
import './mn-shortcuts.ts';
import { FileDrop } from './file-drop.ts';
import { sidePanel } from './side-panel.ts';

/**
 * How long a run goes before the page says so (Running…, Cancel, faded results): a slicer
 * change is done sooner, and showing then hiding them would only make the page flicker.
 */
const BUSY_SHOWN_AFTER_MS = 300;
/**
 * A long notebook is drawn a few cells at a time: about a screen's worth in the first
 * frame, so the page shows (and can be edited) at once, then the rest over the next frames.
 */
const CELLS_IN_FIRST_FRAME = 6;
const CELLS_PER_LATER_FRAME = 8;

@customElement('mn-app')
export class MnApp extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    appStyles,
  ];

  @provide({ context: runtimeContext })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  @property({ attribute: false }) engine: EngineStatus = {
    state: 'starting',
    label: 'Engine starting…',
  };
  /** Trust, autosave, share and files for this notebook (src/share/session.ts). */
  @property({ attribute: false }) session?: NotebookSession;
  /** A passing note about files, e.g. "Loading sample data…". */
  @property() notice: string | null = null;

  @provide({ context: catalogContext })
  @state()
  private catalog: Catalog = [];

  /** Slicer values, colour map and inputs, for the dashboard elements (board-context.ts). */
  @provide({ context: boardContext })
  @state()
  private board: Board = EMPTY_BOARD;

  /**
   * Notebook or dashboard; `?view=dashboard` in the address opens (and keeps) the
   * dashboard. A query parameter, because the fragment carries shared notebooks.
   */
  @state() private view: ViewMode = viewFromUrl();

  /** Presentation mode (read-only, one cell at a time), and the cell it starts at. */
  @state() private presenting = false;
  private presentFrom: string | null = null;
  @query('mn-toasts') private toasts?: MnToasts;

  private unsubscribe?: () => void;
  private readonly sizes = new Map<string, number>();
  private boardSnapshot = new BoardSnapshot(() => this.requestUpdate());
  private wasBusy = false;
  /** Whether the current run has lasted BUSY_SHOWN_AFTER_MS, and so shows in the top bar. */
  @state() private showRunning = false;
  private showRunningTimer: ReturnType<typeof setTimeout> | undefined;
  private focusAfterUpdate: string | null = null;
  /** How many of the notebook's cells are drawn so far (see CELLS_IN_FIRST_FRAME). */
  @state() private drawnCells = CELLS_IN_FIRST_FRAME;
  private moreCellsTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * On the whole page (top bar included), so a drop anywhere adds the files instead of the
   * browser navigating away to show one.
   */
  private readonly fileDrop = new FileDrop(this, (files) => void this.addFiles(files));

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKeyDown);
    this.addEventListener('mn-cancel', this._onCancel);
    this.subscribe();
  }

  /**
   * Draws at most once per frame. While a plan runs, results arrive every few milliseconds
   * (a slicer change re-runs a dozen charts); drawing the page for each one kept the main
   * thread from the engine's messages and from the CPU the engine's worker needs.
   */
  protected override async scheduleUpdate(): Promise<void> {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    super.scheduleUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKeyDown);
    this.removeEventListener('mn-cancel', this._onCancel);
    clearTimeout(this.showRunningTimer);
    clearTimeout(this.moreCellsTimer);
    this.moreCellsTimer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('runtime')) {
      this.subscribe();
      // Another notebook: its own colours (and nothing learned from the last one).
      this.boardSnapshot = new BoardSnapshot(() => this.requestUpdate());
    }
    if (this.runtime) this.board = this.boardSnapshot.of(this.runtime);
    if (changed.has('engine') && this.engine.state === 'ready') this.refreshCatalog();
  }

  protected override updated(): void {
    this.drawMoreCells();
    const id = this.focusAfterUpdate;
    if (id === null) return;
    this.focusAfterUpdate = null;
    void this.drawnCellElement(id).then((cell) => cell?.focusEditor());
  }

  /** The next few cells, in the next frame, until the notebook is drawn whole. */
  private drawMoreCells(): void {
    const total = this.runtime?.notebook.cells.length ?? 0;
    if (this.drawnCells >= total) return;
    // Out of view, drawing in steps would only redraw the other view for nothing.
    if (this.view !== 'notebook') this.drawnCells = Infinity;
    else if (!this.moreCellsTimer)
      this.moreCellsTimer = setTimeout(() => {
        this.moreCellsTimer = undefined;
        this.drawnCells += CELLS_PER_LATER_FRAME;
      });
  }

  /** Registers files with the engine (their sizes for the panel) and, if asked, runs what reads them. */
  async addFiles(files: readonly File[], run = true): Promise<void> {
    const runtime = this.runtime;
    if (!runtime || files.length === 0) return;
    for (const file of files) this.sizes.set(file.name, file.size);
    try {
      await runtime.addFiles(
        files.map((file) => ({ name: file.name, handle: file })),
        run,
      );
    } catch (error) {
      this.showError(
        `Could not add ${files.length === 1 ? files[0]!.name : `${files.length} files`}: ${messageOf(error)}`,
      );
    }
  }

  showError(message: string): void {
    this.showToast({ kind: 'error', message });
  }

  showToast(toast: Toast): void {
    this.toasts?.show(toast);
  }

  override render() {
    const runtime = this.runtime;
    const notebook = runtime?.notebook;
    const cells = notebook?.cells ?? [];
    const names = runtime ? cellNames(cells, runtime.analysis) : new Map<string, string>();
    const pending = runtime
      ? cells.filter((c) => ['queued', 'running'].includes(runtime.state(c.id).status)).length
      : 0;

    const dashboard = this.view === 'dashboard';
    const chips = dashboard ? [] : activeFilters(cells, this.board.params);

    return html`
      <mn-top-bar
        .notebookTitle=${notebook ? notebookTitle(notebook) : ''}
        .engine=${this.engine}
        .pending=${this.showRunning ? pending : 0}
        .view=${this.view}
        .session=${this.session}
        @mn-add-files=${this._onAddFiles}
        @mn-run-all=${this._onRunAll}
        @mn-view=${this._onView}
        @mn-present=${this._onPresent}
      ></mn-top-bar>
      ${this.session ? html`<mn-session-banner .session=${this.session}></mn-session-banner>` : nothing}
      ${
        this.view === 'lineage'
          ? html`<main aria-label="Lineage" @mn-open-cell=${this._onOpenCell}>
              <mn-lineage .revision=${runtime?.revision ?? 0} .names=${names}></mn-lineage>
            </main>`
          : dashboard
          ? html`<main
              aria-label="Dashboard"
              @mn-run-all=${this._onRunAll}
              @mn-error=${this._onCellError}
            >
              <mn-dashboard .revision=${runtime?.revision ?? 0} .names=${names}></mn-dashboard>
            </main>`
          : html`<div
              class="layout"
              @mn-run-all=${this._onRunAll}
              @mn-focus-cell=${this._onFocusCell}
              @mn-reveal-cell=${this._onRevealCell}
              @mn-cell-deleted=${this._onCellDeleted}
              @mn-error=${this._onCellError}
            >
              ${sidePanel(runtime, names, this.sizes, this.notice)}
              <main aria-label="Notebook">
                ${
                  chips.length > 0
                    ? html`<div class="filters">
                        <mn-filter-bar
                          .chips=${chips}
                          .defaults=${defaultParams(cells)}
                        ></mn-filter-bar>
                      </div>`
                    : nothing
                }
                ${repeat(
                  cells.slice(0, this.drawnCells),
                  (cell) => cell.id,
                  (cell, index) =>
                    html`<mn-cell
                      data-id=${cell.id}
                      .cell=${cell}
                      .state=${runtime!.state(cell.id)}
                      .name=${names.get(cell.id) ?? cell.id}
                      .layer=${runtime!.analysis.get(cell.id)?.layer ?? null}
                      .problems=${runtime!.problems(cell.id)}
                      ?first=${index === 0}
                      ?last=${index === cells.length - 1}
                    ></mn-cell>`,
                )}
                ${
                  this.drawnCells >= cells.length
                    ? html`<div class="append">
                        <button class="btn" @click=${() => this.appendCell('sql')}>
                          ${icons.addSql}Add SQL cell
                        </button>
                        <button class="btn" @click=${() => this.appendCell('markdown')}>
                          ${icons.addText}Add text cell
                        </button>
                      </div>`
                    : nothing
                }
              </main>
            </div>`
      }
      ${
        this.fileDrop.dragging
          ? html`<div class="overlay" aria-hidden="true">
              <div>
                ${icons.upload}Drop files to add them<span
                  >CSV, TSV, TXT or Parquet · each file becomes a bronze table</span
                >
              </div>
            </div>`
          : nothing
      }
      ${
        this.presenting
          ? html`<mn-presentation
              .revision=${runtime?.revision ?? 0}
              .names=${names}
              .notebookTitle=${notebook ? notebookTitle(notebook) : ''}
              .startAt=${this.presentFrom}
              @mn-exit-presentation=${this._onExitPresentation}
            ></mn-presentation>`
          : nothing
      }
      <mn-toasts></mn-toasts>
      <mn-shortcuts></mn-shortcuts>
    `;
  }

  private subscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const runtime = this.runtime;
    if (!runtime || !this.isConnected) return;
    this.unsubscribe = runtime.subscribe(() => this._onRuntimeChange());
  }

  private _onRuntimeChange(): void {
    this.requestUpdate();
    const runtime = this.runtime!;
    const busy = runtime.notebook.cells.some((c) =>
      ['queued', 'running'].includes(runtime.state(c.id).status),
    );
    // Tables change when a run that made them ends: that is when completion needs fresh
    // names (a slicer change makes none, and the engine has better things to do then).
    if (this.wasBusy && !busy && runtime.catalogRevision !== this.catalogRevision) {
      this.catalogRevision = runtime.catalogRevision;
      this.refreshCatalog();
    }
    if (busy && !this.wasBusy) {
      this.showRunningTimer = setTimeout(() => (this.showRunning = true), BUSY_SHOWN_AFTER_MS);
    } else if (!busy) {
      clearTimeout(this.showRunningTimer);
      this.showRunning = false;
    }
    this.wasBusy = busy;
  }

  private catalogRevision = -1;

  private refreshCatalog(): void {
    this.runtime
      ?.catalog()
      .then((catalog) => (this.catalog = catalog))
      .catch(() => undefined); // completion without the catalog still works for keywords
  }

  private appendCell(kind: CellKind): void {
    const id = this.runtime?.dispatch({ type: 'add', kind });
    if (id) this.focusAfterUpdate = id;
  }

  private cellElement(id: string): MnCell | null {
    return this.renderRoot.querySelector<MnCell>(`mn-cell[data-id="${CSS.escape(id)}"]`);
  }

  /** A cell's element, once the rest of the notebook is drawn should it not be yet. */
  private async drawnCellElement(id: string): Promise<MnCell | null> {
    if (!this.cellElement(id) && this.drawnCells !== Infinity) {
      this.drawnCells = Infinity;
      await this.updateComplete;
    }
    return this.cellElement(id);
  }

  private runAll(): void {
    this.runtime
      ?.runAll()
      .catch((error: unknown) => this.showError(`Run all failed: ${messageOf(error)}`));
  }

  /** "Cancel" in the top bar or under a loading file: the running query stops, tables stay. */
  private readonly _onCancel = (event: Event): void => {
    event.stopPropagation();
    this.runtime?.cancel().catch((error: unknown) => this.showError(`Could not cancel: ${messageOf(error)}`));
  };

  private _onRunAll(event: Event): void {
    event.stopPropagation();
    this.runAll();
  }

  private readonly _onKeyDown = (event: KeyboardEvent): void => {
    // Editors handle their own shortcut (and mark the event); this catches the rest.
    if (event.defaultPrevented) return;
    if (event.key === 'Enter' && event.shiftKey && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.runAll();
    } else if (
      event.code === 'KeyD' &&
      event.shiftKey &&
      (event.ctrlKey || event.metaKey) &&
      !event.altKey
    ) {
      event.preventDefault();
      this.setView(this.view === 'dashboard' ? 'notebook' : 'dashboard');
    }
  };

  private _onView(event: CustomEvent<{ view: ViewMode }>): void {
    this.setView(event.detail.view);
  }

  /** Shows the other view of the same runtime: nothing re-runs, filters stay. */
  private setView(view: ViewMode): void {
    if (view === this.view) return;
    this.view = view;
    const url = new URL(window.location.href);
    if (view === 'notebook') url.searchParams.delete('view');
    else url.searchParams.set('view', view);
    history.replaceState(history.state, '', url);
    window.scrollTo({ top: 0 });
  }

  private _onAddFiles(event: CustomEvent<{ files: File[] }>): void {
    void this.addFiles(event.detail.files);
  }

  private _onFocusCell(event: CustomEvent<{ id: string }>): void {
    this.focusAfterUpdate = event.detail.id;
    this.requestUpdate();
  }

  /** A lineage node was clicked: back to the notebook, at that cell. */
  private _onOpenCell(event: CustomEvent<{ id: string }>): void {
    this.setView('notebook');
    void this.revealAfterUpdate(event.detail.id);
  }

  private async revealAfterUpdate(id: string): Promise<void> {
    await this.updateComplete;
    await (await this.drawnCellElement(id))?.reveal();
  }

  /** Presents from the first cell whose top is in view, so "Present" starts where the reader is. */
  private _onPresent(): void {
    const cells = [...this.renderRoot.querySelectorAll<MnCell>('mn-cell[data-id]')];
    const inView = cells.find((el) => el.getBoundingClientRect().bottom > 80);
    this.presentFrom = this.view === 'notebook' && inView && window.scrollY > 0 ? inView.dataset['id'] ?? null : null;
    this.presenting = true;
  }

  /** Leaving presentation shows the notebook at the cell the presentation reached. */
  private _onExitPresentation(event: CustomEvent<{ id: string | null }>): void {
    this.presenting = false;
    const id = event.detail?.id;
    if (id && this.view === 'notebook') void this.revealAfterUpdate(id);
  }

  private _onRevealCell(event: CustomEvent<{ id: string }>): void {
    void this.drawnCellElement(event.detail.id).then((cell) =>
      cell?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
    );
  }

  private _onCellDeleted(event: CustomEvent<CellDeletedDetail>): void {
    const { cell, afterId } = event.detail;
    this.showToast({
      kind: 'info',
      message: 'Cell deleted.',
      action: {
        label: 'Undo',
        run: () =>
          this.runtime?.dispatch({
            type: 'add',
            kind: cell.kind,
            source: cell.source,
            id: cell.id,
            afterId,
          }),
      },
    });
  }

  private _onCellError(event: CustomEvent<{ message: string }>): void {
    this.showError(event.detail.message);
  }
}

function viewFromUrl(): ViewMode {
  if (typeof location === 'undefined') return 'notebook';
  const view = new URLSearchParams(location.search).get('view');
  return view === 'dashboard' || view === 'lineage' ? view : 'notebook';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-app': MnApp;
  }
}
