/** The page layout: side panel, notebook column, dashboard and lineage views. */
import { css } from 'lit';

export const appStyles = css`
  :host {
    display: block;
    min-height: 100vh;
  }
  .layout {
    display: grid;
    grid-template-columns: 300px minmax(0, 1fr);
    gap: 28px;
    max-width: 1480px;
    margin: 0 auto;
    padding: 24px 24px 120px;
  }
  aside {
    position: sticky;
    top: 80px;
    align-self: start;
    display: grid;
    /* The panel's width, whatever its contents would like: they wrap or scroll inside. */
    grid-template-columns: minmax(0, 1fr);
    gap: 28px;
    max-height: calc(100vh - 100px);
    overflow: auto;
    padding-right: 4px;
  }
  main {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 14px;
    min-width: 0;
    align-content: start;
  }
  .filters {
    position: sticky;
    top: 64px;
    z-index: 8;
    padding: 8px 12px;
    background: rgb(255 255 255 / 0.96);
    backdrop-filter: blur(6px);
    border: 1px solid var(--mn-border);
    border-radius: var(--mn-radius);
    box-shadow: var(--mn-shadow-raised);
  }
  .append {
    display: flex;
    gap: 8px;
    justify-content: center;
    padding: 10px;
    border: 1.5px dashed var(--mn-border);
    border-radius: var(--mn-radius);
    opacity: 0.8;
  }
  .append:hover {
    opacity: 1;
  }
  .overlay {
    position: fixed;
    inset: 0;
    z-index: 40;
    display: grid;
    place-items: center;
    background: rgb(59 91 219 / 0.08);
    border: 3px dashed var(--mn-accent);
    pointer-events: none;
  }
  .overlay div {
    display: grid;
    justify-items: center;
    gap: 8px;
    padding: 24px 36px;
    border-radius: 14px;
    background: var(--mn-surface);
    box-shadow: var(--mn-shadow-raised);
    font-size: 16px;
    font-weight: 600;
    color: var(--mn-accent);
  }
  .overlay svg {
    width: 32px;
    height: 32px;
  }
  .overlay span {
    font-size: 13px;
    font-weight: 400;
    color: var(--mn-text-muted);
  }
  @media (max-width: 900px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
      padding: 16px 12px 80px;
      gap: 16px;
    }
    aside {
      position: static;
      max-height: none;
      overflow: visible;
    }
    mn-outline {
      display: none;
    }
  }
`;
