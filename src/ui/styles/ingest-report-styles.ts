/** The ingest report of a bronze cell: files table, settings form, progress. */
import { css } from 'lit';

export const ingestReportStyles = css`
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
    white-space: nowrap;
  }
  td {
    padding: 6px 10px 6px 0;
    border-bottom: 1px solid #f0f1f3;
    vertical-align: top;
  }
  tr.file-row:has(+ tr.more) td {
    border-bottom: none;
  }
  td.file {
    font-weight: 500;
    word-break: break-all;
  }
  .set {
    color: var(--mn-accent);
    font-weight: 500;
  }
  .set::after {
    content: ' ✎';
    font-size: 11px;
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
  td.actions {
    padding-right: 0;
    text-align: right;
  }
  .actions .btn,
  .form .btn {
    height: 26px;
    padding: 0 10px;
    font-size: 12px;
  }
  tr.more td {
    padding-top: 0;
  }
  .notes {
    display: grid;
    gap: 6px;
    padding: 2px 0 4px;
  }
  ul.warnings {
    margin: 0;
    padding: 0 0 0 18px;
    color: var(--mn-warn);
  }
  .lines {
    display: grid;
    gap: 2px;
  }
  .lines-title {
    font-size: 12px;
    color: var(--mn-text-muted);
  }
  ol.rejects,
  ol.skipped {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: 0;
    list-style: none;
    font: 12px/1.5 var(--mn-mono);
  }
  .rejects li {
    display: grid;
    grid-template-columns: 5.5em minmax(0, 1fr);
    gap: 0 10px;
    padding: 3px 8px;
    border-radius: 4px;
    background: #fff6f5;
  }
  .rejects .at {
    color: var(--mn-error);
    font-weight: 600;
  }
  .rejects .reason {
    font-family: var(--mn-font);
    color: var(--mn-text);
  }
  .rejects .text {
    grid-column: 2;
  }
  .rejects .text,
  .skipped li {
    color: var(--mn-text-muted);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .skipped li {
    padding: 2px 8px;
    border-radius: 4px;
    background: var(--mn-surface-muted);
  }
  .link {
    justify-self: start;
    padding: 0;
    border: none;
    background: none;
    color: var(--mn-accent);
    font: inherit;
    font-size: 12px;
    cursor: pointer;
  }
  .link:focus-visible {
    outline: none;
    box-shadow: var(--mn-focus);
  }
  form.form {
    display: grid;
    gap: 10px;
    margin: 2px 0 6px;
    padding: 12px;
    border: 1px solid #c9d3f5;
    border-radius: var(--mn-radius-sm);
    background: #f7f9ff;
  }
  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: 10px 16px;
    align-items: flex-end;
  }
  label.field {
    display: grid;
    gap: 3px;
    font-size: 12px;
    color: var(--mn-text-muted);
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 6px;
    height: 28px;
    font-size: 12.5px;
    color: var(--mn-text);
  }
  select,
  input[type='number'],
  input[type='text'] {
    height: 28px;
    padding: 0 6px;
    border: 1px solid var(--mn-border-strong);
    border-radius: var(--mn-radius-sm);
    background: var(--mn-surface);
    color: var(--mn-text);
    font: 13px var(--mn-font);
  }
  input[type='number'] {
    width: 72px;
  }
  input.char {
    width: 44px;
    text-align: center;
    font-family: var(--mn-mono);
  }
  select:focus-visible,
  input:focus-visible {
    outline: none;
    box-shadow: var(--mn-focus);
  }
  .form-actions {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
  }
  .form-actions .explain {
    color: var(--mn-text-muted);
    font-size: 12px;
  }
  code {
    font: 11.5px var(--mn-mono);
    padding: 0 3px;
    border-radius: 3px;
    background: #eef0f3;
  }
  .progress {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 6px 12px;
    color: var(--mn-text-muted);
  }
  .progress .bar {
    grid-column: 1 / -1;
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
    animation: slide 1.2s steps(8) infinite; /* in steps: see STEPPED in shared.ts */
  }
  @keyframes slide {
    from {
      transform: translateX(-100%);
    }
    to {
      transform: translateX(300%);
    }
  }
`;
