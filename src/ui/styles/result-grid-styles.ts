/** The result grid: header, fixed-height rows, the scroller and the footer. */
import { css, type CSSResult } from 'lit';

/** Row and header heights are the grid's layout constants (rows are positioned by them). */
export const resultGridStyles = (rowHeight: number, headerHeight: number): CSSResult => css`
  :host {
    display: block;
    font-size: 13px;
    content-visibility: auto;
    contain-intrinsic-size: auto 300px;
  }
  .scroller {
    position: relative;
    overflow: auto;
    border: 1px solid var(--mn-border);
    border-radius: var(--mn-radius-sm);
    background: var(--mn-surface);
    resize: vertical;
    min-height: 80px;
  }
  .header,
  .row {
    display: grid;
    width: max-content;
    min-width: 100%;
  }
  .header {
    position: sticky;
    top: 0;
    z-index: 1;
    height: ${headerHeight}px;
    background: var(--mn-surface-muted);
    border-bottom: 1px solid var(--mn-border);
  }
  .th {
    display: flex;
    flex-direction: column;
    justify-content: center;
    padding: 0 10px;
    min-width: 0;
    border-right: 1px solid var(--mn-border);
  }
  .th .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .th .type {
    font: 11px/1.2 var(--mn-mono);
    color: var(--mn-text-faint);
    white-space: nowrap;
  }
  .th.num {
    align-items: flex-end;
  }
  /* A sortable header is a button that looks like the header it is. */
  .th .sort {
    display: flex;
    flex-direction: column;
    align-items: inherit;
    justify-content: center;
    min-width: 0;
    height: 100%;
    padding: 0;
    border: none;
    background: none;
    color: inherit;
    font: inherit;
    text-align: inherit;
    cursor: pointer;
  }
  .th .sort:hover .name {
    color: var(--mn-accent);
  }
  .th .sort:focus-visible {
    outline: 2px solid var(--mn-focus);
    outline-offset: -2px;
  }
  .th .arrow {
    color: var(--mn-accent);
    font-size: 10px;
  }
  .spacer {
    position: relative;
  }
  .rows {
    position: absolute;
    top: 0;
    left: 0;
    min-width: 100%;
  }
  .row {
    height: ${rowHeight}px;
    border-bottom: 1px solid #f0f1f3;
  }
  .row:hover {
    background: #f7f9ff;
  }
  .td {
    padding: 0 10px;
    line-height: ${rowHeight - 1}px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
    border-right: 1px solid #f0f1f3;
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .gutter {
    color: var(--mn-text-faint);
    text-align: right;
    font-variant-numeric: tabular-nums;
    font-size: 12px;
    background: var(--mn-surface-muted);
    position: sticky;
    left: 0;
  }
  .header .gutter {
    z-index: 2;
  }
  .null {
    color: var(--mn-text-faint);
    font-style: italic;
  }
  .loading {
    display: inline-block;
    width: 60%;
    height: 8px;
    border-radius: 4px;
    background: linear-gradient(90deg, #eef0f3, #f7f8fa, #eef0f3);
    vertical-align: middle;
  }
  .footer {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    padding: 6px 2px 0;
    color: var(--mn-text-muted);
    font-size: 12px;
    font-variant-numeric: tabular-nums;
  }
  .footer .error {
    color: var(--mn-error);
  }
  .footer .end {
    display: inline-flex;
    align-items: center;
    gap: 10px;
  }
  .profile-toggle {
    height: 22px;
    padding: 0 8px;
    border: 1px solid var(--mn-border-strong);
    border-radius: var(--mn-radius-sm);
    background: var(--mn-surface);
    color: var(--mn-text);
    font: 500 12px/1 var(--mn-font);
    cursor: pointer;
  }
  .profile-toggle:hover,
  .profile-toggle[aria-pressed='true'] {
    background: var(--mn-accent-soft);
    border-color: #b9c4ec;
  }
  .profile-toggle:focus-visible {
    outline: none;
    box-shadow: var(--mn-focus);
  }
  mn-column-profile {
    margin-top: 10px;
  }
  .empty {
    padding: 14px 12px;
    color: var(--mn-text-muted);
    border: 1px dashed var(--mn-border-strong);
    border-radius: var(--mn-radius-sm);
  }
`;
