/** The editor's light look: calm colours, the page's monospace, no heavy chrome. */
import { EditorView } from '@codemirror/view';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

const theme = EditorView.theme({
  '&': {
    fontSize: '13px',
    backgroundColor: 'transparent',
    color: 'var(--mn-text)',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'var(--mn-mono)',
    lineHeight: '1.6',
    overflow: 'auto',
  },
  '.cm-content': { padding: '10px 0', caretColor: 'var(--mn-accent)' },
  '.cm-line': { padding: '0 14px 0 6px' },
  '.cm-gutters': {
    backgroundColor: 'transparent',
    color: 'var(--mn-text-faint)',
    border: 'none',
    minWidth: '34px',
  },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 4px 0 10px', fontSize: '11.5px' },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  // The line a run's error points at (code-editor.ts), over the active line's tint.
  '.cm-line.cm-error-line': { backgroundColor: 'rgb(201 42 42 / 0.09)', boxShadow: 'inset 3px 0 0 rgb(201 42 42 / 0.7)' },
  '&.cm-focused .cm-activeLine': { backgroundColor: 'rgb(59 91 219 / 0.045)' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent' },
  '&.cm-focused .cm-activeLineGutter': { color: 'var(--mn-text-muted)' },
  '.cm-selectionBackground, ::selection': { backgroundColor: 'rgb(59 91 219 / 0.18) !important' },
  '.cm-matchingBracket': { backgroundColor: 'rgb(59 91 219 / 0.14)', outline: 'none' },
  '.cm-placeholder': { color: 'var(--mn-text-faint)', fontStyle: 'italic' },
  '.cm-tooltip': {
    border: '1px solid var(--mn-border)',
    borderRadius: '8px',
    backgroundColor: 'var(--mn-surface)',
    boxShadow: 'var(--mn-shadow-raised)',
    overflow: 'hidden',
  },
  '.cm-tooltip-autocomplete > ul': {
    fontFamily: 'var(--mn-mono)',
    fontSize: '12.5px',
    maxHeight: '16em',
  },
  '.cm-tooltip-autocomplete > ul > li': { padding: '3px 10px !important' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--mn-accent-soft)',
    color: 'var(--mn-text)',
  },
  '.cm-completionDetail': {
    color: 'var(--mn-text-faint)',
    fontStyle: 'normal',
    marginLeft: '12px',
  },
});

const highlight = HighlightStyle.define([
  { tag: t.keyword, color: '#3b4cca', fontWeight: '600' },
  { tag: [t.operatorKeyword, t.modifier], color: '#3b4cca' },
  { tag: [t.string, t.special(t.string)], color: '#0b7a4b' },
  { tag: [t.number, t.bool, t.null], color: '#a2510b' },
  { tag: [t.lineComment, t.blockComment, t.comment], color: '#8b939d', fontStyle: 'italic' },
  { tag: [t.typeName, t.standard(t.name)], color: '#8a3ab9' },
  { tag: t.special(t.name), color: '#a2510b' },
  { tag: [t.operator, t.punctuation, t.bracket], color: '#5d6672' },
  { tag: t.quote, color: '#0b6e99' },
]);

export const editorTheme = [theme, syntaxHighlighting(highlight)];
