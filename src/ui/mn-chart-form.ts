/**
 * Editing a chart without knowing Plot: chart type, axes and colour chosen from the
 * result's columns, sort and title. Each change is written back into the cell's YAML
 * (chart-spec-edit.ts) and sent up as `mn-chart-edit`; the YAML stays editable by hand.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ChartSpec } from '../charts/chart-spec.ts';
import { editChartSource, formValues, type FormField } from './chart-spec-edit.ts';
import { resetStyles } from './styles/shared.ts';

/** The marks in words a BI user knows. */
const MARK_NAMES: Record<string, string> = {
  bar: 'Column',
  'bar-x': 'Bar',
  line: 'Line',
  area: 'Area',
  dot: 'Scatter',
  cell: 'Heat map',
  text: 'Text',
  rule: 'Rule',
  geo: 'Map',
};

const SORTS: [string, string][] = [
  ['', 'As the query orders it'],
  ['x', 'By X, ascending'],
  ['-x', 'By X, descending'],
  ['y', 'By Y, ascending'],
  ['-y', 'By Y, descending'],
];

@customElement('mn-chart-form')
export class MnChartForm extends LitElement {
  static override styles = [
    resetStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 10px 12px;
        padding: 12px;
        background: var(--mn-surface-muted);
        border: 1px solid var(--mn-border);
        border-radius: var(--mn-radius-sm);
      }
      label {
        display: grid;
        gap: 3px;
        font-size: 12px;
        font-weight: 600;
        color: var(--mn-text-muted);
      }
      label.title {
        grid-column: 1 / -1;
      }
      input,
      select {
        height: 30px;
        padding: 0 8px;
        border: 1px solid var(--mn-border-strong);
        border-radius: var(--mn-radius-sm);
        background: var(--mn-surface);
        color: var(--mn-text);
        font: 13px var(--mn-font);
        min-width: 0;
      }
      input:focus-visible,
      select:focus-visible {
        outline: none;
        box-shadow: var(--mn-focus);
      }
      .note {
        grid-column: 1 / -1;
        margin: 0;
        font-size: 12px;
        color: var(--mn-text-muted);
      }
    `,
  ];

  @property({ attribute: false }) spec!: ChartSpec;
  @property() source = '';
  /** The columns the chart's query returns. */
  @property({ attribute: false }) columns: readonly string[] = [];

  override render() {
    const values = formValues(this.spec);
    const editable = editChartSource(this.source, 'title', values.title) !== null;
    const columns = (current: string) =>
      current && !this.columns.includes(current) ? [current, ...this.columns] : this.columns;
    const select = (field: FormField, label: string, choices: [string, string][]) =>
      html`<label
        >${label}
        <select
          ?disabled=${!editable}
          @change=${(e: Event) => this.edit(field, (e.target as HTMLSelectElement).value)}
        >
          ${choices.map(([value, text]) => html`<option value=${value} ?selected=${value === values[field]}>${text}</option>`)}
        </select></label
      >`;
    const columnChoices = (field: FormField, none: string): [string, string][] => [
      ['', none],
      ...columns(values[field]).map((c): [string, string] => [c, c]),
    ];
    return html`<form aria-label="Chart settings" @submit=${(e: Event) => e.preventDefault()}>
      <label class="title"
        >Title
        <input
          .value=${values.title}
          ?disabled=${!editable}
          @change=${(e: Event) => this.edit('title', (e.target as HTMLInputElement).value.trim())}
      /></label>
      ${select('mark', 'Chart type', Object.entries(MARK_NAMES))}
      ${select('x', this.spec.mark === 'geo' ? 'Country column' : 'X axis', columnChoices('x', '(none)'))}
      ${this.spec.mark === 'geo' ? null : select('y', 'Y axis', columnChoices('y', '(none)'))}
      ${select('fill', this.spec.mark === 'geo' ? 'Value' : 'Colour by', columnChoices('fill', '(single colour)'))}
      ${this.spec.mark === 'geo' ? null : select('sort', 'Sort', SORTS)}
      ${editable ? null : html`<p class="note">The spec is not valid YAML: fix it in the text below to use this form.</p>`}
    </form>`;
  }

  private edit(field: FormField, value: string): void {
    const source = editChartSource(this.source, field, value);
    if (source === null || source === this.source) return;
    this.dispatchEvent(
      new CustomEvent('mn-chart-edit', { detail: { source }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-chart-form': MnChartForm;
  }
}
