/**
 * Until the notebook menu and the session notices live in the app shell (mn-top-bar and
 * the top of mn-app's main), main.ts mounts this strip above <mn-app>: the menu on the
 * right, the notices below it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { NotebookSession } from '../share/session.ts';
import './mn-notebook-menu.ts';
import './mn-session-banner.ts';

@customElement('mn-session-bar')
export class MnSessionBar extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 1480px;
      margin: 0 auto;
      padding: 10px 24px 0;
    }
    .menu {
      display: flex;
      justify-content: flex-end;
    }
    mn-session-banner:not([hidden]) {
      margin-top: 10px;
    }
    @media (max-width: 900px) {
      :host {
        padding: 8px 12px 0;
      }
    }
  `;

  @property({ attribute: false }) session?: NotebookSession;

  override render() {
    if (!this.session) return nothing;
    return html`<div class="menu">
        <mn-notebook-menu .session=${this.session}></mn-notebook-menu>
      </div>
      <mn-session-banner .session=${this.session}></mn-session-banner>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-session-bar': MnSessionBar;
  }
}
