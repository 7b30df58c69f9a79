/**
 * What a silver cell did to the bronze rows it reads, under the cell, closed until asked
 * (it costs a few scans): a funnel of rows in → filtered → duplicates removed → rows out,
 * files that repeat each other, the schema before and after (raw text → type), values that
 * failed to convert, nulls, and the date forms each raw column uses. This is where a
 * learner sees that the sales files came twice and birth dates in two forms.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CleaningReport, CleanedColumnSummary, RawColumnSummary } from '../engine/api.ts';
import type { CellResult } from '../runtime/cell-state.ts';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { runtimeContext } from './runtime-context.ts';
import { resetStyles } from './styles/shared.ts';
import { formatCount, formatSeconds } from './format.ts';

@customElement('mn-cleaning-report')
export class MnCleaningReport extends LitElement {
  static override styles = [
    resetStyles,
    css`
      :host {
        display: block;
        font-size: 13px;
      }
      details {
        border: 1px solid var(--mn-silver-border);
        border-radius: var(--mn-radius-sm);
        background: var(--mn-surface);
      }
      summary {
        display: flex;
        align-items: center;
        gap: 10px;
        padding: 8px 12px;
        cursor: pointer;
        list-style: none;
        border-radius: var(--mn-radius-sm);
      }
      summary::-webkit-details-marker {
        display: none;
      }
      summary::before {
        content: '';
        width: 7px;
        height: 7px;
        border-right: 2px solid var(--mn-text-muted);
        border-bottom: 2px solid var(--mn-text-muted);
        transform: rotate(-45deg);
        transition: transform 0.15s ease;
        flex: none;
      }
      details[open] > summary::before {
        transform: rotate(45deg);
      }
      details[open] > summary {
        border-bottom: 1px solid var(--mn-border);
        border-radius: var(--mn-radius-sm) var(--mn-radius-sm) 0 0;
      }
      summary:hover {
        background: var(--mn-surface-muted);
      }
      summary:focus-visible {
        outline: none;
        box-shadow: var(--mn-focus);
      }
      .title {
        font-weight: 600;
      }
      .peek {
        color: var(--mn-text-muted);
        font-variant-numeric: tabular-nums;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .peek .removed {
        color: var(--mn-error);
        font-weight: 500;
      }
      .body {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 16px;
        padding: 14px 14px 16px;
      }
      h4 {
        margin: 0 0 6px;
        font-size: 11.5px;
        font-weight: 600;
        letter-spacing: 0.05em;
        text-transform: uppercase;
        color: var(--mn-text-muted);
      }
      .muted {
        color: var(--mn-text-muted);
      }
      .error {
        color: var(--mn-error);
      }
      .funnel {
        display: grid;
        grid-template-columns: minmax(150px, max-content) minmax(120px, 1fr) max-content;
        align-items: center;
        gap: 6px 14px;
        max-width: 760px;
      }
      .funnel .label {
        color: var(--mn-text);
      }
      .funnel .label small {
        display: block;
        color: var(--mn-text-muted);
        font-size: 11.5px;
      }
      .track {
        position: relative;
        display: flex;
        height: 16px;
        border-radius: 3px;
        background: #f1f3f5;
        overflow: hidden;
      }
      .track span {
        height: 100%;
      }
      .kept.bronze {
        background: #e0b48a;
      }
      .kept.silver {
        background: #9aa4b2;
      }
      .kept.step {
        background: #d4d9e0;
      }
      .cut {
        background: repeating-linear-gradient(
          -45deg,
          #f1a9a0,
          #f1a9a0 4px,
          #fbd5d0 4px,
          #fbd5d0 8px
        );
      }
      .funnel .n {
        text-align: right;
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .funnel .n.cut-n {
        color: var(--mn-error);
      }
      .funnel .n.zero {
        color: var(--mn-text-faint);
        font-weight: 400;
      }
      ul.notes {
        display: grid;
        gap: 4px;
        margin: 0;
        padding: 10px 12px 10px 30px;
        border-radius: var(--mn-radius-sm);
        background: var(--mn-accent-soft);
        color: #27336b;
        line-height: 1.5;
      }
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th {
        text-align: left;
        font-weight: 500;
        font-size: 12px;
        color: var(--mn-text-muted);
        padding: 4px 12px 6px 0;
        border-bottom: 1px solid var(--mn-border);
        white-space: nowrap;
      }
      td {
        padding: 5px 12px 5px 0;
        border-bottom: 1px solid #f0f1f3;
        vertical-align: baseline;
      }
      tr.flag td {
        background: #fff8ec;
      }
      .num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .mono {
        font: 12px/1.45 var(--mn-mono);
      }
      .type {
        font: 11.5px/1.45 var(--mn-mono);
        color: var(--mn-text-muted);
      }
      .arrow {
        color: var(--mn-text-faint);
        padding: 0 4px;
      }
      .badge {
        display: inline-block;
        padding: 1px 7px;
        border-radius: 999px;
        font-size: 11.5px;
        font-weight: 500;
      }
      .badge.dup {
        background: var(--mn-error-bg);
        color: var(--mn-error);
      }
      .badge.ok {
        background: var(--mn-ok-bg);
        color: var(--mn-ok);
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
      }
      .chip {
        padding: 0 6px;
        border-radius: 4px;
        background: #fdebc8;
        color: var(--mn-warn);
        font: 11.5px/1.6 var(--mn-mono);
      }
      .warnnum {
        color: var(--mn-warn);
        font-weight: 600;
      }
      .expr {
        display: block;
        max-width: 280px;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        color: var(--mn-text-faint);
        font: 11px/1.4 var(--mn-mono);
      }
    `,
  ];

  @property() cellId = '';
  /** The silver table, for the headings. */
  @property() table = '';
  /** The cell's latest result: a new one (the cell re-ran) makes the report out of date. */
  @property({ attribute: false }) result: CellResult | null = null;
  /** Start open (presentation mode). */
  @property({ type: Boolean }) open = false;

  @consume({ context: runtimeContext })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  @state() private report: CleaningReport | null = null;
  @state() private loading = false;
  @state() private error: string | null = null;
  @state() private expanded = false;
  private fetchedFor: CellResult | null | undefined = undefined;
  private request = 0;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('open') && this.open) this.expanded = true;
    if (changed.has('result') && this.expanded && this.fetchedFor !== this.result) void this.load();
    if (changed.has('expanded') && this.expanded && this.fetchedFor !== this.result) void this.load();
  }

  override render() {
    const report = this.report;
    return html`<details
      ?open=${this.expanded}
      @toggle=${this._onToggle}
      aria-label="Cleaning report of ${this.table}"
    >
      <summary>
        <span class="title">Cleaning report</span>
        <span class="peek">${report ? this.peek(report) : `What ${this.table} did to the bronze rows it reads`}</span>
      </summary>
      ${this.expanded ? html`<div class="body">${this.renderBody()}</div>` : nothing}
    </details>`;
  }

  private peek(report: CleaningReport) {
    const removed = report.duplicatesRemoved ?? 0;
    const failed = report.after.reduce((n, c) => n + (c.failed ?? 0), 0);
    return html`${formatCount(report.rowsIn)} rows in → ${formatCount(report.rowsOut)} out${
      removed > 0
        ? html` · <span class="removed">${formatCount(removed)} duplicates removed</span>`
        : nothing
    }${
      failed > 0
        ? html` · <span class="removed">${formatCount(failed)} values failed to convert</span>`
        : nothing
    }`;
  }

  private renderBody() {
    if (this.error) return html`<p class="error" role="alert">Could not make the report: ${this.error}</p>`;
    const report = this.report;
    if (!report) return html`<p class="muted" role="status">Comparing ${this.table} with its bronze rows…</p>`;
    return html`
      ${this.loading ? html`<p class="muted" role="status">Updating…</p>` : nothing}
      ${this.renderFunnel(report)}
      ${
        report.notes.length > 0
          ? html`<ul class="notes" aria-label="Findings">
              ${report.notes.map((note) => html`<li>${note}</li>`)}
            </ul>`
          : nothing
      }
      ${report.files.length > 0 ? this.renderFiles(report) : nothing}
      ${this.renderSchema(report)}
      ${this.renderFormats(report.before)}
      <p class="muted">Computed in ${formatSeconds(report.elapsedMs)} from ${report.sources.join(', ')}.</p>
    `;
  }

  private renderFunnel(report: CleaningReport) {
    const rowsIn = report.rowsIn;
    const filtered = report.rowsFiltered;
    const duplicates = report.duplicatesRemoved;
    const other = rowsIn - (filtered ?? 0) - (duplicates ?? 0) - report.rowsOut;
    const scale = Math.max(rowsIn, report.rowsOut, 1);
    const pct = (n: number) => `${Math.max(0, (100 * n) / scale)}%`;
    let remaining = rowsIn;
    const step = (label: string, detail: string | null, cut: number | null) => {
      const before = remaining;
      if (cut !== null) remaining -= cut;
      return html`<span class="label">${label}${detail ? html`<small>${detail}</small>` : nothing}</span>
        <span class="track" aria-hidden="true"
          ><span class="kept step" style="width:${pct(Math.min(before, remaining))}"></span
          ><span class="cut" style="width:${pct(Math.max(0, cut ?? 0))}"></span
        ></span>
        <span class="n ${cut ? 'cut-n' : 'zero'}"
          >${cut === null ? 'not known' : cut === 0 ? 'none' : `−${formatCount(cut)}`}</span
        >`;
    };
    const sources = report.sources.join(' + ');
    return html`<section aria-label="Rows">
      <h4>Rows</h4>
      <div class="funnel">
        <span class="label">Rows in<small>${sources}</small></span>
        <span class="track" aria-hidden="true"
          ><span class="kept bronze" style="width:${pct(rowsIn)}"></span
        ></span>
        <span class="n">${formatCount(rowsIn)}</span>
        ${step('Filtered out', 'by the WHERE clause', filtered)}
        ${step(
          'Duplicates removed',
          report.key ? `one row per ${report.key.join(', ')}` : null,
          duplicates,
        )}
        ${
          other !== 0
            ? other > 0
              ? step('Other rows dropped', 'by joins or grouping', other)
              : html`<span class="label">Rows added<small>by joins</small></span>
                  <span class="track" aria-hidden="true"></span>
                  <span class="n">+${formatCount(-other)}</span>`
            : nothing
        }
        <span class="label">Rows out<small>${report.table}</small></span>
        <span class="track" aria-hidden="true"
          ><span class="kept silver" style="width:${pct(report.rowsOut)}"></span
        ></span>
        <span class="n">${formatCount(report.rowsOut)}</span>
      </div>
    </section>`;
  }

  private renderFiles(report: CleaningReport) {
    return html`<section aria-label="Source files">
      <h4>Source files</h4>
      <div class="scroll"><table>
        <thead>
          <tr>
            <th>File</th>
            <th class="num">Rows</th>
            <th>Same rows as</th>
          </tr>
        </thead>
        <tbody>
          ${report.files.map(
            (f) =>
              html`<tr class=${f.identicalTo ? 'flag' : ''}>
                <td class="mono">${f.file}</td>
                <td class="num">${formatCount(f.rows)}</td>
                <td>
                  ${
                    f.identicalTo
                      ? html`<span class="badge dup">identical to ${f.identicalTo}</span>`
                      : html`<span class="muted">—</span>`
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table></div>
    </section>`;
  }

  private renderSchema(report: CleaningReport) {
    const raw = new Map(report.before.map((c) => [c.name, c]));
    const used = new Set(report.after.map((c) => c.source).filter((s) => s !== null));
    const dropped = report.before.filter((c) => !used.has(c.name) && !c.name.startsWith('_'));
    return html`<section aria-label="Schema before and after">
      <h4>Schema: raw text → typed</h4>
      <div class="scroll"><table>
        <thead>
          <tr>
            <th>Raw column</th>
            <th></th>
            <th>Column</th>
            <th>Type</th>
            <th class="num">Nulls</th>
            <th class="num" title="Non-empty raw values that came out null: a failed cast, or a value mapped to null">Failed</th>
            <th>Values that failed</th>
          </tr>
        </thead>
        <tbody>
          ${report.after.map((c) => this.renderColumn(c, c.source ? raw.get(c.source) : undefined))}
        </tbody>
      </table></div>
      ${
        dropped.length > 0
          ? html`<p class="muted">Not kept: ${dropped.map((c) => c.name).join(', ')}.</p>`
          : nothing
      }
    </section>`;
  }

  private renderColumn(column: CleanedColumnSummary, raw: RawColumnSummary | undefined) {
    const failed = column.failed ?? 0;
    const introduced = raw ? Math.max(0, column.nulls - raw.empty) : null;
    return html`<tr class=${failed > 0 ? 'flag' : ''}>
      <td>
        ${
          column.source
            ? html`<span class="mono">${column.source}</span>
                <span class="type">${raw?.type === 'VARCHAR' ? 'text' : (raw?.type ?? '')}</span>`
            : html`<span class="muted">—</span>`
        }
        ${column.expression ? html`<span class="expr" title=${column.expression}>${column.expression}</span>` : nothing}
      </td>
      <td class="arrow" aria-hidden="true">→</td>
      <td class="mono">${column.name}</td>
      <td class="type">${column.type}</td>
      <td class="num" title=${introduced !== null && raw ? `${formatCount(raw.empty)} raw values were empty` : nothing}>
        ${formatCount(column.nulls)}
      </td>
      <td class="num">
        ${
          column.failed === null
            ? html`<span class="muted" title="Could not be worked out for this column">—</span>`
            : failed > 0
              ? html`<span class="warnnum">${formatCount(failed)}</span>`
              : html`<span class="muted">0</span>`
        }
      </td>
      <td>
        <span class="chips">
          ${column.failedExamples.map(
            (e) => html`<span class="chip" title="${formatCount(e.count)} values">${e.value === '' ? '(blank)' : e.value} ×${formatCount(e.count)}</span>`,
          )}
        </span>
      </td>
    </tr>`;
  }

  private renderFormats(before: readonly RawColumnSummary[]) {
    const dated = before.filter((c) => c.formats && c.formats.length > 0);
    if (dated.length === 0) return nothing;
    return html`<section aria-label="Date formats seen">
      <h4>Date formats seen</h4>
      <div class="scroll"><table>
        <thead>
          <tr>
            <th>Raw column</th>
            <th>Written as</th>
            <th class="num">Values</th>
            <th>Example</th>
            <th class="num">Read either way</th>
          </tr>
        </thead>
        <tbody>
          ${dated.flatMap((c) =>
            c.formats!.map(
              (f, i) =>
                html`<tr class=${c.formats!.length > 1 ? 'flag' : ''}>
                  <td class="mono">${i === 0 ? c.name : ''}</td>
                  <td class="mono">${f.format}</td>
                  <td class="num">${formatCount(f.count)}</td>
                  <td class="mono">${f.example}</td>
                  <td class="num" title="Day and month both 12 or less: the value alone cannot say which comes first">
                    ${formatCount(f.ambiguous)}
                  </td>
                </tr>`,
            ),
          )}
        </tbody>
      </table></div>
    </section>`;
  }

  private _onToggle(event: Event): void {
    this.expanded = (event.currentTarget as HTMLDetailsElement).open;
  }

  private async load(): Promise<void> {
    const runtime = this.runtime;
    if (!runtime || !this.cellId) return;
    const request = ++this.request;
    const result = this.result;
    this.fetchedFor = result;
    this.loading = true;
    this.error = null;
    try {
      const report = await runtime.cleaningReport(this.cellId);
      if (request !== this.request) return;
      this.report = report;
      if (!report) this.error = 'this cell does not make a table from bronze.';
    } catch (error) {
      if (request !== this.request) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.fetchedFor = undefined;
    } finally {
      if (request === this.request) this.loading = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-cleaning-report': MnCleaningReport;
  }
}
