/**
 * Renders a markdown cell: marked → DOMPurify → DOM. Only sanitized HTML ever reaches
 * unsafeHTML; notebooks travel between people, so their prose is untrusted.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { renderMarkdown } from './sanitize-markdown.ts';
import { resetStyles } from './styles/shared.ts';

export { renderMarkdown };

@customElement('mn-markdown')
export class MnMarkdown extends LitElement {
  static override styles = [
    resetStyles,
    css`
      :host {
        display: block;
        color: var(--mn-text);
        font-size: 15px;
        line-height: 1.65;
      }
      .prose > :first-child {
        margin-top: 0;
      }
      .prose > :last-child {
        margin-bottom: 0;
      }
      h1,
      h2,
      h3,
      h4 {
        line-height: 1.25;
        letter-spacing: -0.01em;
        margin: 1.2em 0 0.5em;
      }
      h1 {
        font-size: 26px;
      }
      h2 {
        font-size: 20px;
      }
      h3 {
        font-size: 16px;
      }
      p,
      ul,
      ol,
      blockquote,
      table,
      pre {
        margin: 0 0 0.8em;
      }
      ul,
      ol {
        padding-left: 1.4em;
      }
      li + li {
        margin-top: 0.2em;
      }
      a {
        color: var(--mn-accent);
      }
      code {
        font-family: var(--mn-mono);
        font-size: 0.88em;
        background: var(--mn-silver-bg);
        border-radius: 4px;
        padding: 0.1em 0.35em;
      }
      pre {
        background: var(--mn-surface-muted);
        border: 1px solid var(--mn-border);
        border-radius: var(--mn-radius-sm);
        padding: 10px 12px;
        overflow: auto;
      }
      pre code {
        background: none;
        padding: 0;
      }
      blockquote {
        border-left: 3px solid var(--mn-border-strong);
        padding: 2px 0 2px 12px;
        color: var(--mn-text-muted);
      }
      table {
        border-collapse: collapse;
        font-size: 13px;
      }
      th,
      td {
        border: 1px solid var(--mn-border);
        padding: 4px 10px;
        text-align: left;
      }
      th {
        background: var(--mn-surface-muted);
      }
      hr {
        border: none;
        border-top: 1px solid var(--mn-border);
      }
      .empty {
        color: var(--mn-text-faint);
        font-style: italic;
      }
    `,
  ];

  @property() source = '';

  override render() {
    if (this.source.trim() === '')
      return html`<p class="empty">Empty text cell. Double-click to write.</p>`;
    return html`<div class="prose">${unsafeHTML(renderMarkdown(this.source))}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-markdown': MnMarkdown;
  }
}
