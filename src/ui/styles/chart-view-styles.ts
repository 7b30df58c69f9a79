/** A chart: title, breadcrumb, actions, legend, the plot and its placeholder. */
import { css } from 'lit';

export const chartViewStyles = css`
  :host {
    position: relative;
    display: block;
    min-width: 0;
    content-visibility: auto;
    contain-intrinsic-size: auto 320px;
  }
  .top {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 28px;
  }
  h3 {
    margin: 3px 0 0;
    font-size: 14.5px;
    font-weight: 650;
    line-height: 1.3;
    color: var(--mn-text);
  }
  .titles {
    display: grid;
    gap: 2px;
    min-width: 0;
    flex: 1;
  }
  .actions {
    display: flex;
    gap: 2px;
    margin-left: auto;
    flex: none;
    align-self: flex-start;
    transition: opacity 0.15s ease;
  }
  /* On the dashboard the tile's tools show on hover or focus, over the title's end, as
         in BI tools; the title keeps the whole width. */
  :host([heading]) .actions {
    position: absolute;
    top: 0;
    right: 0;
    padding-left: 8px;
    background: var(--mn-surface);
    opacity: 0;
  }
  :host([heading]:hover) .actions,
  :host([heading]) .actions:focus-within {
    opacity: 1;
  }
  @media (hover: none) {
    :host([heading]) .actions {
      opacity: 1;
    }
  }
  .save {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    height: 26px;
    padding: 0 7px;
    border: 1px solid var(--mn-border);
    border-radius: var(--mn-radius-sm);
    background: var(--mn-surface);
    color: var(--mn-text-muted);
    font: 600 11px/1 var(--mn-font);
    letter-spacing: 0.03em;
    cursor: pointer;
  }
  .save:hover:not(:disabled) {
    color: var(--mn-text);
    border-color: var(--mn-border-strong);
    background: var(--mn-surface-muted);
  }
  .save:focus-visible {
    outline: none;
    box-shadow: var(--mn-focus);
  }
  .save:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .save svg {
    width: 13px;
    height: 13px;
  }
  .icon-btn[aria-pressed='true'] {
    background: var(--mn-accent-soft);
    color: var(--mn-accent);
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    font-size: 12.5px;
  }
  nav ol {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 12.5px;
  }
  nav li {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    color: var(--mn-text);
    font-weight: 600;
  }
  nav li + li::before {
    content: '›';
    margin: 0 4px;
    color: var(--mn-text-faint);
    font-weight: 400;
  }
  nav button {
    padding: 1px 4px;
    border: none;
    border-radius: 4px;
    background: none;
    color: var(--mn-accent);
    font: inherit;
    font-weight: 500;
    cursor: pointer;
  }
  nav button:hover {
    background: var(--mn-accent-soft);
    text-decoration: underline;
  }
  nav .hint {
    margin-left: 8px;
    color: var(--mn-text-faint);
    font-weight: 400;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 4px;
    margin: 6px 0 2px;
    font-size: 12.5px;
  }
  .legend .name {
    margin-right: 4px;
    padding: 3px 0;
    color: var(--mn-text-muted);
  }
  .entry {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 3px 8px;
    border: 1px solid transparent;
    border-radius: 999px;
    background: none;
    color: var(--mn-text);
    font: inherit;
  }
  button.entry {
    cursor: pointer;
  }
  button.entry:hover {
    background: var(--mn-surface-muted);
    border-color: var(--mn-border);
  }
  button.entry:focus-visible,
  nav button:focus-visible {
    outline: none;
    box-shadow: var(--mn-focus);
  }
  .entry[aria-pressed='true'] {
    border-color: var(--mn-border-strong);
    background: var(--mn-surface-muted);
    font-weight: 600;
  }
  .legend.some .entry:not([aria-pressed='true']) {
    opacity: 0.45;
  }
  .swatch {
    width: 10px;
    height: 10px;
    border-radius: 3px;
    flex: none;
  }
  .plot {
    position: relative;
    margin-top: 6px;
    transition: opacity 0.2s ease;
  }
  /* Plot's own defaults, which it writes as an inline <style> the CSP refuses. */
  .plot svg {
    --plot-background: white;
    display: block;
    height: auto;
    max-width: 100%;
  }
  .plot svg text,
  .plot svg tspan {
    white-space: pre;
  }
  .plot figure > svg:not(:last-child) {
    overflow: visible;
  }
  .plot.clickable g[aria-label='bar'] rect,
  .plot.clickable g[aria-label='geo'] path[aria-label],
  .plot.clickable g[aria-label='dot'] circle {
    cursor: pointer;
  }
  /* Plot's legend for quantitative colours (the map) sits above it; keep it small. */
  .plot figure {
    margin: 0;
  }
  .plot figure > svg:first-child:not(:last-child) {
    margin-bottom: 4px;
  }
  .placeholder {
    display: grid;
    place-items: center;
    gap: 6px;
    border: 1px dashed var(--mn-border-strong);
    border-radius: var(--mn-radius-sm);
    color: var(--mn-text-muted);
    font-size: 13px;
    text-align: center;
    padding: 16px;
  }
  .skeleton {
    border: none;
  }
  pre.error {
    margin-top: 6px;
  }
  mn-chart-form {
    margin-top: 8px;
  }
  .keys:not(:focus-within) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .keys {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-top: 6px;
  }
  .keys button {
    padding: 3px 9px;
    border: 1px solid var(--mn-border-strong);
    border-radius: 999px;
    background: var(--mn-surface);
    color: var(--mn-text);
    font: 12.5px var(--mn-font);
    cursor: pointer;
  }
  .keys button[aria-pressed='true'] {
    border-color: var(--mn-accent);
    background: var(--mn-accent-soft);
  }
  .keys button:focus-visible {
    outline: none;
    box-shadow: var(--mn-focus);
  }
`;
