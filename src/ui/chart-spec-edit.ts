/**
 * The chart form's edits, written back into the cell's YAML. The document is edited in
 * place (yaml's Document API), so `data:` keeps its block of SQL, comments stay, and
 * keys the form does not know are left alone: the file still reads as the person wrote it.
 */
import { isMap, parseDocument } from 'yaml';
import type { ChartSpec } from '../charts/chart-spec.ts';

export const FORM_FIELDS = ['title', 'mark', 'x', 'y', 'fill', 'sort'] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type ChartFormValues = Record<FormField, string>;

/** What the form shows for a spec; '' is "none". */
export function formValues(spec: ChartSpec): ChartFormValues {
  return {
    title: spec.title,
    mark: spec.mark,
    x: spec.channels.x ?? '',
    y: spec.channels.y ?? '',
    fill: spec.channels.fill ?? spec.channels.stroke ?? '',
    sort: spec.sort ?? '',
  };
}

/**
 * `source` with one field of the form changed, or null when the source is not YAML the
 * form can safely rewrite (the person then edits the text).
 */
export function editChartSource(source: string, field: FormField, value: string): string | null {
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) return null;
  const text = (key: string) => optional(doc.get(key)) ?? '';
  const before = { mark: text('mark') || 'bar', x: text('x'), y: text('y'), sort: text('sort') };
  const set = (key: string, next: string) => (next === '' ? doc.delete(key) : doc.set(key, next));

  if (field === 'fill' && doc.has('stroke') && !doc.has('fill')) set('stroke', value);
  else set(field, value);

  // Bars and horizontal bars swap their axes: the category stays the category.
  if (
    field === 'mark' &&
    isBar(before.mark) &&
    isBar(value) &&
    (before.mark === 'bar-x') !== (value === 'bar-x')
  ) {
    set('x', before.y);
    set('y', before.x);
    if (before.sort)
      set(
        'sort',
        before.sort.replace(/[xy]/, (a) => (a === 'x' ? 'y' : 'x')),
      );
    const format = doc.get('format', true);
    if (isMap(format)) {
      const fx = format.get('x');
      const fy = format.get('y');
      if (fy === undefined) format.delete('x');
      else format.set('x', fy);
      if (fx === undefined) format.delete('y');
      else format.set('y', fx);
    }
  }
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
}

function isBar(mark: string): boolean {
  return mark === 'bar' || mark === 'bar-x';
}

function optional(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
