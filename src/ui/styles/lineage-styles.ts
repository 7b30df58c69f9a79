/** The lineage view: toolbar, canvas, layer columns, nodes and edges, and their highlight on hover. */
import { css, type CSSResult } from 'lit';

/** `nodeWidth`: the layout's node width, which a column heading may not exceed. */
export const lineageStyles = (nodeWidth: number): CSSResult => css`
  :host {
    display: grid;
    grid-template-rows: auto minmax(0, 1fr);
    gap: 10px;
    /* Until measured (fillWindow): the window less a one-row top bar. */
    height: calc(100vh - 57px);
    padding: 14px 20px 16px;
  }
  .toolbar {
    display: flex;
    align-items: center;
    gap: 14px;
    flex-wrap: wrap;
    font-size: 13px;
    color: var(--mn-text-muted);
  }
  h2 {
    margin: 0;
    font-size: 15px;
    font-weight: 650;
    color: var(--mn-text);
  }
  .legend {
    display: flex;
    gap: 10px;
    flex-wrap: wrap;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    font-size: 12px;
  }
  .swatch {
    width: 12px;
    height: 12px;
    border-radius: 3px;
    border: 1px solid var(--sw-border);
    background: var(--sw-bg);
  }
  .summary {
    font-variant-numeric: tabular-nums;
  }
  .summary .bad {
    color: var(--mn-error);
    font-weight: 600;
  }
  .spacer {
    flex: 1;
  }
  .zoom {
    display: inline-flex;
    align-items: center;
    gap: 2px;
  }
  .zoom output {
    min-width: 44px;
    text-align: center;
    font-variant-numeric: tabular-nums;
    font-size: 12px;
  }
  .zoom .btn {
    height: 28px;
    padding: 0 10px;
  }
  .viewport {
    position: relative;
    overflow: auto;
    border: 1px solid var(--mn-border);
    border-radius: var(--mn-radius);
    background:
      radial-gradient(circle, #dfe3e8 1px, transparent 1.2px) 0 0 / 18px 18px,
      var(--mn-surface-muted);
  }
  .sizer {
    position: relative;
  }
  .canvas {
    position: absolute;
    top: 0;
    left: 0;
    transform-origin: 0 0;
  }
  svg.edges {
    position: absolute;
    inset: 0;
    overflow: visible;
    pointer-events: none;
  }
  .edges path {
    fill: none;
    stroke: #b4bcc6;
    stroke-width: 1.4;
    transition:
      opacity 0.15s ease,
      stroke 0.15s ease;
  }
  .edges path.from-bronze {
    stroke: #d9ad84;
  }
  .edges path.from-silver {
    stroke: #a6afbb;
  }
  .edges path.from-gold {
    stroke: #d8bb57;
  }
  .edges path.missing {
    stroke-dasharray: 4 4;
  }
  .tracing .edges path {
    opacity: 0.1;
    transition: none;
  }
  .tracing .edges path.on {
    opacity: 1;
    stroke: var(--mn-accent);
    stroke-width: 2;
  }
  .heading {
    position: absolute;
    top: 10px;
    max-width: ${nodeWidth}px;
    overflow: hidden;
    text-overflow: ellipsis;
    font: 600 11px/1 var(--mn-font);
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--mn-text-faint);
    white-space: nowrap;
  }
  .node {
    position: absolute;
    display: grid;
    grid-template-rows: auto auto;
    align-content: center;
    gap: 4px;
    padding: 6px 10px 6px 12px;
    border: 1px solid var(--node-border);
    border-left-width: 4px;
    border-radius: 8px;
    background: var(--node-bg);
    color: var(--mn-text);
    font: 12.5px/1.2 var(--mn-font);
    text-align: left;
    cursor: pointer;
    box-shadow: 0 1px 2px rgb(16 24 40 / 0.06);
    transition:
      opacity 0.15s ease,
      box-shadow 0.15s ease,
      transform 0.15s ease;
    --node-border: var(--mn-border-strong);
    --node-bg: var(--mn-surface);
    --node-accent: var(--mn-border-strong);
  }
  .node:hover,
  .node:focus-visible {
    outline: none;
    box-shadow:
      0 0 0 3px rgb(59 91 219 / 0.25),
      0 4px 12px rgb(16 24 40 / 0.12);
    z-index: 2;
  }
  .tracing .node {
    opacity: 0.3;
  }
  .tracing .node.on {
    opacity: 1;
  }
  .node.bronze {
    --node-border: var(--mn-bronze-border);
    --node-bg: var(--mn-bronze-bg);
    border-left-color: #c47a3a;
  }
  .node.silver {
    --node-border: var(--mn-silver-border);
    --node-bg: var(--mn-silver-bg);
    border-left-color: #8791a0;
  }
  .node.gold {
    --node-border: var(--mn-gold-border);
    --node-bg: var(--mn-gold-bg);
    border-left-color: #d4a514;
  }
  .node.file {
    border-left-color: #8b939d;
  }
  .node.output {
    border-left-color: var(--mn-accent);
    --node-border: #c9d3f5;
  }
  .node.missing {
    border-style: dashed;
    border-left-style: solid;
    border-left-color: var(--mn-error);
    --node-border: var(--mn-error-border);
    background: #fffafa;
  }
  .node[data-status='running'] {
    animation: glow 1s steps(2, jump-none) infinite alternate; /* see STEPPED in shared.ts */
  }
  @keyframes glow {
    to {
      box-shadow: 0 0 0 3px rgb(31 95 209 / 0.3);
    }
  }
  .line {
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
  }
  .label {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }
  .node:not(.output) .label {
    font: 600 12px/1.2 var(--mn-mono);
  }
  .node.file .label {
    font-size: 11px;
    font-weight: 500;
  }
  .tag {
    flex: none;
    font: 600 9.5px/1 var(--mn-font);
    letter-spacing: 0.05em;
    text-transform: uppercase;
    color: var(--mn-text-muted);
  }
  .bronze .tag {
    color: var(--mn-bronze);
  }
  .silver .tag {
    color: var(--mn-silver);
  }
  .gold .tag {
    color: var(--mn-gold);
  }
  .output .tag {
    color: var(--mn-accent);
  }
  .meta {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 11.5px;
    color: var(--mn-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .missing .meta {
    color: var(--mn-error);
    font-weight: 500;
  }
  .pill {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 3px;
    height: 17px;
    padding: 0 6px;
    border-radius: 999px;
    font: 600 10.5px/1 var(--mn-font);
    font-variant-numeric: tabular-nums;
  }
  .pill.pass {
    color: var(--mn-ok);
    background: #d8f0de;
  }
  .pill.fail {
    color: #fff;
    background: var(--mn-error);
  }
  .pill.warn {
    color: var(--mn-warn);
    background: #fde6bf;
  }
  .dot {
    flex: none;
    width: 7px;
    height: 7px;
    border-radius: 50%;
    background: var(--status-fg);
  }
  [data-status='idle'] .dot {
    background: var(--mn-border-strong);
  }
  .empty {
    padding: 40px;
    text-align: center;
    color: var(--mn-text-muted);
  }
`;
