/**
 * A result as a virtual table: fixed-height rows, only the visible ones in the DOM, pages
 * of 200 rows fetched through the runtime as the person scrolls, so a million-row result
 * scrolls like a short one. Values are text nodes (never HTML) formatted by arrow-decode.
 * Clicking a column's header sorts by it (ascending, descending, as it came): the engine
 * sorts, page by page, so sorting a million rows sends no more of them than scrolling.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { columnsOf, displayRows, type ResultColumn } from '../client/arrow-decode.ts';
import type { CellResult } from '../runtime/cell-state.ts';
import { resetStyles } from './styles/shared.ts';
import { resultGridStyles } from './styles/result-grid-styles.ts';
import { runtimeContext } from './runtime-context.ts';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import type { RowOrder } from '../engine/api.ts';
import { PageCache, type DisplayRow } from './page-cache.ts';
import { formatCount } from './format.ts';
import './mn-column-profile.ts';

const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 44;
const PAGE_SIZE = 200;
const OVERSCAN = 8;
const VISIBLE_ROWS = 12;
/** Browsers cap element heights (Firefox near 17.9 M px): beyond this, scroll is scaled. */
const MAX_SCROLL_PX = 12_000_000;

@customElement('mn-result-grid')
export class MnResultGrid extends LitElement {
  static override styles = [
    resetStyles,
    resultGridStyles(ROW_HEIGHT, HEADER_HEIGHT),
  ];

  @property({ attribute: false }) result: CellResult | null = null;
  /** Accessible name of the table, e.g. "Result of gold.customer_360". */
  @property() label = 'Result';

  @consume({ context: runtimeContext })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  /** Whether the column profiles show under the grid (results the engine keeps only). */
  @state() private profiling = false;
  @state() private scrollOffset = 0;
  /** The column the rows are sorted by, if the person chose one (results the engine keeps only). */
  @state() private order: RowOrder | null = null;
  @state() private viewportHeight = VISIBLE_ROWS * ROW_HEIGHT;
  @query('.scroller') private scroller?: HTMLElement;

  private columns: ResultColumn[] = [];
  private widths: number[] = [];
  private cache?: PageCache;
  /** The preview's display rows, made once per result. */
  private previewCache?: DisplayRow[];
  private frame = 0;
  private resizeObserver = new ResizeObserver(() => this.measure());

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('result')) this.reset();
  }

  override updated(): void {
    if (this.scroller) this.resizeObserver.observe(this.scroller);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.frame);
  }

  override render() {
    const result = this.result;
    if (!result) return nothing;
    if (this.columns.length === 0) {
      return html`<div class="empty">The statement ran. It returns no table to show.</div>`;
    }
    const total = result.rows;
    const geometry = this.geometry(total);
    const template = this.template();
    const rows: unknown[] = [];
    for (let index = geometry.start; index < geometry.end; index++) {
      rows.push(this.renderRow(index, this.cache?.row(index), template));
    }
    this.cache?.ensure(geometry.start, Math.max(geometry.start, geometry.end - 1), () =>
      this.requestUpdate(),
    );
    const shownFirst = total === 0 ? 0 : geometry.first + 1;
    const shownLast = Math.min(
      total,
      Math.max(shownFirst, Math.floor((geometry.virtualTop + this.viewportHeight) / ROW_HEIGHT)),
    );
    const height = HEADER_HEIGHT + Math.max(1, Math.min(total, VISIBLE_ROWS)) * ROW_HEIGHT + 2;

    return html`
      <div
        class="scroller"
        tabindex="0"
        style="height:${height}px"
        role="table"
        aria-label=${this.label}
        aria-rowcount=${total + 1}
        aria-colcount=${this.columns.length}
        @scroll=${this._onScroll}
      >
        <div class="header" role="row" aria-rowindex="1" style="grid-template-columns:${template}">
          <div class="th gutter" aria-hidden="true"></div>
          ${this.columns.map((column) => this.renderHeader(column, result.relation !== null))}
        </div>
        <div class="spacer" style="height:${geometry.spacerHeight}px">
          <div class="rows" style="transform:translateY(${geometry.offset}px)">${rows}</div>
        </div>
      </div>
      <div class="footer">
        <span
          >${total === 0 ? 'No rows' : `Showing rows ${formatCount(shownFirst)}–${formatCount(shownLast)} of ${formatCount(total)}`}</span
        >
        <span class="end">
          ${
            this.cache?.error
              ? html`<span class="error">Could not load more rows: ${this.cache.error}</span>`
              : html`<span
                  >${formatCount(this.columns.length)}
                  ${this.columns.length === 1 ? 'column' : 'columns'}</span
                >`
          }
          ${
            result.relation
              ? html`<button
                  class="profile-toggle"
                  aria-pressed=${this.profiling ? 'true' : 'false'}
                  title="Type, nulls, distinct values, range, top values and a histogram per column"
                  @click=${() => (this.profiling = !this.profiling)}
                >
                  Profile
                </button>`
              : nothing
          }
        </span>
      </div>
      ${
        this.profiling && result.relation
          ? html`<mn-column-profile
              .result=${result}
              .label=${`Profile of ${this.label.replace(/^Result of /, '')}`}
            ></mn-column-profile>`
          : nothing
      }
    `;
  }

  private renderHeader(column: ResultColumn, sortable: boolean) {
    const sorted = this.order?.column === column.name ? this.order : null;
    const arrow = sorted ? (sorted.descending ? '▼' : '▲') : '';
    const content = html`<span class="name">${column.name}${arrow ? html`<span class="arrow" aria-hidden="true"> ${arrow}</span>` : nothing}</span
      ><span class="type">${column.label}</span>`;
    return html`<div
      class="th ${column.numeric ? 'num' : ''}"
      role="columnheader"
      title=${column.name}
      aria-sort=${sorted ? (sorted.descending ? 'descending' : 'ascending') : 'none'}
    >
      ${sortable ? html`<button class="sort" @click=${() => this.sortBy(column.name)}>${content}</button>` : content}
    </div>`;
  }

  /** Ascending, then descending, then as the rows came. */
  private sortBy(column: string): void {
    const current = this.order?.column === column ? this.order : null;
    this.order = current === null ? { column, descending: false } : current.descending ? null : { column, descending: true };
    this.cache = this.pages();
    this.scroller?.scrollTo({ top: 0 });
    this.scrollOffset = 0;
  }

  private renderRow(index: number, row: DisplayRow | undefined, template: string) {
    return html`<div
      class="row"
      role="row"
      aria-rowindex=${index + 2}
      style="grid-template-columns:${template}"
    >
      <div class="td gutter" aria-hidden="true">${index + 1}</div>
      ${this.columns.map((column, c) => {
        if (!row) return html`<div class="td" role="cell"><span class="loading"></span></div>`;
        const value = row[c] ?? null;
        if (value === null)
          return html`<div class="td ${column.numeric ? 'num' : ''}" role="cell">
            <span class="null">null</span>
          </div>`;
        return html`<div
          class="td ${column.numeric ? 'num' : ''}"
          role="cell"
          title=${value.length > 24 ? value : nothing}
        >
          ${value}
        </div>`;
      })}
    </div>`;
  }

  /** Which rows to render and where, with scroll scaled when the full height is too tall. */
  private geometry(total: number) {
    const realHeight = total * ROW_HEIGHT;
    const spacerHeight = Math.min(realHeight, MAX_SCROLL_PX);
    const viewport = this.viewportHeight;
    const scrollRange = Math.max(1, spacerHeight - viewport);
    const virtualTop =
      realHeight <= MAX_SCROLL_PX
        ? this.scrollOffset
        : (Math.min(this.scrollOffset, scrollRange) * Math.max(0, realHeight - viewport)) /
          scrollRange;
    const first = Math.min(Math.max(0, total - 1), Math.floor(virtualTop / ROW_HEIGHT));
    const start = Math.max(0, first - OVERSCAN);
    const end = Math.min(total, first + Math.ceil(viewport / ROW_HEIGHT) + OVERSCAN);
    const offset = this.scrollOffset + start * ROW_HEIGHT - virtualTop;
    return {
      first,
      start,
      end,
      spacerHeight,
      virtualTop,
      offset: realHeight <= MAX_SCROLL_PX ? start * ROW_HEIGHT : offset,
    };
  }

  private template(): string {
    const gutter = Math.max(40, String(this.result?.rows ?? 0).length * 8.5 + 26);
    // An empty last track takes any spare width, so a narrow result still spans the cell
    // while its columns keep their widths.
    return [...[gutter, ...this.widths].map((w) => `${w}px`), '1fr'].join(' ');
  }

  private reset(): void {
    const result = this.result;
    this.cache = undefined;
    this.previewCache = undefined;
    this.columns = result ? columnsOf(result.preview) : [];
    if (!result) return;
    this.widths = this.columns.map((column, c) => estimateWidth(column, this.previewRows, c));
    // A new result of the same cell (a slicer moved) keeps its sort, if it has the column.
    if (this.order && !this.columns.some((c) => c.name === this.order!.column)) this.order = null;
    this.cache = this.pages();
  }

  /** The rows as shown: the result's first rows as it came, or pages in the chosen order. */
  private pages(): PageCache {
    const relation = this.result?.relation ?? null;
    const runtime = this.runtime;
    const order = this.order ?? undefined;
    const cache = new PageCache(async (offset, limit) => {
      if (!relation || !runtime) return [];
      return displayRows(await runtime.page(relation, offset, limit, order));
    }, PAGE_SIZE);
    if (!order) cache.seed(0, this.previewRows, relation ? this.result!.rows : this.previewRows.length);
    return cache;
  }

  private get previewRows(): DisplayRow[] {
    return this.result ? (this.previewCache ??= displayRows(this.result.preview)) : [];
  }

  private measure(): void {
    const scroller = this.scroller;
    if (scroller) this.viewportHeight = Math.max(ROW_HEIGHT, scroller.clientHeight - HEADER_HEIGHT);
  }

  private _onScroll(event: Event): void {
    const target = event.currentTarget as HTMLElement;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.scrollOffset = target.scrollTop;
    });
  }
}

/** A column's width from its header, its type and the preview's values, within bounds. */
function estimateWidth(column: ResultColumn, rows: readonly DisplayRow[], index: number): number {
  let chars = Math.max(column.name.length * 1.1, column.label.length * 0.9, typicalChars(column));
  for (let r = 0; r < Math.min(rows.length, 100); r++) {
    chars = Math.max(chars, (rows[r]![index] ?? 'null').length);
  }
  return Math.round(Math.min(320, Math.max(64, chars * 7.4 + 24)));
}

/**
 * Width the type suggests, since the preview holds only the first rows: a column of row
 * numbers starts at 1 but ends at 1,000,000.
 */
function typicalChars(column: ResultColumn): number {
  const label = column.label;
  const decimal = /^decimal\((\d+),(\d+)\)$/.exec(label);
  if (decimal) {
    const whole = Number(decimal[1]) - Number(decimal[2]);
    return Math.min(whole, 12) * 1.33 + Number(decimal[2]) + 1;
  }
  if (label === 'int64' || label === 'double') return 11;
  if (label === 'int32') return 8;
  if (label === 'timestamp') return 19;
  if (label === 'date') return 10;
  return 6;
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-result-grid': MnResultGrid;
  }
}
