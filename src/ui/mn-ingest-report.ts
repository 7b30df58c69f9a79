/**
 * What a bronze load found, per file: encoding and BOM, delimiter, rows, and the lines it
 * could not read (with line numbers), so data problems surface at the door, not in gold.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { IngestProgress, IngestResult } from '../engine/api.ts';
import { resetStyles } from './styles/shared.ts';
import { delimiterName, encodingName, formatCount } from './format.ts';

const SHOWN_REJECTS = 5;

@customElement('mn-ingest-report')
export class MnIngestReport extends LitElement {
  static override styles = [
    resetStyles,
    css`
      :host {
        display: block;
        font-size: 13px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th {
        text-align: left;
        font-weight: 500;
        color: var(--mn-text-muted);
        font-size: 12px;
        padding: 4px 10px 6px 0;
        border-bottom: 1px solid var(--mn-border);
      }
      td {
        padding: 6px 10px 6px 0;
        border-bottom: 1px solid #f0f1f3;
        vertical-align: top;
      }
      td.file {
        font-weight: 500;
        word-break: break-all;
      }
      .num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .ok {
        color: var(--mn-ok);
      }
      .warn {
        color: var(--mn-warn);
        font-weight: 500;
      }
      .bad {
        color: var(--mn-error);
      }
      ul.rejects {
        margin: 4px 0 0;
        padding: 0;
        list-style: none;
        font: 12px/1.5 var(--mn-mono);
        color: var(--mn-text-muted);
      }
      .progress {
        display: grid;
        gap: 6px;
        color: var(--mn-text-muted);
      }
      .bar {
        height: 6px;
        border-radius: 3px;
        background: var(--mn-silver-bg);
        overflow: hidden;
      }
      .bar > span {
        display: block;
        height: 100%;
        background: var(--mn-bronze);
        transition: width 0.2s ease;
      }
      .bar.indeterminate > span {
        animation: slide 1.2s ease-in-out infinite;
      }
      @keyframes slide {
        from {
          transform: translateX(-100%);
        }
        to {
          transform: translateX(300%);
        }
      }
    `,
  ];

  @property({ attribute: false }) report: IngestResult | null = null;
  @property({ attribute: false }) progress: IngestProgress | null = null;

  override render() {
    if (this.progress) return this.renderProgress(this.progress);
    if (!this.report) return nothing;
    return html`<table>
      <thead>
        <tr>
          <th>File</th>
          <th>Encoding</th>
          <th>BOM</th>
          <th>Delimiter</th>
          <th class="num">Rows</th>
          <th class="num">Rejected</th>
        </tr>
      </thead>
      <tbody>
        ${this.report.files.map(
          (file) =>
            html`<tr>
              <td class="file">
                ${file.file} ${file.error ? html`<div class="bad">${file.error}</div>` : nothing}
                ${
                  file.rejected.length > 0
                    ? html`<ul class="rejects" aria-label="Rejected lines in ${file.file}">
                        ${file.rejected.slice(0, SHOWN_REJECTS).map((r) => html`<li>line ${formatCount(r.line)}: ${r.reason}</li>`)}
                        ${
                          file.rejected.length > SHOWN_REJECTS
                            ? html`<li>
                                … and ${formatCount(file.rejected.length - SHOWN_REJECTS)} more
                              </li>`
                            : nothing
                        }
                      </ul>`
                    : nothing
                }
              </td>
              <td>${encodingName(file.encoding, false)}</td>
              <td>${file.bom ? 'yes' : 'no'}</td>
              <td>${file.dialect ? delimiterName(file.dialect.delimiter) : '—'}</td>
              <td class="num">${formatCount(file.rows)}</td>
              <td class="num ${file.rejected.length > 0 ? 'warn' : 'ok'}">
                ${formatCount(file.rejected.length)}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderProgress(progress: IngestProgress) {
    const percent =
      progress.bytesTotal > 0 ? Math.round((100 * progress.bytesDone) / progress.bytesTotal) : 0;
    const what =
      progress.phase === 'detecting'
        ? `Checking encoding of ${progress.file} (file ${progress.fileIndex + 1} of ${progress.fileCount})`
        : progress.phase === 'loading'
          ? `Loading ${progress.fileCount === 1 ? progress.file : `${progress.fileCount} files`}`
          : `Finishing ${progress.file}`;
    // Detection reads bytes we can count; DuckDB's load itself reports nothing, so the bar
    // then moves without claiming a percentage.
    const indeterminate = progress.phase !== 'detecting';
    return html`<div class="progress">
      <span>${what}…</span>
      <div
        role="progressbar"
        aria-label="Loading files"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${indeterminate ? nothing : percent}
        class="bar ${indeterminate ? 'indeterminate' : ''}"
      >
        <span style="width:${indeterminate ? 35 : percent}%"></span>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-ingest-report': MnIngestReport;
  }
}
