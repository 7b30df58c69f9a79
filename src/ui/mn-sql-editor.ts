/**
 * A cell's code editor: CodeMirror 6 in this element's shadow root. SQL cells get DuckDB
 * highlighting and catalog completion; bronze specs and markdown sources edit as plain
 * text. Edits leave as debounced `mn-edit` events, flushed before any run, blur or
 * teardown so no keystroke is lost.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  EditorView,
  keymap,
  lineNumbers,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  placeholder,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import {
  autocompletion,
  closeCompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { resetStyles } from './styles/shared.ts';
import { catalogContext, type Catalog } from './runtime-context.ts';
import { sqlSupport } from './sql-completion.ts';
import { editorTheme } from './editor-theme.ts';

const EDIT_DEBOUNCE_MS = 250;

export type EditorMode = 'sql' | 'text' | 'markdown';

@customElement('mn-sql-editor')
export class MnSqlEditor extends LitElement {
  static override styles = [
    resetStyles,
    css`
      :host {
        display: block;
      }
      .host {
        min-height: 40px;
      }
    `,
  ];

  @property() source = '';
  @property() mode: EditorMode = 'sql';
  @property() placeholder = '';
  /** Accessible name of the editing surface, e.g. "SQL of gold.customer_360". */
  @property() label = 'Cell source';

  @consume({ context: catalogContext, subscribe: true })
  @property({ attribute: false })
  catalog: Catalog = [];

  private view?: EditorView;
  private readonly language = new Compartment();
  /** The last text sent out or taken in; an incoming `source` equal to it is our own echo. */
  private known = '';
  private pending?: ReturnType<typeof setTimeout>;

  override render() {
    return html`<div class="host"></div>`;
  }

  override firstUpdated(): void {
    this.known = this.source;
    this.view = new EditorView({
      parent: this.renderRoot.querySelector('.host')!,
      root: this.shadowRoot!,
      state: EditorState.create({ doc: this.source, extensions: this.extensions() }),
    });
  }

  override updated(changed: PropertyValues<this>): void {
    const view = this.view;
    if (!view) return;
    if (changed.has('source') && this.source !== this.known && this.pending === undefined) {
      // A change from outside (undo of a delete, another view): take it.
      this.known = this.source;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: this.source } });
    }
    if (changed.has('catalog') || changed.has('mode')) {
      view.dispatch({ effects: this.language.reconfigure(this.languageFor()) });
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The session asks every editor to send pending keystrokes before the tab closes.
    window.addEventListener('mn-flush-edits', this.onFlushRequest);
  }

  private readonly onFlushRequest = () => this.flush();

  override disconnectedCallback(): void {
    window.removeEventListener('mn-flush-edits', this.onFlushRequest);
    this.flush();
    super.disconnectedCallback();
    // A moved cell is disconnected and reconnected in one task: keep its editor (and undo
    // history) then, and free it only when the element is really gone.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.view?.destroy();
      this.view = undefined;
    });
  }

  /** Sends any edit still waiting for its debounce. */
  flush(): void {
    if (this.pending === undefined) return;
    clearTimeout(this.pending);
    this.pending = undefined;
    this.emitEdit();
  }

  override focus(): void {
    this.view?.focus();
  }

  private extensions(): Extension[] {
    return [
      this.mode === 'markdown' ? [] : [lineNumbers(), highlightActiveLineGutter()],
      history(),
      drawSelection(),
      highlightActiveLine(),
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      autocompletion({ icons: false }),
      placeholder(this.placeholder),
      keymap.of([
        { key: 'Shift-Enter', run: () => this.requestRun('mn-run'), preventDefault: true },
        { key: 'Mod-Enter', run: () => this.requestRun('mn-run'), preventDefault: true },
        { key: 'Mod-Shift-Enter', run: () => this.requestRun('mn-run-all'), preventDefault: true },
        ...completionKeymap,
        { key: 'Escape', run: () => this.mode === 'markdown' && this.requestRun('mn-escape') },
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...historyKeymap,
        indentWithTab,
      ]),
      this.language.of(this.languageFor()),
      this.mode === 'sql' ? [] : EditorView.lineWrapping,
      editorTheme,
      EditorView.contentAttributes.of({ 'aria-label': this.label }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) this.schedule();
        if (update.focusChanged && !update.view.hasFocus) {
          this.flush();
          this.dispatchEvent(new CustomEvent('mn-blur', { bubbles: true, composed: true }));
        }
      }),
    ];
  }

  private languageFor(): Extension {
    return this.mode === 'sql' ? sqlSupport(this.catalog) : [];
  }

  private schedule(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.emitEdit();
    }, EDIT_DEBOUNCE_MS);
  }

  private emitEdit(): void {
    const source = this.view?.state.doc.toString() ?? this.source;
    if (source === this.known) return;
    this.known = source;
    this.dispatchEvent(
      new CustomEvent('mn-edit', { detail: { source }, bubbles: true, composed: true }),
    );
  }

  private requestRun(type: 'mn-run' | 'mn-run-all' | 'mn-escape'): boolean {
    if (this.view) closeCompletion(this.view);
    this.flush();
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
    return true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-sql-editor': MnSqlEditor;
  }
}
