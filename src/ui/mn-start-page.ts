/**
 * The start page (`?start`, or a `?notebook=` name the gallery does not have): the
 * gallery of bundled notebooks, "Open a notebook file…", "New notebook", and the
 * notebooks kept in this browser. A message (an unknown name, a damaged link) shows on top.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { GalleryEntry } from '../share/gallery.ts';
import type { NotebookStore } from '../share/notebook-store.ts';
import type { ChannelLike } from '../share/autosave.ts';
import { addressOf } from '../share/open-request.ts';
import { resetStyles, buttonStyles } from './styles/shared.ts';
import './mn-notebook-list.ts';

@customElement('mn-start-page')
export class MnStartPage extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    css`
      :host {
        display: block;
        max-width: 1040px;
        margin: 0 auto;
        padding: 32px 24px 96px;
        color: var(--mn-text);
        font-family: var(--mn-font);
      }
      header {
        display: flex;
        align-items: center;
        gap: 10px;
        margin-bottom: 24px;
        font-weight: 650;
      }
      .logo {
        width: 24px;
        height: 24px;
        border-radius: 50%;
        background: conic-gradient(from 200deg, #c98a4b, #e8c547, #b8bec7, #c98a4b);
      }
      h1 {
        font-size: 26px;
        margin: 0 0 4px;
      }
      h2 {
        font-size: 18px;
        margin: 36px 0 12px;
      }
      .lead {
        color: var(--mn-text-muted);
        margin: 0 0 20px;
      }
      .message {
        padding: 12px 16px;
        border: 1px solid var(--mn-error-border);
        background: var(--mn-error-bg);
        color: var(--mn-error);
        border-radius: var(--mn-radius);
        margin-bottom: 20px;
      }
      .gallery {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(280px, 1fr));
        gap: 14px;
      }
      .gallery a {
        display: block;
        height: 100%;
        padding: 16px 18px;
        border: 1px solid var(--mn-border);
        border-radius: var(--mn-radius);
        background: var(--mn-surface);
        box-shadow: var(--mn-shadow);
        color: inherit;
        text-decoration: none;
      }
      .gallery a:hover,
      .gallery a:focus-visible {
        border-color: var(--mn-accent);
        outline: none;
      }
      .gallery strong {
        display: block;
        font-size: 16px;
        margin-bottom: 6px;
      }
      .gallery span {
        font-size: 13.5px;
        color: var(--mn-text-muted);
        line-height: 1.5;
      }
      .actions {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
      }
      .error {
        color: var(--mn-error);
      }
    `,
  ];

  @property({ attribute: false }) gallery: readonly GalleryEntry[] = [];
  @property({ attribute: false }) store?: NotebookStore;
  @property({ attribute: false }) channel: ChannelLike | null = null;
  @property() message: string | null = null;
  @state() private error: string | null = null;

  override render() {
    return html`<header><span class="logo" aria-hidden="true"></span>Medallion Notebook</header>
      <main>
        <h1>Notebooks</h1>
        <p class="lead">
          Build bronze → silver → gold tables with SQL, in your browser. Nothing is uploaded.
        </p>
        ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
        <section aria-labelledby="gallery-title">
          <h2 id="gallery-title">Gallery</h2>
          <ul class="gallery">
            ${this.gallery.map(
              (g) =>
                html`<li>
                  <a href=${addressOf.gallery(g.name)}
                    ><strong>${g.title}</strong><span>${g.description}</span></a
                  >
                </li>`,
            )}
          </ul>
        </section>
        <section aria-labelledby="files-title">
          <h2 id="files-title">Your notebooks</h2>
          <div class="actions">
            <button class="btn" @click=${this._onOpenFile}>Open a notebook file…</button>
            <button class="btn" @click=${this._onNew}>New notebook</button>
          </div>
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          <h2>In this browser</h2>
          <mn-notebook-list .store=${this.store} .channel=${this.channel}></mn-notebook-list>
        </section>
      </main>`;
  }

  private _onOpenFile(): void {
    this.dispatchEvent(new CustomEvent('mn-open-file', { bubbles: true, composed: true }));
  }

  private _onNew(): void {
    this.dispatchEvent(new CustomEvent('mn-new-notebook', { bubbles: true, composed: true }));
  }

  /** Shows why opening a file failed. */
  showError(message: string | null): void {
    this.error = message;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-start-page': MnStartPage;
  }
}
