/**
 * The CodeMirror 6 editor behind a cell's code. It is a module of its own because
 * mn-sql-editor loads it lazily: CodeMirror is nearly half the page's script, and the
 * notebook shows its code as plain text until the editor has arrived.
 */
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  Decoration,
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
import type { Catalog } from './runtime-context.ts';
import { sqlSupport } from './sql-completion.ts';
import { editorTheme } from './editor-theme.ts';

export type EditorMode = 'sql' | 'text' | 'markdown';
export type EditorRequest = 'mn-run' | 'mn-run-all' | 'mn-escape';

export interface CodeEditorOptions {
  parent: Element;
  root: ShadowRoot;
  doc: string;
  mode: EditorMode;
  catalog: Catalog;
  placeholder: string;
  /** Accessible name of the editing surface. */
  label: string;
  onDocChanged: () => void;
  onBlur: () => void;
  /** A run (or leave) key was pressed; answers whether the key was used. */
  onRequest: (request: EditorRequest) => boolean;
}

export interface CodeEditor {
  readonly view: EditorView;
  /** Language support for the mode, with SQL completion over the catalog. */
  setLanguage(mode: EditorMode, catalog: Catalog): void;
  /** Marks the line (1-based) a run's error names, or none. */
  setErrorLine(line: number | null): void;
  closeCompletion(): void;
}

export function mountCodeEditor(options: CodeEditorOptions): CodeEditor {
  const language = new Compartment();
  const errorMark = new Compartment();
  const view = new EditorView({
    parent: options.parent,
    root: options.root,
    state: EditorState.create({
      doc: options.doc,
      extensions: [extensions(options, language.of(languageFor(options.mode, options.catalog))), errorMark.of([])],
    }),
  });
  return {
    view,
    setLanguage: (mode, catalog) =>
      view.dispatch({ effects: language.reconfigure(languageFor(mode, catalog)) }),
    setErrorLine: (line) => view.dispatch({ effects: errorMark.reconfigure(errorLineMark(view.state, line)) }),
    closeCompletion: () => closeCompletion(view),
  };
}

/** A tinted line where the error points (the cell's text may have changed since: then none). */
function errorLineMark(state: EditorState, line: number | null): Extension {
  if (line === null || line < 1 || line > state.doc.lines) return [];
  const at = state.doc.line(line).from;
  return EditorView.decorations.of(Decoration.set([Decoration.line({ class: 'cm-error-line' }).range(at)]));
}

function languageFor(mode: EditorMode, catalog: Catalog): Extension {
  return mode === 'sql' ? sqlSupport(catalog) : [];
}

function extensions(options: CodeEditorOptions, language: Extension): Extension[] {
  const { mode, onRequest } = options;
  return [
    mode === 'markdown' ? [] : [lineNumbers(), highlightActiveLineGutter()],
    history(),
    drawSelection(),
    highlightActiveLine(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    autocompletion({ icons: false }),
    placeholder(options.placeholder),
    keymap.of([
      { key: 'Shift-Enter', run: () => onRequest('mn-run'), preventDefault: true },
      { key: 'Mod-Enter', run: () => onRequest('mn-run'), preventDefault: true },
      { key: 'Mod-Shift-Enter', run: () => onRequest('mn-run-all'), preventDefault: true },
      ...completionKeymap,
      { key: 'Escape', run: () => onRequest('mn-escape') },
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...historyKeymap,
      indentWithTab,
    ]),
    language,
    mode === 'sql' ? [] : EditorView.lineWrapping,
    editorTheme,
    EditorView.contentAttributes.of({ 'aria-label': options.label }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onDocChanged();
      if (update.focusChanged && !update.view.hasFocus) options.onBlur();
    }),
  ];
}
