/**
 * What a bronze load found, per file: encoding and BOM, delimiter, quote, header, the
 * lines skipped before the header, warnings in words, and the lines DuckDB could not read
 * (line number, reason, text), so data problems surface at the door, not in gold. Each
 * file's settings can be changed: "Reload" writes them into the cell as an
 * `options FILE: {…}` line (so they are saved with the notebook) and runs the cell again.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type {
  CsvOverrides,
  FileIngestReport,
  IngestProgress,
  IngestResult,
  TextEncoding,
} from '../engine/api.ts';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import { runtimeContext } from './runtime-context.ts';
import { resetStyles, buttonStyles } from './styles/shared.ts';
import { ingestReportStyles } from './styles/ingest-report-styles.ts';
import { delimiterName, encodingName, formatBytes, formatCount } from './format.ts';
import { fileOptions, setFileOptions } from './bronze-options-edit.ts';

const SHOWN_REJECTS = 5;
const SHOWN_TEXT = 160;

/** The settings a person can change for one file, as the form holds them. */
interface FileSettings {
  encoding: TextEncoding;
  delimiter: string;
  quote: string;
  header: boolean;
  skip: number;
}

const DELIMITERS: readonly [string, string][] = [
  [',', 'comma ( , )'],
  [';', 'semicolon ( ; )'],
  ['\t', 'tab'],
  ['|', 'pipe ( | )'],
  [' ', 'space'],
];
const QUOTES: readonly [string, string][] = [
  ['"', 'double ( " )'],
  ["'", "single ( ' )"],
  ['', 'none'],
];
const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'latin-1', 'utf-16'];

@customElement('mn-ingest-report')
export class MnIngestReport extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    ingestReportStyles,
  ];

  @property({ attribute: false }) report: IngestResult | null = null;
  @property({ attribute: false }) progress: IngestProgress | null = null;
  /** The bronze cell, and its text: "Reload" rewrites it. Without them the report is read-only. */
  @property() cellId = '';
  @property() source = '';
  /** Offer the per-file settings form (off in presentation mode). */
  @property({ type: Boolean }) editable = false;

  @consume({ context: runtimeContext })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  /** The file whose settings form is open, and the form's values. */
  @state() private editing: string | null = null;
  @state() private form: FileSettings | null = null;
  /** Files whose rejected lines are all shown. */
  @state() private expanded = new Set<string>();

  override render() {
    if (this.progress) return this.renderProgress(this.progress);
    if (!this.report) return nothing;
    const canEdit = this.editable && !!this.runtime && this.cellId !== '';
    return html`<table aria-label="Files read by ${this.report.table}">
      <thead>
        <tr>
          <th>File</th>
          <th>Encoding</th>
          <th>Delimiter</th>
          <th>Quote</th>
          <th>Header</th>
          <th class="num">Skipped</th>
          <th class="num">Rows</th>
          <th class="num">Rejected</th>
          ${canEdit ? html`<th><span class="visually-hidden">Settings</span></th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${this.report.files.map((file) => this.renderFile(file, canEdit))}
      </tbody>
    </table>`;
  }

  private renderFile(file: FileIngestReport, canEdit: boolean) {
    const set = file.overrides ?? {};
    const d = file.dialect;
    const skipped = skippedCount(file);
    const mark = (key: keyof CsvOverrides) => (set[key] !== undefined ? 'set' : '');
    const columns = canEdit ? 9 : 8;
    const editing = this.editing === file.file;
    const warnings = shownWarnings(file);
    const hasMore =
      editing ||
      file.error !== null ||
      warnings.length > 0 ||
      (file.skippedLines?.length ?? 0) > 0 ||
      file.rejected.length > 0;
    return html`<tr class="file-row">
        <td class="file">${file.file}</td>
        <td class=${mark('encoding')} title=${set.encoding ? 'Set in the cell' : 'Detected'}>
          ${encodingName(file.encoding, file.bom)}
        </td>
        <td class=${mark('delimiter')}>${d ? delimiterName(d.delimiter) : '—'}</td>
        <td class=${mark('quote')}>${d ? quoteName(d.quote) : '—'}</td>
        <td class=${mark('header')}>${d ? (d.header ? 'yes' : 'no') : '—'}</td>
        <td class="num ${mark('skip')}">${formatCount(skipped)}</td>
        <td class="num">${formatCount(file.rows)}</td>
        <td class="num ${file.rejected.length > 0 ? 'warn' : 'ok'}">
          ${formatCount(file.rejected.length)}
        </td>
        ${
          canEdit
            ? html`<td class="actions">
                <button
                  class="btn"
                  aria-expanded=${editing ? 'true' : 'false'}
                  aria-label="Settings for ${file.file}"
                  @click=${() => this.toggleForm(file)}
                >
                  Settings
                </button>
              </td>`
            : nothing
        }
      </tr>
      ${
        hasMore
          ? html`<tr class="more">
              <td colspan=${columns}>
                <div class="notes">
                  ${file.error ? html`<div class="bad" role="alert">${file.error}</div>` : nothing}
                  ${
                    warnings.length > 0
                      ? html`<ul class="warnings" aria-label="Warnings for ${file.file}">
                          ${warnings.map((w) => html`<li>${w}</li>`)}
                        </ul>`
                      : nothing
                  }
                  ${this.renderSkipped(file)} ${this.renderRejects(file)}
                  ${editing && this.form ? this.renderForm(file, this.form) : nothing}
                </div>
              </td>
            </tr>`
          : nothing
      }`;
  }

  private renderSkipped(file: FileIngestReport) {
    const lines = file.skippedLines ?? [];
    if (lines.length === 0) return nothing;
    return html`<div class="lines">
      <span class="lines-title"
        >${lines.length === 1 ? '1 line' : `${lines.length} lines`} before the header, skipped:</span
      >
      <ol class="skipped" aria-label="Skipped lines of ${file.file}">
        ${lines.map((l) => html`<li>${clip(l)}</li>`)}
      </ol>
    </div>`;
  }

  private renderRejects(file: FileIngestReport) {
    if (file.rejected.length === 0) return nothing;
    const all = this.expanded.has(file.file);
    const shown = all ? file.rejected : file.rejected.slice(0, SHOWN_REJECTS);
    return html`<div class="lines">
      <span class="lines-title"
        >${file.rejected.length === 1 ? '1 line' : `${formatCount(file.rejected.length)} lines`}
        could not be read as rows (kept out of the table, listed here):</span
      >
      <ol class="rejects" aria-label="Rejected lines in ${file.file}">
        ${shown.map(
          (r) =>
            html`<li>
              <span class="at">line ${formatCount(r.line)}</span><span class="reason">${r.reason}</span>
              ${r.text !== undefined ? html`<span class="text">${clip(r.text.trim())}</span>` : nothing}
            </li>`,
        )}
      </ol>
      ${
        file.rejected.length > SHOWN_REJECTS
          ? html`<button class="link" @click=${() => this.toggleRejects(file.file)}>
              ${all ? 'Show fewer' : `Show all ${formatCount(file.rejected.length)}`}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderForm(file: FileIngestReport, form: FileSettings) {
    const update = (change: Partial<FileSettings>) => (this.form = { ...form, ...change });
    const known = DELIMITERS.some(([c]) => c === form.delimiter);
    const hasOwn = fileOptions(this.source, file.file) !== null;
    return html`<form
      class="form"
      aria-label="Settings for ${file.file}"
      @submit=${(e: Event) => this._onReload(e, file)}
    >
      <div class="fields">
        <label class="field"
          >Encoding
          <select
            @change=${(e: Event) => update({ encoding: (e.target as HTMLSelectElement).value as TextEncoding })}
          >
            ${ENCODINGS.map(
              (enc) =>
                html`<option value=${enc} ?selected=${enc === form.encoding}>
                  ${encodingName(enc, false)}
                </option>`,
            )}
          </select>
        </label>
        <label class="field"
          >Delimiter
          <select
            @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value;
              update({ delimiter: value === 'other' ? '' : value });
            }}
          >
            ${DELIMITERS.map(
              ([c, name]) => html`<option value=${c} ?selected=${c === form.delimiter}>${name}</option>`,
            )}
            <option value="other" ?selected=${!known}>other…</option>
          </select>
        </label>
        ${
          known
            ? nothing
            : html`<label class="field"
                >Character
                <input
                  class="char"
                  type="text"
                  maxlength="1"
                  required
                  .value=${form.delimiter}
                  @input=${(e: Event) => update({ delimiter: (e.target as HTMLInputElement).value })}
              /></label>`
        }
        <label class="field"
          >Quote
          <select @change=${(e: Event) => update({ quote: (e.target as HTMLSelectElement).value })}>
            ${QUOTES.map(
              ([c, name]) => html`<option value=${c} ?selected=${c === form.quote}>${name}</option>`,
            )}
          </select>
        </label>
        <label class="field"
          >Lines to skip
          <input
            type="number"
            min="0"
            step="1"
            .value=${String(form.skip)}
            @input=${(e: Event) => update({ skip: Math.max(0, Math.floor(Number((e.target as HTMLInputElement).value) || 0)) })}
          />
        </label>
        <label class="check"
          ><input
            type="checkbox"
            .checked=${form.header}
            @change=${(e: Event) => update({ header: (e.target as HTMLInputElement).checked })}
          />First line is a header</label
        >
      </div>
      <div class="form-actions">
        <button class="btn primary" type="submit">Reload</button>
        ${
          hasOwn
            ? html`<button class="btn" type="button" @click=${() => this.reload(file, null)}>
                Use detected settings
              </button>`
            : nothing
        }
        <button class="btn" type="button" @click=${() => this.closeForm()}>Cancel</button>
        <span class="explain"
          >Reload writes <code>options ${file.file}: {…}</code> into the cell and reads the file again.</span
        >
      </div>
    </form>`;
  }

  private toggleForm(file: FileIngestReport): void {
    if (this.editing === file.file) {
      this.closeForm();
      return;
    }
    this.editing = file.file;
    this.form = settingsOf(file);
  }

  private closeForm(): void {
    this.editing = null;
    this.form = null;
  }

  private toggleRejects(file: string): void {
    const expanded = new Set(this.expanded);
    if (expanded.has(file)) expanded.delete(file);
    else expanded.add(file);
    this.expanded = expanded;
  }

  private _onReload(event: Event, file: FileIngestReport): void {
    event.preventDefault();
    const form = this.form;
    if (!form || form.delimiter.length !== 1) return;
    // What the cell already says for this file, plus every setting changed in the form.
    const shown = settingsOf(file);
    const overrides: { -readonly [K in keyof CsvOverrides]: CsvOverrides[K] } = {
      ...(fileOptions(this.source, file.file) ?? {}),
    };
    if (form.encoding !== shown.encoding) overrides.encoding = form.encoding;
    if (form.delimiter !== shown.delimiter) overrides.delimiter = form.delimiter;
    if (form.quote !== shown.quote) overrides.quote = form.quote;
    if (form.header !== shown.header) overrides.header = form.header;
    if (form.skip !== shown.skip) overrides.skip = form.skip;
    this.reload(file, overrides);
  }

  /** Writes the file's options line (null: removes it) and runs the cell again. */
  private reload(file: FileIngestReport, overrides: CsvOverrides | null): void {
    const runtime = this.runtime;
    if (!runtime || !this.cellId) return;
    const source = setFileOptions(this.source, file.file, overrides);
    if (source !== this.source) runtime.dispatch({ type: 'edit', id: this.cellId, source });
    this.closeForm();
    runtime.runCell(this.cellId).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(
        new CustomEvent('mn-error', { detail: { message }, bubbles: true, composed: true }),
      );
    });
  }

  private _onCancel(): void {
    this.dispatchEvent(new CustomEvent('mn-cancel', { bubbles: true, composed: true }));
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
    // Bytes are counted while detecting and, where the engine meters its reads, while
    // loading; without a count the bar moves without claiming a percentage.
    const indeterminate = progress.bytesDone <= 0 || progress.bytesTotal <= 0 || progress.phase === 'done';
    const rows =
      progress.rowsEstimate && progress.rowsEstimate > 0
        ? `, about ${Number(progress.rowsEstimate.toPrecision(3)).toLocaleString('en-US')} rows`
        : '';
    const bytes = indeterminate ? '' : ` (${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}${rows})`;
    return html`<div class="progress">
      <span>${what}${bytes}…</span>
      <button class="btn" @click=${this._onCancel} title="Stop loading; nothing else is lost">Cancel</button>
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

/** How the file was read, as the form starts: what was detected, or what the cell set. */
function settingsOf(file: FileIngestReport): FileSettings {
  const d = file.dialect;
  return {
    encoding: file.encoding ?? file.overrides?.encoding ?? 'utf-8',
    delimiter: d?.delimiter ?? file.overrides?.delimiter ?? ',',
    quote: d?.quote ?? file.overrides?.quote ?? '"',
    header: d?.header ?? file.overrides?.header ?? true,
    skip: skippedCount(file),
  };
}

/**
 * The file's warnings, less the two that only summarise the lists shown under them
 * (skipped lines, rejected lines): each fact is said once.
 */
function shownWarnings(file: FileIngestReport): readonly string[] {
  return (file.warnings ?? []).filter(
    (w) =>
      !((file.skippedLines?.length ?? 0) > 0 && /^\d+ lines? before the header (was|were) skipped/.test(w)) &&
      !(file.rejected.length > 0 && /^[\d,]+ lines? could not be read as rows/.test(w)),
  );
}

function skippedCount(file: FileIngestReport): number {
  return Math.max(file.skippedLines?.length ?? 0, file.dialect?.skipRows ?? 0, file.overrides?.skip ?? 0);
}

function quoteName(quote: string): string {
  if (quote === '') return 'none';
  if (quote === '"') return 'double';
  if (quote === "'") return 'single';
  return JSON.stringify(quote);
}

function clip(text: string): string {
  return text.length > SHOWN_TEXT ? `${text.slice(0, SHOWN_TEXT)}…` : text;
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-ingest-report': MnIngestReport;
  }
}
