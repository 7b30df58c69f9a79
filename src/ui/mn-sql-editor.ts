/**
 * A cell's code editor: CodeMirror 6 in this element's shadow root. SQL cells get DuckDB
 * highlighting and catalog completion; bronze specs and markdown sources edit as plain
 * text. Edits leave as debounced `mn-edit` events, flushed before any run, blur or
 * teardown so no keystroke is lost.
 *
 * The editor is made when the cell comes near the screen (or is clicked or focused):
 * until then the text shows as plain lines of the same size. Making fifty editors at once
 * took most of a long notebook's first second, and CodeMirror itself (code-editor.ts) is
 * loaded only when the first editor is wanted, so the page shows before it is parsed.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { resetStyles } from './styles/shared.ts';
import { catalogContext, type Catalog } from './runtime-context.ts';
import type { CodeEditor, EditorMode, EditorRequest } from './code-editor.ts';

/** CodeMirror, fetched once, when the first editor is wanted rather than with the page. */
let codeEditorModule: Promise<typeof import('./code-editor.ts')> | undefined;
function loadCodeEditor() {
  codeEditorModule ??= import('./code-editor.ts').catch((error: unknown) => {
    codeEditorModule = undefined; // not kept: the next try fetches it again
    throw error;
  });
  return codeEditorModule;
}

const EDIT_DEBOUNCE_MS = 250;

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
      .host:empty {
        min-height: 0;
      }
      /* The text before the editor exists: CodeMirror's metrics (editor-theme.ts). */
      .static {
        margin: 0;
        padding: 10px 0;
        min-height: 40px;
        font: 13px/1.6 var(--mn-mono);
        color: var(--mn-text);
        white-space: pre;
        overflow-x: auto;
        counter-reset: line;
        cursor: text;
      }
      .static.wrap {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .static .line {
        display: block;
        min-height: 1.6em;
        padding: 0 14px 0 6px;
      }
      .static.numbered .line {
        padding-left: 40px;
        text-indent: -34px;
      }
      .static.numbered .line::before {
        counter-increment: line;
        content: counter(line);
        display: inline-block;
        width: 34px;
        padding: 0 4px 0 10px;
        text-align: right;
        text-indent: 0;
        font-size: 11.5px;
        color: var(--mn-text-faint);
      }
    `,
  ];

  @property() source = '';
  @property() mode: EditorMode = 'sql';
  @property() placeholder = '';
  /** Accessible name of the editing surface, e.g. "SQL of gold.customer_360". */
  @property() label = 'Cell source';
  /** The line (1-based) the last run's error names, marked in the editor; null for none. */
  @property({ attribute: false }) errorLine: number | null = null;

  @consume({ context: catalogContext, subscribe: true })
  @property({ attribute: false })
  catalog: Catalog = [];

  private editor?: CodeEditor;
  /** The editor being made: CodeMirror may still be on its way. */
  private making?: Promise<CodeEditor | undefined>;
  /** The last text sent out or taken in; an incoming `source` equal to it is our own echo. */
  private known = '';
  private pending?: ReturnType<typeof setTimeout>;

  /** Makes the editor once the element is within a couple of screens of the viewport. */
  private readonly nearScreen =
    typeof IntersectionObserver === 'undefined'
      ? null // no layout to watch (tests in jsdom): made at once
      : new IntersectionObserver(
          (entries) => {
            if (entries.some((e) => e.isIntersecting)) void this.makeEditor(false);
          },
          { rootMargin: '1200px 0px' },
        );

  override render() {
    // One template: the editor lives in .host, which must survive the plain text's removal.
    return html`<div class="host"></div>${this.editor ? nothing : this.renderPlain()}`;
  }

  private renderPlain() {
    const classes = `static ${this.mode === 'markdown' ? 'wrap' : 'numbered'} ${this.mode === 'text' ? 'wrap' : ''}`;
    return html`<pre
      class=${classes}
      tabindex="0"
      aria-label=${this.label}
      @pointerdown=${this._onPointerDown}
      @focus=${this.focus}
    >${this.source.split('\n').map((line) => html`<span class="line">${line}</span>`)}</pre>`;
  }

  override firstUpdated(): void {
    this.known = this.source;
    if (this.nearScreen) this.nearScreen.observe(this);
    else void this.makeEditor(false);
  }

  /** A click on the plain text: the editor, with the caret where the click was. */
  private async _onPointerDown(event: PointerEvent): Promise<void> {
    event.preventDefault();
    const editor = await this.makeEditor(true);
    if (!editor) return;
    await this.updateComplete;
    const at = editor.view.posAtCoords({ x: event.clientX, y: event.clientY });
    editor.view.focus();
    if (at !== null) editor.view.dispatch({ selection: { anchor: at } });
  }

  /**
   * The CodeMirror editor, made now if it was not yet (undefined if it cannot be). Only
   * when the person `asked` for it (a click, focus) does a failure to load say so: every
   * cell near the screen tries on its own, and one broken fetch must not make a toast each.
   */
  private async makeEditor(asked: boolean): Promise<CodeEditor | undefined> {
    this.making ??= loadCodeEditor().then((module) => this.mount(module));
    try {
      return await this.making;
    } catch (error) {
      this.making = undefined; // the next click tries again
      if (asked) this.reportLoadFailure(error);
      return undefined;
    }
  }

  private mount({ mountCodeEditor }: typeof import('./code-editor.ts')): CodeEditor | undefined {
    if (!this.isConnected) {
      this.making = undefined; // taken off the page while CodeMirror loaded: made on return
      return undefined;
    }
    this.nearScreen?.disconnect();
    this.known = this.source;
    this.editor = mountCodeEditor({
      parent: this.renderRoot.querySelector('.host')!,
      root: this.shadowRoot!,
      doc: this.source,
      mode: this.mode,
      catalog: this.catalog,
      placeholder: this.placeholder,
      label: this.label,
      onDocChanged: () => this.schedule(),
      onBlur: () => {
        this.flush();
        this.dispatchEvent(new CustomEvent('mn-blur', { bubbles: true, composed: true }));
      },
      onRequest: (request) => this.onRequest(request),
    });
    this.editor.setErrorLine(this.errorLine);
    this.requestUpdate(); // the plain text gives way
    return this.editor;
  }

  private reportLoadFailure(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `The code editor could not be loaded (${reason}). Your notebook is kept; click the code to try again.`;
    this.dispatchEvent(new CustomEvent('mn-error', { detail: { message }, bubbles: true, composed: true }));
  }

  override updated(changed: PropertyValues<this>): void {
    const editor = this.editor;
    if (!editor) return;
    if (changed.has('source') && this.source !== this.known && this.pending === undefined) {
      // A change from outside (undo of a delete, another view): take it.
      this.known = this.source;
      const { view } = editor;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: this.source } });
    }
    if (changed.has('catalog') || changed.has('mode')) editor.setLanguage(this.mode, this.catalog);
    if (changed.has('errorLine')) editor.setErrorLine(this.errorLine);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The session asks every editor to send pending keystrokes before the tab closes.
    window.addEventListener('mn-flush-edits', this.onFlushRequest);
    if (this.hasUpdated && !this.editor) this.nearScreen?.observe(this);
  }

  private readonly onFlushRequest = () => this.flush();

  override disconnectedCallback(): void {
    window.removeEventListener('mn-flush-edits', this.onFlushRequest);
    this.nearScreen?.disconnect();
    this.flush();
    super.disconnectedCallback();
    // A moved cell is disconnected and reconnected in one task: keep its editor (and undo
    // history) then, and free it only when the element is really gone.
    queueMicrotask(() => {
      if (this.isConnected || !this.editor) return;
      this.editor.view.destroy();
      this.editor = undefined;
      this.making = undefined;
      this.requestUpdate(); // plain text again, should the element come back
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
    void this.makeEditor(true).then((editor) => editor?.view.focus());
  }

  /** Puts the caret at the start of a line (1-based) and scrolls it into view. */
  async goToLine(line: number): Promise<void> {
    const editor = await this.makeEditor(true);
    if (!editor) return;
    const { view } = editor;
    const at = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines)).from;
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    view.focus();
  }

  private schedule(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.emitEdit();
    }, EDIT_DEBOUNCE_MS);
  }

  private emitEdit(): void {
    const source = this.editor?.view.state.doc.toString() ?? this.source;
    if (source === this.known) return;
    this.known = source;
    this.dispatchEvent(
      new CustomEvent('mn-edit', { detail: { source }, bubbles: true, composed: true }),
    );
  }

  private onRequest(request: EditorRequest): boolean {
    if (request === 'mn-escape' && this.mode !== 'markdown') return false;
    this.editor?.closeCompletion();
    this.flush();
    this.dispatchEvent(new CustomEvent(request, { bubbles: true, composed: true }));
    return true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-sql-editor': MnSqlEditor;
  }
}
