/**
 * Where each node of the lineage graph goes: a layered (Sugiyama-style) layout, left to
 * right by `depth`. Within a column, nodes are ordered by the barycentre of their
 * neighbours, sweeping left→right and right→left a few times and keeping the order with
 * the fewest crossings; then each node is pulled towards the mean height of its
 * neighbours, keeping the order and a minimum gap (isotonic regression), so a table sits
 * level with what it reads and edges run as flat as they can. Pure: ids in, boxes out.
 */

export interface LayoutNode {
  readonly id: string;
  readonly depth: number;
}

export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
}

export interface LayoutOptions {
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  /** Horizontal space between two columns (where the edges run). */
  readonly columnGap: number;
  /** Smallest vertical space between two nodes of a column. */
  readonly rowGap: number;
  /** Space around the drawing; `top` leaves room for column headings. */
  readonly padding: number;
  readonly top: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  nodeWidth: 212,
  nodeHeight: 56,
  columnGap: 92,
  rowGap: 14,
  padding: 24,
  top: 44,
};

export interface LayoutColumn {
  readonly depth: number;
  readonly x: number;
  /** Node ids, top to bottom. */
  readonly ids: readonly string[];
}

export interface LineageLayout {
  readonly width: number;
  readonly height: number;
  readonly columns: readonly LayoutColumn[];
  /** Top-left corner of each node. */
  readonly positions: ReadonlyMap<string, { readonly x: number; readonly y: number }>;
  /** Edge crossings left after ordering (between columns the edges join directly). */
  readonly crossings: number;
}

const SWEEPS = 8;
const SETTLE_PASSES = 6;

export function layoutLineage(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayoutOptions = DEFAULT_LAYOUT,
): LineageLayout {
  const { nodeWidth, nodeHeight, columnGap, rowGap, padding, top } = options;
  const depths = [...new Set(nodes.map((n) => n.depth))].sort((a, b) => a - b);
  const columnOf = new Map<string, number>();
  const order: string[][] = depths.map(() => []);
  for (const node of nodes) {
    const column = depths.indexOf(node.depth);
    columnOf.set(node.id, column);
    order[column]!.push(node.id);
  }
  const known = edges.filter((e) => columnOf.has(e.from) && columnOf.has(e.to) && e.from !== e.to);
  const left = new Map<string, string[]>();
  const right = new Map<string, string[]>();
  for (const e of known) {
    const [a, b] = columnOf.get(e.from)! <= columnOf.get(e.to)! ? [e.from, e.to] : [e.to, e.from];
    right.set(a, [...(right.get(a) ?? []), b]);
    left.set(b, [...(left.get(b) ?? []), a]);
  }

  // 1. Order within columns: barycentre sweeps, keeping the best order seen.
  let best = order.map((c) => [...c]);
  let bestCrossings = countCrossings(best, known, columnOf);
  const current = best.map((c) => [...c]);
  for (let sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
    const forward = sweep % 2 === 0;
    const rank = ranks(current);
    const sequence = forward ? current.keys() : [...current.keys()].reverse();
    for (const c of sequence) {
      const neighbours = forward ? left : right;
      const keyed = current[c]!.map((id) => {
        const near = neighbours.get(id) ?? [];
        const key = near.length > 0 ? mean(near.map((n) => rank.get(n)!)) : rank.get(id)!;
        return { id, key };
      });
      keyed.sort((a, b) => a.key - b.key); // stable: ties keep their order
      current[c] = keyed.map((k) => k.id);
      current[c]!.forEach((id, i) => rank.set(id, (i + 0.5) / current[c]!.length));
    }
    const crossings = countCrossings(current, known, columnOf);
    if (crossings < bestCrossings) {
      best = current.map((col) => [...col]);
      bestCrossings = crossings;
    }
  }

  // 2. Heights: start packed and centred, then settle each node towards its neighbours.
  const step = nodeHeight + rowGap;
  const tallest = Math.max(0, ...best.map((c) => c.length));
  const y = new Map<string, number>();
  for (const column of best) {
    const offset = ((tallest - column.length) * step) / 2;
    column.forEach((id, i) => y.set(id, offset + i * step));
  }
  for (let pass = 0; pass < SETTLE_PASSES; pass++) {
    const sequence = pass % 2 === 0 ? best.keys() : [...best.keys()].reverse();
    for (const c of sequence) {
      const column = best[c]!;
      const desired = column.map((id) => {
        const near = [...(left.get(id) ?? []), ...(right.get(id) ?? [])];
        return near.length > 0 ? mean(near.map((n) => y.get(n)!)) : y.get(id)!;
      });
      spaced(desired, step).forEach((value, i) => y.set(column[i]!, value));
    }
  }
  const lowest = Math.min(0, ...y.values());
  const positions = new Map<string, { x: number; y: number }>();
  let bottom = 0;
  best.forEach((column, c) => {
    const x = padding + c * (nodeWidth + columnGap);
    for (const id of column) {
      const top_ = top + (y.get(id)! - lowest);
      positions.set(id, { x, y: top_ });
      bottom = Math.max(bottom, top_ + nodeHeight);
    }
  });
  return {
    width: padding * 2 + Math.max(0, depths.length * (nodeWidth + columnGap) - columnGap),
    height: Math.max(bottom, top) + padding,
    columns: best.map((ids, c) => ({ depth: depths[c]!, x: padding + c * (nodeWidth + columnGap), ids })),
    positions,
    crossings: bestCrossings,
  };
}

/** A smooth curve from the right side of one box to the left side of another. */
export function edgePath(
  from: { x: number; y: number },
  to: { x: number; y: number },
  options: LayoutOptions = DEFAULT_LAYOUT,
): string {
  const x1 = from.x + options.nodeWidth;
  const y1 = from.y + options.nodeHeight / 2;
  const x2 = to.x;
  const y2 = to.y + options.nodeHeight / 2;
  const bend = Math.max(36, (x2 - x1) / 2);
  return `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
}

/** Each node's place in its column as a share of the column (0…1), so columns of different sizes compare. */
function ranks(columns: readonly (readonly string[])[]): Map<string, number> {
  const rank = new Map<string, number>();
  for (const column of columns) column.forEach((id, i) => rank.set(id, (i + 0.5) / column.length));
  return rank;
}

/**
 * Crossings between edges that join the same two columns: a pair crosses when their ends
 * are in opposite orders. Edges that skip columns are counted against each other only;
 * good enough to choose between orderings.
 */
export function countCrossings(
  columns: readonly (readonly string[])[],
  edges: readonly LayoutEdge[],
  columnOf: ReadonlyMap<string, number>,
): number {
  const index = new Map<string, number>();
  for (const column of columns) column.forEach((id, i) => index.set(id, i));
  const groups = new Map<string, [number, number][]>();
  for (const e of edges) {
    const a = columnOf.get(e.from)!;
    const b = columnOf.get(e.to)!;
    const key = a <= b ? `${a}>${b}` : `${b}>${a}`;
    const pair: [number, number] = a <= b ? [index.get(e.from)!, index.get(e.to)!] : [index.get(e.to)!, index.get(e.from)!];
    groups.set(key, [...(groups.get(key) ?? []), pair]);
  }
  let crossings = 0;
  for (const pairs of groups.values()) {
    for (let i = 0; i < pairs.length; i++) {
      for (let j = i + 1; j < pairs.length; j++) {
        const [a1, b1] = pairs[i]!;
        const [a2, b2] = pairs[j]!;
        if ((a1 - a2) * (b1 - b2) < 0) crossings++;
      }
    }
  }
  return crossings;
}

/**
 * Heights as close to `desired` as possible (least squares) while keeping the given order
 * and at least `gap` apart: with z_i = y_i − i·gap that is an isotonic regression, solved
 * by pooling adjacent violators.
 */
export function spaced(desired: readonly number[], gap: number): number[] {
  const blocks: { sum: number; count: number }[] = [];
  desired.forEach((d, i) => {
    blocks.push({ sum: d - i * gap, count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.sum / prev.count <= last.sum / last.count) break;
      blocks.pop();
      prev.sum += last.sum;
      prev.count += last.count;
    }
  });
  const out: number[] = [];
  for (const block of blocks) {
    for (let k = 0; k < block.count; k++) out.push(block.sum / block.count + out.length * gap);
  }
  return out;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
