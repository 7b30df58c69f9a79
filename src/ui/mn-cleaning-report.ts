/**
 * What a silver cell did to the bronze rows it reads, under the cell, closed until asked
 * (it costs a few scans): a funnel of rows in → filtered → duplicates removed → rows out,
 * files that repeat each other, the schema before and after (raw text → type), values that
 * failed to convert, nulls, and the date forms each raw column uses. This is where a
 * learner sees that the sales files came twice and birth dates in two forms.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CleaningReport, CleanedColumnSummary, RawColumnSummary } from '../engine/api.ts';
import type { CellResult } from '../runtime/cell-state.ts';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { runtimeContext } from './runtime-context.ts';
import { resetStyles } from './styles/shared.ts';
import { cleaningReportStyles } from './styles/cleaning-report-styles.ts';
import { formatCount, formatSeconds } from './format.ts';

@customElement('mn-cleaning-report')
export class MnCleaningReport extends LitElement {
  static override styles = [
    resetStyles,
    cleaningReportStyles,
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
