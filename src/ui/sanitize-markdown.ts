/**
 * Markdown → sanitized HTML: marked, then DOMPurify. Notebooks travel between people
 * (links, files), so their prose is untrusted: no scripts or event handlers, no
 * `javascript:`/`data:` links, and no elements that could pass for the app's own controls
 * or cover them (forms, buttons, inline styles, `<style>`). Only this output may reach
 * `unsafeHTML` (mn-markdown.ts).
 */
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const markdown = new Marked({ gfm: true, breaks: false, async: false });

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'dialog'],
  FORBID_ATTR: ['style'],
};

/** The part of DOMPurify used here; tests pass one made over jsdom's window. */
export interface Sanitizer {
  sanitize(html: string, config: typeof CONFIG): string;
}

export function renderMarkdown(
  source: string,
  purify: Sanitizer = DOMPurify as unknown as Sanitizer,
): string {
  return purify.sanitize(markdown.parse(source) as string, CONFIG);
}
