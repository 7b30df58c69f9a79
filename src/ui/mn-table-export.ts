/**
 * "CSV" and "Parquet" download buttons for one table or cell result, to drop into a cell's
 * header or result footer:
 *
 *   <mn-table-export .engine=${runtime.engine} .relation=${state.result.relation} name="gold.customer_360">
 *
 * Every row is exported (not only the preview), decimals exact; nothing leaves the browser.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EngineApi } from '../engine/api.ts';
import { downloadBlob, exportFileName, exportRelation, type TableFormat } from '../share/export.ts';
import { resetStyles, buttonStyles } from './styles/shared.ts';

@customElement('mn-table-export')
export class MnTableExport extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    css`
      :host {
        display: inline-flex;
        gap: 6px;
        align-items: center;
      }
      .btn {
        height: 26px;
        padding: 0 8px;
        font-size: 12px;
      }
      .error {
        color: var(--mn-error);
        font-size: 12px;
      }
    `,
  ];

  @property({ attribute: false }) engine?: EngineApi;
  /** The quoted relation to export (`CellResult.relation`). */
  @property() relation: string | null = null;
  /** The table's name for the file and the buttons' labels: `gold.customer_360`. */
  @property() name = 'result';
  @state() private busy: TableFormat | null = null;
  @state() private error: string | null = null;

  override render() {
    if (!this.engine || !this.relation) return nothing;
    return html`${(['csv', 'parquet'] as const).map(
      (format) =>
        html`<button
          class="btn"
          ?disabled=${this.busy !== null}
          aria-label="Download ${this.name} as ${format === 'csv' ? 'CSV' : 'Parquet'}"
          @click=${() => this.download(format)}
        >
          ${this.busy === format ? 'Exporting…' : format === 'csv' ? 'CSV' : 'Parquet'}
        </button>`,
    )}
    ${this.error ? html`<span class="error" role="alert">${this.error}</span>` : nothing}`;
  }

  private async download(format: TableFormat): Promise<void> {
    if (!this.engine || !this.relation) return;
    this.busy = format;
    this.error = null;
    try {
      downloadBlob(
        await exportRelation(this.engine, this.relation, format),
        exportFileName(this.name, format),
      );
    } catch (error) {
      this.error = `Could not export ${this.name}: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.busy = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-table-export': MnTableExport;
  }
}
