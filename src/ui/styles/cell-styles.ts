/** A notebook cell: header, status, editor, output, notes. */
import { css } from 'lit';

export const cellStyles = css`
  :host {
    display: block;
    scroll-margin-top: 72px;
  }
  section {
    position: relative;
    background: var(--mn-surface);
    border: 1px solid var(--mn-border);
    border-radius: var(--mn-radius);
    box-shadow: var(--mn-shadow);
    transition:
      border-color 0.15s ease,
      box-shadow 0.15s ease;
  }
  section.flash {
    animation: flash 1.8s ease-out;
  }
  @keyframes flash {
    from {
      box-shadow: 0 0 0 4px rgb(59 91 219 / 0.45);
    }
  }
  section:focus-within {
    border-color: #b9c4ec;
    box-shadow: 0 0 0 3px rgb(59 91 219 / 0.08);
  }
  section.markdown {
    background: transparent;
    border-color: transparent;
    box-shadow: none;
  }
  section.markdown:hover,
  section.markdown:focus-within {
    background: var(--mn-surface);
    border-color: var(--mn-border);
  }
  section[data-status='running']::before {
    content: '';
    position: absolute;
    inset: -1px -1px auto;
    height: 2px;
    border-radius: var(--mn-radius) var(--mn-radius) 0 0;
    background: linear-gradient(90deg, transparent, var(--mn-run), transparent);
    background-size: 50% 100%;
    background-repeat: no-repeat;
    /* Shown only once a run lasts (BUSY_SHOWN_AFTER_MS in mn-app.ts): fast updates do not flicker. */
    animation: sweep 1.1s steps(6) 0.3s infinite backwards; /* in steps: see STEPPED in shared.ts */
  }
  @keyframes sweep {
    /* Starts wholly off the left edge, so nothing shows during the delay. */
    from {
      background-position: -100% 0;
    }
    to {
      background-position: 150% 0;
    }
  }
  header {
    display: flex;
    align-items: center;
    gap: 10px;
    min-height: 44px;
    padding: 6px 8px 6px 14px;
    border-bottom: 1px solid var(--mn-border);
    flex-wrap: wrap;
  }
  section.markdown header {
    position: absolute;
    top: 4px;
    right: 4px;
    min-height: 0;
    padding: 0;
    border: none;
    z-index: 2;
  }
  .kind {
    color: var(--mn-text-muted);
    border-color: var(--mn-border-strong);
    background: var(--mn-surface);
  }
  .name {
    font: 600 14px/1.3 var(--mn-mono);
    color: var(--mn-text);
    overflow-wrap: anywhere;
  }
  .cell-status {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    height: 20px;
    padding: 0 8px;
    border-radius: 999px;
    font: 500 12px/1 var(--mn-font);
    color: var(--status-fg);
    background: var(--status-bg);
  }
  .cell-status::before {
    content: '';
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: currentColor;
  }
  .cell-status[data-status='running']::before {
    width: 8px;
    height: 8px;
    background: none;
    border: 2px solid currentColor;
    border-right-color: transparent;
    animation: spin 0.8s steps(8) 0.3s infinite; /* in steps: see STEPPED in shared.ts */
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .meta {
    color: var(--mn-text-muted);
    font-size: 12.5px;
    font-variant-numeric: tabular-nums;
  }
  .toolbar {
    display: flex;
    gap: 2px;
    margin-left: auto;
    opacity: 0.6;
    transition: opacity 0.15s ease;
  }
  section:hover .toolbar,
  section:focus-within .toolbar {
    opacity: 1;
  }
  section.markdown .toolbar {
    opacity: 0;
    background: var(--mn-surface);
    border: 1px solid var(--mn-border);
    border-radius: 8px;
    padding: 2px;
    box-shadow: var(--mn-shadow);
  }
  section.markdown:hover .toolbar,
  section.markdown:focus-within .toolbar {
    opacity: 1;
  }
  .add-menu {
    position: relative;
  }
  /* Its "Add…" menu open, the cell stacks above the cells below, which the menu overlaps. */
  section.menu-open {
    z-index: 5;
  }
  .toolbar .run {
    color: var(--mn-accent);
  }
  .sep {
    width: 1px;
    margin: 4px 3px;
    background: var(--mn-border);
  }
  .editor {
    border-bottom: 1px solid transparent;
  }
  section.markdown .editor {
    border: 1px solid var(--mn-border);
    border-radius: var(--mn-radius-sm);
    margin: 40px 12px 12px;
  }
  .prose {
    padding: 14px 18px;
    cursor: text;
  }
  .visual {
    padding: 14px 16px 10px;
  }
  .visual.input mn-slicer {
    max-width: 280px;
  }
  .visual.kpi mn-kpi-card {
    max-width: 300px;
  }
  details.spec {
    border-top: 1px solid var(--mn-border);
  }
  details.spec > summary {
    margin: 0;
    padding: 8px 16px;
    font-size: 12.5px;
  }
  details.spec[open] > summary {
    border-bottom: 1px solid var(--mn-border);
  }
  .out {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 12px;
    padding: 12px 14px 14px;
    border-top: 1px solid var(--mn-border);
  }
  /* Results being replaced fade only when the run lasts; they come back at once. */
  .out.dim {
    opacity: 0.55;
    transition: opacity 0.2s ease 0.3s;
  }
  .problems {
    margin: 0;
    padding: 10px 14px 10px 36px;
    background: var(--mn-warn-bg);
    color: var(--mn-warn);
    border-top: 1px solid #f2dcb3;
    font-size: 13px;
  }
  .note {
    margin: 0;
    font-size: 13px;
    color: var(--mn-text-muted);
  }
  .note.blocked {
    color: var(--mn-error);
  }
  details > summary {
    cursor: pointer;
    color: var(--mn-text-muted);
    font-size: 13px;
    margin-bottom: 8px;
  }
`;
