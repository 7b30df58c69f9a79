/**
 * A test cell's outcome: one line per declared test, pass or fail with its sentence. A
 * failure opens up: how many rows offend, the author's hint, a sample of the offending
 * rows in the result grid, and the SQL that lists them all, to copy or to add as a query
 * cell below. Failures are where learning happens, so they get the room.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CellResult, CellTestResult } from '../runtime/cell-state.ts';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { runtimeContext } from './runtime-context.ts';
import { resetStyles, buttonStyles } from './styles/shared.ts';
import { formatCount } from './format.ts';
import { copyText } from './copy-text.ts';
import './mn-result-grid.ts';

@customElement('mn-test-results')
export class MnTestResults extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    css`
      :host {
        display: block;
        font-size: 13px;
      }
      .summary {
        display: flex;
        align-items: center;
        gap: 8px;
        margin: 0 0 8px;
        font-weight: 600;
      }
      .summary.pass {
        color: var(--mn-ok);
      }
      .summary.fail {
        color: var(--mn-error);
      }
      .mark {
        display: inline-grid;
        place-items: center;
        flex: none;
        width: 18px;
        height: 18px;
        border-radius: 50%;
        font: 700 11px/1 var(--mn-font);
        color: #fff;
        background: var(--mn-ok);
      }
      .fail > .mark,
      .fail .head > .mark {
        background: var(--mn-error);
      }
      ul {
        display: grid;
        margin: 0;
        padding: 0;
        list-style: none;
        border: 1px solid var(--mn-border);
        border-radius: var(--mn-radius-sm);
        overflow: hidden;
      }
      li + li {
        border-top: 1px solid var(--mn-border);
      }
      li.fail {
        background: #fffafa;
      }
      .head {
        display: grid;
        /* A long test name wraps within its share instead of squeezing the sentence. */
        grid-template-columns: auto fit-content(45%) minmax(0, 1fr) auto;
        align-items: baseline;
        gap: 10px;
        padding: 7px 10px;
      }
      .head > .mark {
        align-self: center;
      }
      .name {
        font: 600 12.5px/1.4 var(--mn-mono);
        overflow-wrap: anywhere;
      }
      .text {
        color: var(--mn-text-muted);
      }
      .fail .text {
        color: var(--mn-error);
      }
      .toggle {
        padding: 2px 6px;
        border: none;
        border-radius: 4px;
        background: none;
        color: var(--mn-text-faint);
        font: 500 12px/1.2 var(--mn-font);
        cursor: pointer;
      }
      .toggle:hover,
      .toggle[aria-expanded='true'] {
        color: var(--mn-accent);
        background: var(--mn-accent-soft);
      }
      .toggle:focus-visible {
        outline: none;
        box-shadow: var(--mn-focus);
      }
      .detail {
        display: grid;
        gap: 10px;
        padding: 2px 10px 12px 38px;
      }
      .count {
        margin: 0;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .hint {
        display: flex;
        gap: 8px;
        margin: 0;
        padding: 8px 12px;
        border-radius: var(--mn-radius-sm);
        background: var(--mn-accent-soft);
        color: #27336b;
        line-height: 1.5;
      }
      .hint strong {
        flex: none;
      }
      .error {
        margin: 0;
        padding: 8px 10px;
        border: 1px solid var(--mn-error-border);
        border-radius: var(--mn-radius-sm);
        background: var(--mn-error-bg);
        color: var(--mn-error);
        font: 12px/1.5 var(--mn-mono);
        white-space: pre-wrap;
      }
      .sql {
        display: grid;
        gap: 6px;
      }
      .sql-head {
        display: flex;
        align-items: center;
        gap: 6px;
        color: var(--mn-text-muted);
        font-size: 12px;
      }
      .sql-head span {
        flex: 1;
      }
      .sql-head .btn {
        height: 26px;
        padding: 0 10px;
        font-size: 12px;
      }
      pre {
        margin: 0;
        padding: 8px 10px;
        border-radius: var(--mn-radius-sm);
        background: #f4f5f7;
        font: 12px/1.5 var(--mn-mono);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) tests: readonly CellTestResult[] = [];
  /** The table the tests check, e.g. `gold.fact_sales`. */
  @property() table = '';
  /** The test cell, so "Add as query cell" can put the query right below it. */
  @property() cellId = '';

  @consume({ context: runtimeContext })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  /** Passing tests whose SQL was opened, by index. */
  @state() private open = new Set<number>();
  @state() private copied: number | null = null;

  private readonly samples = new WeakMap<CellTestResult, CellResult>();

  override render() {
    const tests = this.tests;
    if (tests.length === 0) return nothing;
    const failed = tests.filter((t) => !t.passed).length;
    const of = this.table ? ` of ${this.table}` : '';
    return html`<p class="summary ${failed > 0 ? 'fail' : 'pass'}" role="status">
        <span class="mark" aria-hidden="true">${failed > 0 ? '✗' : '✓'}</span>
        ${
          failed > 0
            ? `${failed} of ${tests.length} test${tests.length === 1 ? '' : 's'}${of} failed`
            : `All ${tests.length} test${tests.length === 1 ? '' : 's'}${of} passed`
        }
      </p>
      <ul aria-label="Test results${of}">
        ${tests.map((test, index) => this.renderTest(test, index))}
      </ul>`;
  }

  private renderTest(test: CellTestResult, index: number) {
    const failed = !test.passed;
    const open = failed || this.open.has(index);
    return html`<li class=${failed ? 'fail' : 'pass'} data-test=${test.name} aria-label="${test.name}: ${failed ? 'failed' : 'passed'}">
      <div class="head">
        <span class="mark" aria-hidden="true">${failed ? '✗' : '✓'}</span>
        <span class="name">${test.name}</span>
        <span class="text">${test.summary}</span>
        ${
          failed
            ? nothing
            : html`<button
                class="toggle"
                aria-expanded=${open ? 'true' : 'false'}
                @click=${() => this.toggle(index)}
              >
                ${open ? 'Hide SQL' : 'SQL'}
              </button>`
        }
      </div>
      ${open ? this.renderDetail(test, index) : nothing}
    </li>`;
  }

  private renderDetail(test: CellTestResult, index: number) {
    const failed = !test.passed;
    const shown = test.sample.numRows;
    return html`<div class="detail">
      ${test.error ? html`<pre class="error">${test.error}</pre>` : nothing}
      ${
        failed && !test.error && test.failures > 0 && test.kind !== 'row_count'
          ? html`<p class="count">
              ${countText(test)}${shown > 0 && shown < test.failures ? ` · the first ${formatCount(shown)} below` : ''}
            </p>`
          : nothing
      }
      ${
        failed && test.hint
          ? html`<p class="hint"><strong>Hint</strong><span>${test.hint}</span></p>`
          : nothing
      }
      ${
        failed && shown > 0
          ? html`<mn-result-grid
              .result=${this.sampleOf(test)}
              .label=${`Failing rows of ${test.name}`}
            ></mn-result-grid>`
          : nothing
      }
      <div class="sql">
        <div class="sql-head">
          <span>${failed ? 'List every offending row with:' : 'This test passes when this query returns no rows:'}</span>
          <button class="btn" @click=${() => this.copy(test, index)}>
            ${this.copied === index ? 'Copied' : 'Copy SQL'}
          </button>
          ${
            this.runtime && this.cellId
              ? html`<button class="btn" @click=${() => this.addQuery(test)}>Add as query cell</button>`
              : nothing
          }
        </div>
        <pre aria-label="SQL of ${test.name}">${test.sql}</pre>
      </div>
    </div>`;
  }

  private sampleOf(test: CellTestResult): CellResult {
    let result = this.samples.get(test);
    if (!result) {
      result = { relation: null, rows: test.sample.numRows, preview: test.sample, elapsedMs: 0 };
      this.samples.set(test, result);
    }
    return result;
  }

  private toggle(index: number): void {
    const open = new Set(this.open);
    if (open.has(index)) open.delete(index);
    else open.add(index);
    this.open = open;
  }

  private async copy(test: CellTestResult, index: number): Promise<void> {
    if (await copyText(test.sql, this.renderRoot as ShadowRoot)) {
      this.copied = index;
      setTimeout(() => {
        if (this.copied === index) this.copied = null;
      }, 1500);
    }
  }

  private addQuery(test: CellTestResult): void {
    const id = this.runtime?.dispatch({
      type: 'add',
      kind: 'sql',
      source: `-- Offending rows of ${test.name}\n${test.sql}`,
      afterId: this.cellId,
    });
    if (id)
      this.dispatchEvent(
        new CustomEvent('mn-focus-cell', { detail: { id }, bubbles: true, composed: true }),
      );
  }
}

/** "2 duplicated keys", "13 unexpected values", "5 offending rows". */
function countText(test: CellTestResult): string {
  const n = test.failures;
  const plural = (one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;
  switch (test.kind) {
    case 'unique':
      return plural('duplicated key', 'duplicated keys');
    case 'accepted_values':
      return plural('unexpected value', 'unexpected values');
    default:
      return plural('offending row', 'offending rows');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-test-results': MnTestResults;
  }
}
