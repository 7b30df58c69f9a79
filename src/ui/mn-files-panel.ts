/**
 * The files the notebook has: name and size, and once a bronze cell loaded them, what
 * the load found (encoding, BOM, delimiter, rows, rejected lines). With no files yet it
 * explains how to add some.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FileIngestReport } from '../engine/api.ts';
import { resetStyles } from './styles/shared.ts';
import { icons } from './icons.ts';
import { delimiterName, encodingName, formatBytes, formatCount, formatRows } from './format.ts';

@customElement('mn-files-panel')
export class MnFilesPanel extends LitElement {
  static override styles = [
    resetStyles,
    css`
      :host {
        display: block;
        font-size: 13px;
      }
      h2 {
        margin: 0 0 8px;
      }
      h2 button {
        display: flex;
        align-items: center;
        gap: 6px;
        width: 100%;
        padding: 2px 0;
        border: none;
        background: none;
        font: 600 12px/1.4 var(--mn-font);
        letter-spacing: 0.05em;
        text-transform: uppercase;
        color: var(--mn-text-muted);
        cursor: pointer;
      }
      h2 button:focus-visible {
        outline: none;
        box-shadow: var(--mn-focus);
      }
      h2 .count {
        margin-left: auto;
        font-weight: 500;
        letter-spacing: 0;
      }
      h2 .chevron {
        transition: transform 0.15s ease;
      }
      h2 button[aria-expanded='false'] .chevron {
        transform: rotate(-90deg);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 2px;
      }
      li {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 2px 8px;
        padding: 7px 8px;
        border-radius: var(--mn-radius-sm);
      }
      li:hover {
        background: var(--mn-surface);
      }
      .name {
        font-weight: 500;
        overflow-wrap: anywhere;
      }
      .size {
        color: var(--mn-text-faint);
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .details {
        grid-column: 1 / 3;
        color: var(--mn-text-muted);
        font-size: 12px;
        font-variant-numeric: tabular-nums;
      }
      .rejected {
        color: var(--mn-warn);
        font-weight: 500;
      }
      .failed {
        color: var(--mn-error);
      }
      .empty {
        display: grid;
        justify-items: center;
        gap: 8px;
        padding: 20px 14px;
        text-align: center;
        color: var(--mn-text-muted);
        border: 1.5px dashed var(--mn-border-strong);
        border-radius: var(--mn-radius);
        background: var(--mn-surface);
      }
      .empty svg {
        width: 26px;
        height: 26px;
        color: var(--mn-accent);
      }
      .empty strong {
        color: var(--mn-text);
      }
      .notice {
        margin: 0 0 8px;
        color: var(--mn-run);
        font-size: 12.5px;
      }
    `,
  ];

  @property({ attribute: false }) files: readonly string[] = [];
  @property({ attribute: false }) sizes: ReadonlyMap<string, number> = new Map();
  @property({ attribute: false }) reports: ReadonlyMap<string, FileIngestReport> = new Map();
  /** A passing message such as "Loading sample data…". */
  @property() notice: string | null = null;

  /** Folded by default on small screens, where the list would push the notebook down. */
  @state() private open = !matchMedia('(max-width: 900px)').matches;

  override render() {
    const empty = this.files.length === 0;
    return html`<h2>
        <button
          aria-expanded=${this.open || empty ? 'true' : 'false'}
          ?disabled=${empty}
          @click=${this._onToggle}
        >
          <span class="chevron" aria-hidden="true">▾</span>Files
          ${empty ? nothing : html`<span class="count">${this.files.length}</span>`}
        </button>
      </h2>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${
        empty
          ? this.renderEmpty()
          : this.open
            ? html`<ul aria-label="Loaded files">
                ${this.files.map((f) => this.renderFile(f))}
              </ul>`
            : nothing
      }`;
  }

  private _onToggle(): void {
    this.open = !this.open;
  }

  private renderEmpty() {
    return html`<div class="empty">
      ${icons.upload}
      <strong>No data files yet</strong>
      <span
        >Drop CSV files anywhere on the notebook, or use <em>Add data files</em>. Each file lands in
        a bronze table as raw text.</span
      >
    </div>`;
  }

  private renderFile(name: string) {
    const size = this.sizes.get(name);
    const report = this.reports.get(name);
    return html`<li>
      <span class="name">${name}</span>
      <span class="size">${size === undefined ? '' : formatBytes(size)}</span>
      <span class="details">${report ? this.renderReport(report) : 'Not loaded yet'}</span>
    </li>`;
  }

  private renderReport(report: FileIngestReport) {
    if (report.error) return html`<span class="failed">${report.error}</span>`;
    const parts = [
      encodingName(report.encoding, report.bom).replace(' with ', ' '),
      report.dialect ? delimiterName(report.dialect.delimiter) : null,
      formatRows(report.rows),
    ].filter((p) => p !== null);
    const rejected = report.rejected.length;
    return html`${parts.join(' · ')}${
      rejected > 0
        ? html` · <span class="rejected">${formatCount(rejected)} rejected</span>`
        : html` · 0 rejected`
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-files-panel': MnFilesPanel;
  }
}
