/**
 * The keyboard shortcuts, listed in a dialog: `?` opens it anywhere outside a text field,
 * and the top bar's keyboard button sends `mn-show-shortcuts`. Every key listed here is
 * handled elsewhere (code-editor.ts, mn-app.ts, mn-notebook-menu.ts, mn-presentation.ts,
 * CodeMirror's default keymap); this only says what they are.
 */
import { LitElement, css, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { resetStyles, buttonStyles, dialogStyles } from './styles/shared.ts';
import { IS_MAC } from './platform-keys.ts';

const MOD = IS_MAC ? '⌘' : 'Ctrl';

/** Groups of [keys, what they do]; keys are separated by spaces, alternatives by " / ". */
const SHORTCUTS: readonly (readonly [string, readonly (readonly [string, string])[]])[] = [
  [
    'Running',
    [
      [`⇧ Enter / ${MOD} Enter`, 'Run the cell, and the cells that read it'],
      [`${MOD} ⇧ Enter`, 'Run all'],
    ],
  ],
  [
    'Editing code',
    [
      ['Ctrl Space', 'Suggest tables, columns and functions'],
      [`${MOD} /`, 'Comment or uncomment the lines'],
      ['Alt ↑ / Alt ↓', 'Move the lines up or down'],
      [`${MOD} Z`, 'Undo'],
      [IS_MAC ? '⌘ ⇧ Z' : 'Ctrl Y', 'Redo'],
      ['Tab / ⇧ Tab', 'Indent or outdent (Esc, then Tab, leaves the editor)'],
      ['Esc', 'Finish editing a text cell'],
    ],
  ],
  [
    'Notebook',
    [
      [`${MOD} ⇧ D`, 'Switch between notebook and dashboard'],
      [`${MOD} S`, 'Save the notebook as a .md file'],
      [`${MOD} O`, 'Open a notebook file'],
      ['?', 'Show these shortcuts'],
    ],
  ],
  [
    'Presenting',
    [
      ['→ / ←', 'Next or previous step'],
      ['Esc', 'Leave the presentation'],
    ],
  ],
];

@customElement('mn-shortcuts')
export class MnShortcuts extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    dialogStyles,
    css`
      dialog {
        width: min(560px, calc(100vw - 32px));
        max-height: calc(100vh - 48px);
        padding: 18px 22px 20px;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        margin-bottom: 4px;
      }
      h3 {
        margin: 14px 0 6px;
        font-size: 12px;
        font-weight: 600;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--mn-text-muted);
      }
      dl {
        display: grid;
        /* One width for every group, so the descriptions line up down the dialog. */
        grid-template-columns: 190px 1fr;
        gap: 6px 16px;
        margin: 0;
      }
      dt {
        white-space: nowrap;
      }
      dd {
        margin: 0;
      }
      kbd {
        display: inline-block;
        min-width: 22px;
        padding: 1px 6px;
        border: 1px solid var(--mn-border-strong);
        border-bottom-width: 2px;
        border-radius: 5px;
        background: var(--mn-surface);
        font: 12px/1.5 var(--mn-font);
        text-align: center;
      }
      .or {
        margin: 0 4px;
        color: var(--mn-text-muted);
        font-size: 12px;
      }
    `,
  ];

  @query('dialog') private dialog?: HTMLDialogElement;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('mn-show-shortcuts', this.show);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('mn-show-shortcuts', this.show);
  }

  readonly show = (): void => {
    if (!this.dialog?.open) this.dialog?.showModal();
  };

  override render() {
    return html`<dialog aria-labelledby="shortcuts-title" @click=${this._onBackdrop}>
      <header>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button class="btn" @click=${() => this.dialog?.close()}>Close</button>
      </header>
      ${SHORTCUTS.map(
        ([group, rows]) => html`<h3>${group}</h3>
          <dl>
            ${rows.map(([keys, what]) => html`<dt>${keysOf(keys)}</dt><dd>${what}</dd>`)}
          </dl>`,
      )}
    </dialog>`;
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key !== '?' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typingIn(event)) return;
    event.preventDefault();
    this.show();
  };

  /** A click on the backdrop (the dialog element itself, outside its content) closes it. */
  private _onBackdrop(event: MouseEvent): void {
    const box = this.dialog?.getBoundingClientRect();
    if (!box || event.target !== this.dialog) return;
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) this.dialog?.close();
  }
}

/** "⌘ ⇧ Z / Ctrl Y" → keycaps, alternatives separated by "or". */
function keysOf(text: string) {
  return text.split(' / ').map(
    (combo, i) => html`${i > 0 ? html`<span class="or">or</span>` : ''}${combo.split(' ').map((key) => html`<kbd>${key}</kbd> `)}`,
  );
}

/** Whether a key press goes to a text field or an editor, where `?` is a character. */
function typingIn(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-shortcuts': MnShortcuts;
  }
}
