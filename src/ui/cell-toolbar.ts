/**
 * A cell's toolbar: run (or edit, for text), move, add below (SQL, text, or from the +
 * menu a chart, card, slicer, tests or files cell), delete. A template of mn-cell, drawn
 * in its shadow root with its styles; the cell hands in what each button does.
 */
import { html, nothing } from 'lit';
import { icons } from './icons.ts';
import { MENU_KINDS, MENU_LABELS, type MenuKind } from './cell-templates.ts';
import type { MenuButton } from './menu-button.ts';

export interface ToolbarActions {
  /** A text cell: "Edit" instead of "Run cell". */
  readonly markdown: boolean;
  /** First or last in the notebook: moving up or down is off. */
  readonly first: boolean;
  readonly last: boolean;
  /** The + menu's state and keys. */
  readonly addMenu: MenuButton;
  editMarkdown(): void;
  run(): void;
  moveUp(): void;
  moveDown(): void;
  addSql(): void;
  addMarkdown(): void;
  addKind(kind: MenuKind): void;
  remove(): void;
}

export function cellToolbar(a: ToolbarActions) {
  const { markdown, addMenu } = a;
  return html`<div class="toolbar" role="group" aria-label="Cell actions">
    ${
      markdown
        ? html`<button
            class="icon-btn"
            aria-label="Edit"
            title="Edit text"
            @click=${a.editMarkdown}
          >
            ${icons.edit}
          </button>`
        : html`<button
            class="icon-btn run"
            aria-label="Run cell"
            title="Run cell (Shift+Enter)"
            @click=${a.run}
          >
            ${icons.play}
          </button>`
    }
    <button
      class="icon-btn"
      aria-label="Move up"
      title="Move up"
      ?disabled=${a.first}
      @click=${a.moveUp}
    >
      ${icons.up}
    </button>
    <button
      class="icon-btn"
      aria-label="Move down"
      title="Move down"
      ?disabled=${a.last}
      @click=${a.moveDown}
    >
      ${icons.down}
    </button>
    <span class="sep"></span>
    <button
      class="icon-btn"
      aria-label="Add SQL cell below"
      title="Add SQL cell below"
      @click=${a.addSql}
    >
      ${icons.addSql}
    </button>
    <button
      class="icon-btn"
      aria-label="Add markdown cell below"
      title="Add text cell below"
      @click=${a.addMarkdown}
    >
      ${icons.addText}
    </button>
    <span class="add-menu" @keydown=${addMenu.onKey}>
      <button
        class="icon-btn"
        aria-label="Add chart, card, slicer or tests below"
        title="Add a chart, KPI card, slicer, data tests or files cell below"
        aria-haspopup="menu"
        aria-expanded=${addMenu.open ? 'true' : 'false'}
        @click=${addMenu.toggle}
      >
        ${icons.addMore}
      </button>
      ${
        addMenu.open
          ? html`<div role="menu" aria-label="Add below">
              ${MENU_KINDS.map(
                (kind) => html`<button role="menuitem" @click=${() => a.addKind(kind)}>${MENU_LABELS[kind]}</button>`,
              )}
            </div>`
          : nothing
      }
    </span>
    <span class="sep"></span>
    <button
      class="icon-btn"
      aria-label="Delete cell"
      title="Delete cell"
      @click=${a.remove}
    >
      ${icons.trash}
    </button>
  </div>`;
}
