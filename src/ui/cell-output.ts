/**
 * What a cell produced, under its editor: the error or note its state calls for, the
 * loading report of a bronze cell, the result grid (with export), a chart's data, a test
 * cell's results, a silver cell's cleaning report. A template of mn-cell, drawn in its
 * shadow root with its styles.
 */
import { html, nothing } from 'lit';
import type { Cell, CellKind } from '../notebook/types.ts';
import type { CellState } from '../runtime/cell-state.ts';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { layerOf } from '../analysis/analyze-sql.ts';
import { formatRows } from './format.ts';
import './mn-result-grid.ts';
import './mn-table-export.ts';
import './mn-ingest-report.ts';
import './mn-test-results.ts';
import './mn-cleaning-report.ts';

export interface OutputContext {
  readonly cell: Cell;
  readonly state: CellState;
  /** The cell's name, for the grid's label and export file names. */
  readonly name: string;
  readonly runtime: NotebookRuntime | undefined;
  /** Whether a message only repeats the problems listed above the output. */
  saysProblems(message: string | null): boolean;
  /** Makes a bronze cell's table a view over its files (offered when they are too big). */
  onQueryInPlace(): void;
  /** The line of the cell's text the error names ("LINE 4: …"), and how to go there. */
  readonly errorLine: number | null;
  onGoToLine(line: number): void;
}

export function cellOutput(context: OutputContext) {
  const { state, cell, name, runtime } = context;
  const parts = [];
  // Failed data tests show as the test list below, not as one long error message.
  const failedTests = cell.kind === 'test' && state.tests !== undefined && state.status === 'error';
  // A spec's problems are listed above the output already; the error would repeat them.
  if (state.status === 'error' && state.message && !failedTests && !context.saysProblems(state.message)) {
    parts.push(html`<pre class="error" role="alert">${state.message}</pre>`);
    const line = context.errorLine;
    if (line !== null) {
      parts.push(html`<p class="note"><button class="btn" @click=${() => context.onGoToLine(line)}>Go to line ${line}</button></p>`);
    }
    // The engine found the files too big to load (csv-ingest.ts): offer its way out.
    if (cell.kind === 'bronze' && state.message.includes('"materialize: false"') && !/^\s*materialize\s*:/m.test(cell.source)) {
      parts.push(
        html`<p class="note">
          <button class="btn" @click=${context.onQueryInPlace}>Query the file in place</button>
          Nothing is loaded; each query reads the file again.
        </p>`,
      );
    }
  } else if (state.status === 'blocked' && !context.saysProblems(state.message)) {
    parts.push(
      html`<p class="note blocked">${state.message ?? 'Not run: an upstream cell failed.'}</p>`,
    );
  } else if (state.status === 'done' && state.message) {
    parts.push(html`<p class="note">${state.message}</p>`);
  } else if (state.status === 'stale') {
    parts.push(
      // After an engine restart the message says what was lost; otherwise an edit did it.
      html`<p class="note">
        ${state.message ?? 'Out of date: this cell or a table it reads changed. Run it to refresh.'}
      </p>`,
    );
  }
  if (cell.kind === 'bronze' && (state.progress || (state.ingest && state.status !== 'error'))) {
    parts.push(
      html`<mn-ingest-report
        .report=${state.ingest}
        .progress=${state.progress}
        .cellId=${cell.id}
        .source=${cell.source}
        editable
      ></mn-ingest-report>`,
    );
  }
  const result = state.result;
  if (result && state.status !== 'error' && state.status !== 'blocked' && cell.kind === 'chart') {
    parts.push(
      html`<details>
        <summary>Data behind the chart (${formatRows(result.rows)})</summary>
        <mn-result-grid .result=${result} .label=${`Data of ${name}`}></mn-result-grid>
      </details>`,
    );
  } else if (
    result &&
    state.status !== 'error' &&
    state.status !== 'blocked' &&
    !isVisual(cell.kind)
  ) {
    const grid = html`<mn-result-grid
        .result=${result}
        .label=${`Result of ${name}`}
      ></mn-result-grid>
      ${result.relation
        ? html`<mn-table-export
            .engine=${runtime?.engine}
            .relation=${result.relation}
            name=${name}
          ></mn-table-export>`
        : nothing}`;
    parts.push(
      cell.kind === 'bronze'
        ? html`<details>
            <summary>Preview raw rows</summary>
            ${grid}
          </details>`
        : grid,
    );
  }
  if (cell.kind === 'test' && state.tests && state.status !== 'blocked') {
    parts.push(
      html`<mn-test-results
        .tests=${state.tests}
        .table=${runtime?.analysis.get(cell.id)?.references[0] ?? ''}
        .cellId=${cell.id}
      ></mn-test-results>`,
    );
  }
  if (result && state.status !== 'error' && state.status !== 'blocked' && buildsFromBronze(cell, runtime)) {
    parts.push(
      html`<mn-cleaning-report
        .cellId=${cell.id}
        .table=${name}
        .result=${result}
      ></mn-cleaning-report>`,
    );
  }
  if (parts.length === 0) return nothing;
  const dim = state.status !== 'done' && state.status !== 'error' && state.status !== 'blocked';
  return html`<div class="out ${dim ? 'dim' : ''}">${parts}</div>`;
}

/** Cells that show as a slicer, a KPI card or a chart rather than as their text. */
export function isVisual(kind: CellKind): boolean {
  return kind === 'input' || kind === 'kpi' || kind === 'chart';
}

/** A silver table made from bronze rows: it gets a cleaning report. */
function buildsFromBronze(cell: Cell, runtime: NotebookRuntime | undefined): boolean {
  const a = runtime?.analysis.get(cell.id);
  return cell.kind === 'sql' && !!a?.defines && a.layer === 'silver' && a.references.some((r) => layerOf(r) === 'bronze');
}
