/**
 * A cell's toolbar: run (or edit, for text), move, add below (SQL, text, or from the +
 * menu a chart, card, slicer, tests or files cell), delete. A template of mn-cell, drawn
 * in its shadow root with its styles; the cell hands in what each button does.
 */
import { html, nothing, type TemplateResult } from 'lit';
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
  const { addMenu } = a;
  return html`<div class="toolbar" role="group" aria-label="Cell actions">
    ${
      a.markdown
        ? button('Edit', 'Edit text', icons.edit, a.editMarkdown)
        : button('Run cell', 'Run cell (Shift+Enter)', icons.play, a.run, { className: 'run' })
    }
    ${button('Move up', 'Move up', icons.up, a.moveUp, { disabled: a.first })}
    ${button('Move down', 'Move down', icons.down, a.moveDown, { disabled: a.last })}
    <span class="sep"></span>
    ${button('Add SQL cell below', 'Add SQL cell below', icons.addSql, a.addSql)}
    ${button('Add markdown cell below', 'Add text cell below', icons.addText, a.addMarkdown)}
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
    ${button('Delete cell', 'Delete cell', icons.trash, a.remove)}
  </div>`;
}

/** One icon button: its accessible name, its tooltip, its icon, what it does. */
function button(
  label: string,
  title: string,
  icon: TemplateResult,
  onClick: () => void,
  { className = '', disabled = false }: { className?: string; disabled?: boolean } = {},
) {
  return html`<button class="icon-btn ${className}" aria-label=${label} title=${title} ?disabled=${disabled} @click=${onClick}>
    ${icon}
  </button>`;
}
