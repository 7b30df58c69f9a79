/**
 * The lineage view: files → bronze → silver → gold → charts, KPIs and queries, one column
 * per depth, coloured by layer like the cells' badges. Each table shows its rows, the
 * outcome of its data tests and any layer-rule warning; a file no one has added is marked
 * missing. Hovering or focusing a node traces everything upstream and downstream of it;
 * clicking opens its cell. It re-reads the runtime on every change (rows and states move
 * while a run goes), but lays the graph out again only when its shape changes, so nodes
 * stay where the eye left them.
 */
import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import type { Lineage, LineageNode } from '../runtime/lineage.ts';
import { runtimeContext } from './runtime-context.ts';
import { resetStyles, buttonStyles, statusStyles } from './styles/shared.ts';
import { lineageStyles } from './styles/lineage-styles.ts';
import { edgePath, layoutLineage, type LayoutOptions, type LineageLayout } from './lineage-layout.ts';
import { formatCount } from './format.ts';

const LAYOUT: LayoutOptions = {
  nodeWidth: 210,
  nodeHeight: 54,
  columnGap: 54,
  rowGap: 12,
  padding: 20,
  top: 40,
};
const MIN_ZOOM = 0.2;
const MAX_ZOOM = 2;
/** Below this the labels get hard to read: the first view scrolls rather than shrinking further. */
const LEGIBLE_ZOOM = 0.64;

@customElement('mn-lineage')
export class MnLineage extends LitElement {
  static override styles = [
    resetStyles,
    buttonStyles,
    statusStyles,
    lineageStyles(LAYOUT.nodeWidth),
  ];

  @consume({ context: runtimeContext })
  @property({ attribute: false })
  runtime?: NotebookRuntime;

  /** The runtime's revision: a new value means rows, states or cells may have moved. */
  @property({ type: Number }) revision = 0;
  /** Cells' accessible names, to name charts, KPIs and queries as the notebook does. */
  @property({ attribute: false }) names: ReadonlyMap<string, string> = new Map();

  @state() private zoom = 1;
  /** The node whose lineage is traced (hovered or focused). */
  @state() private tracing: string | null = null;
  @query('.viewport') private viewport?: HTMLElement;

  private lineage: Lineage = { nodes: [], edges: [] };
  private layout: LineageLayout | null = null;
  private shape = '';
  private fitted = false;
  private readonly resize = new ResizeObserver(() => {
    if (!this.fitted) this.fitInitial();
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('revision') || changed.has('runtime') || changed.has('names')) this.refresh();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resize', this.fillWindow);
  }

  protected override firstUpdated(): void {
    this.fillWindow();
  }

  protected override updated(): void {
    if (this.viewport) this.resize.observe(this.viewport);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.fillWindow);
    this.resize.disconnect();
  }

  /** Fills the window below whatever sits above (the top bar wraps on narrow screens). */
  private readonly fillWindow = (): void => {
    const top = this.getBoundingClientRect().top + window.scrollY;
    this.style.height = `${Math.max(360, window.innerHeight - top)}px`;
  };

  private refresh(): void {
    if (!this.runtime) return;
    this.lineage = this.runtime.lineage();
    const shape = [
      ...this.lineage.nodes.map((n) => `${n.id}@${n.depth}`),
      ...this.lineage.edges.map((e) => `${e.from}>${e.to}`),
    ].join('\n');
    if (shape !== this.shape || !this.layout) {
      this.shape = shape;
      this.layout = layoutLineage(this.lineage.nodes, this.lineage.edges, LAYOUT);
    }
  }

  override render() {
    const layout = this.layout;
    const { nodes, edges } = this.lineage;
    if (!layout || nodes.length === 0) {
      return html`<div class="empty">
        Nothing to draw yet: add files or write a cell that makes a table.
      </div>`;
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const traced = this.tracing ? this.traced(this.tracing) : null;
    const z = this.zoom;
    return html`
      <div class="toolbar">
        <h2>Lineage</h2>
        <ul class="legend" aria-label="Legend">
          ${LEGEND.map(
            ([label, bg, border]) =>
              html`<li>
                <span class="swatch" style="--sw-bg:${bg};--sw-border:${border}"></span>${label}
              </li>`,
          )}
        </ul>
        <span class="summary" role="status">${this.summary(nodes)}</span>
        <span class="spacer"></span>
        <span>Hover a node to trace it · click to open its cell</span>
        <div class="zoom" role="group" aria-label="Zoom">
          <button class="btn" aria-label="Zoom out" @click=${() => this.zoomBy(1 / 1.2)}>−</button>
          <output aria-label="Zoom level">${Math.round(z * 100)}%</output>
          <button class="btn" aria-label="Zoom in" @click=${() => this.zoomBy(1.2)}>+</button>
          <button class="btn" @click=${this.fit}>Fit</button>
        </div>
      </div>
      <div
        class="viewport"
        role="group"
        aria-label="Lineage graph: ${nodes.length} nodes"
        @wheel=${this._onWheel}
      >
        <div class="sizer" style="width:${layout.width * z}px;height:${layout.height * z}px">
          <div
            class="canvas ${traced ? 'tracing' : ''}"
            style="width:${layout.width}px;height:${layout.height}px;transform:scale(${z})"
            @mouseleave=${() => (this.tracing = null)}
          >
            <svg
              class="edges"
              width=${layout.width}
              height=${layout.height}
              aria-hidden="true"
            >
              ${edges.map((e) => {
                const from = layout.positions.get(e.from);
                const to = layout.positions.get(e.to);
                if (!from || !to) return nothing;
                const source = byId.get(e.from);
                const on = traced?.has(e.from) && traced.has(e.to);
                const cls = [
                  source?.layer ? `from-${source.layer}` : '',
                  source?.missing ? 'missing' : '',
                  on ? 'on' : '',
                ].join(' ');
                return svg`<path class=${cls} d=${edgePath(from, to, LAYOUT)}></path>`;
              })}
            </svg>
            ${layout.columns.map(
              (column) =>
                html`<div class="heading" style="left:${column.x + 4}px">
                  ${columnHeading(column.ids.map((id) => byId.get(id)!))}
                </div>`,
            )}
            ${repeat(
              layout.columns.flatMap((c) => c.ids),
              (id) => id,
              (id) => this.renderNode(byId.get(id)!, layout, traced),
            )}
          </div>
        </div>
      </div>
    `;
  }

  private renderNode(node: LineageNode, layout: LineageLayout, traced: Set<string> | null) {
    const p = layout.positions.get(node.id)!;
    const category = categoryOf(node);
    const label = this.labelOf(node);
    const shown = node.kind === 'table' && node.layer ? label.replace(`${node.layer}.`, '') : label;
    const tests = node.tests;
    const failed = tests ? tests.failed : 0;
    return html`<button
      class="node ${category} ${node.missing ? 'missing' : ''} ${traced?.has(node.id) ? 'on' : ''}"
      style="left:${p.x}px;top:${p.y}px;width:${LAYOUT.nodeWidth}px;height:${LAYOUT.nodeHeight}px"
      data-node=${node.id}
      data-kind=${node.kind}
      data-layer=${node.layer ?? nothing}
      data-status=${node.status ?? nothing}
      aria-label=${this.describe(node, label)}
      title=${[label, ...node.warnings].join('\n\n')}
      @click=${() => this.open(node)}
      @mouseenter=${() => (this.tracing = node.id)}
      @focus=${() => (this.tracing = node.id)}
      @blur=${() => (this.tracing = null)}
    >
      <span class="line">
        <span class="label">${shown}</span>
      </span>
      <span class="line">
        <span class="meta">${metaOf(node)}</span>
        <span class="tag">${tagOf(node)}</span>
        ${
          node.warnings.length > 0
            ? html`<span class="pill warn" aria-hidden="true">⚠ rule</span>`
            : nothing
        }
        ${
          tests
            ? html`<span class="pill ${failed > 0 ? 'fail' : 'pass'}" aria-hidden="true"
                >${failed > 0 ? `✗ ${failed}/${tests.passed + failed}` : `✓ ${tests.passed}`}</span
              >`
            : nothing
        }
        ${node.status && node.kind !== 'file' ? html`<span class="dot" aria-hidden="true"></span>` : nothing}
      </span>
    </button>`;
  }

  private labelOf(node: LineageNode): string {
    if (node.kind === 'table' || node.kind === 'file') return node.label;
    return (node.cellId && this.names.get(node.cellId)) || node.label;
  }

  /** What a screen reader hears: name, layer or kind, rows, tests, state, warnings. */
  private describe(node: LineageNode, label: string): string {
    const parts = [label, node.kind === 'table' ? `${node.layer ?? 'other'} table` : node.kind];
    if (node.missing) parts.push('missing: add this file');
    else if (node.rows !== null) parts.push(`${formatCount(node.rows)} rows`);
    if (node.tests) {
      parts.push(
        node.tests.failed > 0
          ? `${node.tests.failed} of ${node.tests.passed + node.tests.failed} tests failed`
          : `${node.tests.passed} tests passed`,
      );
    }
    if (node.status && node.kind !== 'file') parts.push(node.status);
    if (node.warnings.length > 0) parts.push('breaks a layer rule');
    return parts.join(', ');
  }

  private summary(nodes: readonly LineageNode[]) {
    const tables = nodes.filter((n) => n.kind === 'table').length;
    const files = nodes.filter((n) => n.kind === 'file');
    const missing = files.filter((n) => n.missing).length;
    let passed = 0;
    let failed = 0;
    for (const n of nodes) {
      passed += n.tests?.passed ?? 0;
      failed += n.tests?.failed ?? 0;
    }
    return html`${files.length} files${missing > 0 ? html` (<span class="bad">${missing} missing</span>)` : nothing}
      · ${tables} tables · ${nodes.length - tables - files.length} outputs
      ${
        passed + failed > 0
          ? html`· tests:
              ${failed > 0 ? html`<span class="bad">${failed} failed</span>, ` : nothing}${passed}
              passed`
          : nothing
      }`;
  }

  /** The node and everything upstream and downstream of it. */
  private traced(id: string): Set<string> {
    const found = new Set([id]);
    const walk = (start: string, next: (e: { from: string; to: string }) => [string, string]) => {
      const stack = [start];
      while (stack.length) {
        const current = stack.pop()!;
        for (const e of this.lineage.edges) {
          const [here, there] = next(e);
          if (here === current && !found.has(there)) {
            found.add(there);
            stack.push(there);
          }
        }
      }
    };
    walk(id, (e) => [e.from, e.to]);
    walk(id, (e) => [e.to, e.from]);
    return found;
  }

  private open(node: LineageNode): void {
    if (!node.cellId) return;
    this.dispatchEvent(
      new CustomEvent('mn-open-cell', { detail: { id: node.cellId }, bubbles: true, composed: true }),
    );
  }

  private zoomBy(factor: number, anchor?: { x: number; y: number }): void {
    const viewport = this.viewport;
    const before = this.zoom;
    const after = clamp(before * factor, MIN_ZOOM, MAX_ZOOM);
    if (!viewport || after === before) return;
    // Keep the point under the pointer (or the centre) where it is.
    const ax = anchor?.x ?? viewport.clientWidth / 2;
    const ay = anchor?.y ?? viewport.clientHeight / 2;
    const cx = (viewport.scrollLeft + ax) / before;
    const cy = (viewport.scrollTop + ay) / before;
    this.zoom = after;
    void this.updateComplete.then(() => {
      viewport.scrollLeft = cx * after - ax;
      viewport.scrollTop = cy * after - ay;
    });
  }

  /** The whole graph in view. */
  private readonly fit = (): void => {
    const viewport = this.viewport;
    if (!viewport || !this.layout) return;
    const scale = Math.min(
      (viewport.clientWidth - 4) / this.layout.width,
      (viewport.clientHeight - 4) / this.layout.height,
    );
    this.zoom = clamp(scale, MIN_ZOOM, 1.25);
    viewport.scrollTo({ left: 0, top: 0 });
  };

  /** First view: the whole width when that stays legible, else legible and scrollable. */
  private fitInitial(): void {
    const viewport = this.viewport;
    if (!viewport || !this.layout || viewport.clientWidth === 0) return;
    this.fitted = true;
    const scale = Math.min(
      (viewport.clientWidth - 4) / this.layout.width,
      (viewport.clientHeight - 4) / this.layout.height,
    );
    this.zoom = clamp(scale, LEGIBLE_ZOOM, 1);
  }

  private _onWheel(event: WheelEvent): void {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const rect = this.viewport!.getBoundingClientRect();
    this.zoomBy(event.deltaY < 0 ? 1.1 : 1 / 1.1, {
      x: event.clientX - rect.left,
      y: event.clientY - rect.top,
    });
  }
}

const LEGEND: readonly [string, string, string][] = [
  ['Files', 'var(--mn-surface)', 'var(--mn-border-strong)'],
  ['Bronze', 'var(--mn-bronze-bg)', 'var(--mn-bronze-border)'],
  ['Silver', 'var(--mn-silver-bg)', 'var(--mn-silver-border)'],
  ['Gold', 'var(--mn-gold-bg)', 'var(--mn-gold-border)'],
  ['Charts, KPIs, slicers, queries', 'var(--mn-surface)', 'var(--mn-accent)'],
];

function categoryOf(node: LineageNode): string {
  if (node.kind === 'file') return 'file';
  if (node.kind === 'table') return node.layer ?? 'other';
  return 'output';
}

function tagOf(node: LineageNode): string {
  switch (node.kind) {
    case 'file':
      return 'file';
    case 'table':
      return node.layer ?? 'table';
    case 'kpi':
      return 'KPI';
    case 'input':
      return 'slicer';
    default:
      return node.kind;
  }
}

function metaOf(node: LineageNode): string {
  if (node.missing) return 'missing: add this file';
  if (node.rows !== null) return `${formatCount(node.rows)} ${node.rows === 1 ? 'row' : 'rows'}`;
  if (node.status === 'error' || node.status === 'blocked') return node.status;
  if (node.kind === 'file') return 'not loaded yet';
  if (node.kind === 'table') return node.status === 'idle' ? 'not run yet' : (node.status ?? '');
  return node.status === 'done' ? 'up to date' : (node.status ?? '');
}

/** A column's heading from what it holds: "Files", "Bronze", "Gold · charts & KPIs". */
function columnHeading(nodes: readonly LineageNode[]): string {
  const words: string[] = [];
  const add = (word: string) => {
    if (!words.includes(word)) words.push(word);
  };
  for (const node of nodes) {
    if (node.kind === 'file') add('Files');
    else if (node.kind === 'table') add(node.layer ? capitalize(node.layer) : 'Tables');
  }
  for (const node of nodes) {
    if (node.kind === 'kpi') add('KPIs');
    else if (node.kind === 'chart') add('charts');
    else if (node.kind === 'input') add('slicers');
    else if (node.kind === 'query') add('queries');
  }
  return words.map((w, i) => (i === 0 ? capitalize(w) : w)).join(' · ');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

declare global {
  interface HTMLElementTagNameMap {
    'mn-lineage': MnLineage;
  }
}
