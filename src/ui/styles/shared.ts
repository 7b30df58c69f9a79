/** Document styles stop at shadow roots, so each component brings the box-sizing reset. */
export const resetStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;

/** Button and badge styles several components share (each shadow root needs its own copy). */
import { css } from 'lit';

export const buttonStyles = css`
  .btn {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    height: 32px;
    padding: 0 12px;
    border: 1px solid var(--mn-border-strong);
    border-radius: var(--mn-radius-sm);
    background: var(--mn-surface);
    color: var(--mn-text);
    font: 500 13px/1 var(--mn-font);
    cursor: pointer;
    white-space: nowrap;
  }
  .btn:hover {
    background: var(--mn-surface-muted);
    border-color: var(--mn-text-faint);
  }
  .btn:focus-visible,
  .icon-btn:focus-visible {
    outline: none;
    box-shadow: var(--mn-focus);
  }
  .btn.primary {
    background: var(--mn-accent);
    border-color: var(--mn-accent);
    color: #fff;
  }
  .btn.primary:hover {
    background: var(--mn-accent-hover);
  }
  .btn:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .icon-btn {
    display: inline-grid;
    place-items: center;
    width: 28px;
    height: 28px;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--mn-radius-sm);
    background: transparent;
    color: var(--mn-text-muted);
    cursor: pointer;
  }
  .icon-btn:hover:not(:disabled) {
    background: var(--mn-silver-bg);
    color: var(--mn-text);
  }
  .icon-btn:disabled {
    opacity: 0.35;
    cursor: default;
  }
  .icon-btn svg,
  .btn svg {
    width: 16px;
    height: 16px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** Layer badges: bronze warm, silver grey, gold gold, so a glance tells the layer. */
export const layerStyles = css`
  .layer {
    display: inline-flex;
    align-items: center;
    height: 20px;
    padding: 0 8px;
    border: 1px solid;
    border-radius: 999px;
    font: 600 11px/1 var(--mn-font);
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  .layer.bronze {
    color: var(--mn-bronze);
    background: var(--mn-bronze-bg);
    border-color: var(--mn-bronze-border);
  }
  .layer.silver {
    color: var(--mn-silver);
    background: var(--mn-silver-bg);
    border-color: var(--mn-silver-border);
  }
  .layer.gold {
    color: var(--mn-gold);
    background: var(--mn-gold-bg);
    border-color: var(--mn-gold-border);
  }
`;

/** Status colours, shared by the cell header and the outline. */
export const statusStyles = css`
  [data-status] {
    --status-fg: var(--mn-text-muted);
    --status-bg: var(--mn-silver-bg);
  }
  [data-status='done'] {
    --status-fg: var(--mn-ok);
    --status-bg: var(--mn-ok-bg);
  }
  [data-status='running'],
  [data-status='queued'] {
    --status-fg: var(--mn-run);
    --status-bg: var(--mn-run-bg);
  }
  [data-status='stale'] {
    --status-fg: var(--mn-warn);
    --status-bg: var(--mn-warn-bg);
  }
  [data-status='error'],
  [data-status='blocked'] {
    --status-fg: var(--mn-error);
    --status-bg: var(--mn-error-bg);
  }
`;

/** A DuckDB message or a run's failure, as written: monospace, wrapped, in the error colours. */
export const errorBlockStyles = css`
  pre.error {
    margin: 0;
    padding: 10px 12px;
    border: 1px solid var(--mn-error-border);
    border-radius: var(--mn-radius-sm);
    background: var(--mn-error-bg);
    color: var(--mn-error);
    font: 12.5px/1.55 var(--mn-mono);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;

/**
 * STEPPED: every looping animation here (busy dots, spinners, sweeps, placeholders) moves
 * in a few steps, not smoothly. A smooth one makes the browser draw 60 frames a second
 * for as long as it runs, and a browser drawing without a GPU (a VM, a remote desktop,
 * headless Chromium) spends half a core on that, while the engine starts or runs.
 * Measured with the start-up dot blinking and the rest stepped: engine ready 0.86x of
 * before in Chromium, 0.92x in its headless shell (bench/results.md, 2026-12-07).
 */
/** A grey placeholder that slowly blinks, where a value or chart will appear. */
export const skeletonStyles = css`
  .skeleton {
    background: #eef0f3;
    animation: placeholder-blink 1.6s steps(2, jump-none) infinite alternate;
  }
  @keyframes placeholder-blink {
    to {
      background: #f6f7f9;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;

/** A menu under its button (menu-button.ts): File, a cell's "Add…" menu. */
export const menuStyles = css`
  [role='menu'] {
    position: absolute;
    right: 0;
    top: calc(100% + 6px);
    z-index: 30;
    min-width: 220px;
    display: grid;
    padding: 6px;
    border: 1px solid var(--mn-border-strong);
    border-radius: var(--mn-radius-sm);
    background: var(--mn-surface);
    box-shadow: 0 8px 24px rgb(16 24 40 / 0.16);
  }
  [role='menuitem'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 16px;
    height: 34px;
    padding: 0 10px;
    border: none;
    border-radius: 6px;
    background: none;
    color: var(--mn-text);
    font: 500 13px/1 var(--mn-font);
    text-align: left;
    text-decoration: none;
    cursor: pointer;
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus-visible {
    outline: none;
    background: var(--mn-surface-muted);
  }
  [role='menuitem'] kbd {
    color: var(--mn-text-faint);
    font: 12px/1 var(--mn-font);
  }
  [role='separator'] {
    height: 1px;
    margin: 4px 2px;
    background: var(--mn-border);
  }
`;

/** A modal dialog (native <dialog>, showModal): Share, Keyboard shortcuts. Width is each one's own. */
export const dialogStyles = css`
  dialog {
    border: 1px solid var(--mn-border);
    border-radius: 12px;
    box-shadow: var(--mn-shadow-raised);
    color: var(--mn-text);
    font: 14px/1.5 var(--mn-font);
  }
  dialog::backdrop {
    background: rgb(20 24 32 / 0.35);
  }
  h2 {
    margin: 0;
    font-size: 17px;
  }
`;
