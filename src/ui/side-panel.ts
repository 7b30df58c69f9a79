/**
 * The notebook view's side panel: the files the engine holds, each with the latest report
 * of its loading, and the outline of the cells. A template of mn-app, drawn from the runtime.
 */
import { html, type TemplateResult } from 'lit';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import type { FileIngestReport } from '../engine/api.ts';
import type { OutlineEntry } from './mn-outline.ts';
import './mn-files-panel.ts';
import './mn-outline.ts';

export function sidePanel(
  runtime: NotebookRuntime | undefined,
  names: ReadonlyMap<string, string>,
  sizes: ReadonlyMap<string, number>,
  notice: string | null,
): TemplateResult {
  return html`<aside>
    <mn-files-panel
      .files=${runtime?.files() ?? []}
      .sizes=${new Map(sizes)}
      .reports=${runtime ? ingestReports(runtime) : new Map()}
      .notice=${notice}
    ></mn-files-panel>
    <mn-outline .entries=${runtime ? outlineEntries(runtime, names) : []}></mn-outline>
  </aside>`;
}

/** Per file, the latest ingest report any bronze cell holds. */
function ingestReports(runtime: NotebookRuntime): Map<string, FileIngestReport> {
  const reports = new Map<string, FileIngestReport>();
  for (const cell of runtime.notebook.cells) {
    for (const file of runtime.state(cell.id).ingest?.files ?? []) reports.set(file.file, file);
  }
  return reports;
}

/** Every cell but text, by name, with its layer and status. */
function outlineEntries(runtime: NotebookRuntime, names: ReadonlyMap<string, string>): OutlineEntry[] {
  return runtime.notebook.cells
    .filter((cell) => cell.kind !== 'markdown')
    .map((cell) => ({
      id: cell.id,
      name: names.get(cell.id) ?? cell.id,
      layer: runtime.analysis.get(cell.id)?.layer ?? null,
      status: runtime.state(cell.id).status,
    }));
}
