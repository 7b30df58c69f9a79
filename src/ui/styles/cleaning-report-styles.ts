/** The cleaning report of a silver cell: counts, schema before and after, notes. */
import { css } from 'lit';

export const cleaningReportStyles = css`
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
    background: repeating-linear-gradient(-45deg, #f1a9a0, #f1a9a0 4px, #fbd5d0 4px, #fbd5d0 8px);
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
`;
