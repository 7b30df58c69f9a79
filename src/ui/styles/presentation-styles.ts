/** Presentation mode: one cell at a time, full screen, code hidden. */
import { css } from 'lit';

export const presentationStyles = css`
  :host {
    position: fixed;
    inset: 0;
    z-index: 60;
    display: grid;
    grid-template-rows: auto minmax(0, 1fr);
    background: var(--mn-bg);
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 14px;
    padding: 10px 20px;
    background: var(--mn-surface);
    border-bottom: 1px solid var(--mn-border);
  }
  .title {
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 0;
  }
  .progress {
    flex: 1;
    display: flex;
    align-items: center;
    gap: 10px;
    min-width: 120px;
    color: var(--mn-text-muted);
    font-size: 13px;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .track {
    flex: 1;
    height: 6px;
    border-radius: 3px;
    background: var(--mn-silver-bg);
    overflow: hidden;
  }
  .track span {
    display: block;
    height: 100%;
    background: var(--mn-accent);
    transition: width 0.2s ease;
  }
  .stage {
    overflow: auto;
    padding: 36px 28px 60px;
    outline: none;
  }
  article {
    max-width: 1120px;
    margin: 0 auto;
    display: grid;
    gap: 16px;
    animation: enter 0.18s ease-out;
  }
  @keyframes enter {
    from {
      opacity: 0;
      transform: translateY(6px);
    }
  }
  .prose {
    padding: 28px 36px;
    border-radius: var(--mn-radius);
    background: var(--mn-surface);
    border: 1px solid var(--mn-border);
    font-size: 17px;
  }
  .prose mn-markdown {
    font-size: 17px;
  }
  .head {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
  }
  .kind {
    color: var(--mn-text-muted);
    border-color: var(--mn-border-strong);
    background: var(--mn-surface);
  }
  h2 {
    margin: 0;
    font: 650 22px/1.25 var(--mn-mono);
    overflow-wrap: anywhere;
  }
  .status {
    display: inline-flex;
    align-items: center;
    height: 22px;
    padding: 0 9px;
    border-radius: 999px;
    font-size: 12.5px;
    color: var(--status-fg);
    background: var(--status-bg);
  }
  .meta {
    color: var(--mn-text-muted);
    font-size: 13px;
    font-variant-numeric: tabular-nums;
  }
  .panel {
    display: grid;
    gap: 14px;
    padding: 16px;
    border-radius: var(--mn-radius);
    background: var(--mn-surface);
    border: 1px solid var(--mn-border);
  }
  .panel mn-layer-warnings {
    margin: -16px -16px 0;
    border-radius: var(--mn-radius) var(--mn-radius) 0 0;
    overflow: hidden;
  }
  .note {
    margin: 0;
    color: var(--mn-text-muted);
  }
  .visual.kpi mn-kpi-card {
    max-width: 360px;
  }
  .visual.input mn-slicer {
    max-width: 320px;
  }
  .code-toggle {
    justify-self: start;
  }
  pre.code {
    margin: 0;
    padding: 12px 14px;
    border-radius: var(--mn-radius-sm);
    background: #f4f5f7;
    font: 13px/1.55 var(--mn-mono);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .keys {
    color: var(--mn-text-faint);
    font-size: 12px;
    white-space: nowrap;
  }
  @media (max-width: 800px) {
    .keys {
      display: none;
    }
    .stage {
      padding: 20px 12px 40px;
    }
  }
`;
