/**
 * The dependency graph of a notebook: structure only, no running. Built from each
 * cell's analysis; problems (duplicate definitions, unknown references, cycles) are
 * reported per cell in words.
 */

export interface CellDeps {
  readonly id: string;
  /** `schema.table` the cell defines, or null. */
  readonly defines: string | null;
  readonly references: readonly string[];
}

export interface DependencyGraph {
  /** Cell ids in notebook order. */
  readonly order: readonly string[];
  /** id → ids of the cells it reads from. */
  readonly parents: ReadonlyMap<string, readonly string[]>;
  /** id → ids of the cells that read it. */
  readonly children: ReadonlyMap<string, readonly string[]>;
  /** table → defining cell id. */
  readonly definers: ReadonlyMap<string, string>;
  /** id → problems in words. */
  readonly problems: ReadonlyMap<string, readonly string[]>;
  /** Cells that sit on a cycle; they cannot run. */
  readonly cyclic: ReadonlySet<string>;
}

export function buildGraph(cells: readonly CellDeps[]): DependencyGraph {
  const problems = new Map<string, string[]>();
  const report = (id: string, message: string) => {
    problems.set(id, [...(problems.get(id) ?? []), message]);
  };

  const definers = new Map<string, string>();
  const names = new Map<string, string>(cells.map((c) => [c.id, c.defines ?? c.id]));
  for (const cell of cells) {
    if (!cell.defines) continue;
    const first = definers.get(cell.defines);
    if (first === undefined) definers.set(cell.defines, cell.id);
    else {
      report(cell.id, `${cell.defines} is already defined by an earlier cell; a table has one defining cell, so this one is ignored by cells that read ${cell.defines}.`);
    }
  }

  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>(cells.map((c) => [c.id, []]));
  for (const cell of cells) {
    const ups: string[] = [];
    for (const ref of cell.references) {
      const parent = definers.get(ref);
      if (parent === undefined) {
        report(cell.id, `Reads ${ref}, but no cell defines it. Add a cell that creates ${ref}, or check the name.`);
      } else if (parent === cell.id) {
        continue;
      } else if (!ups.includes(parent)) {
        ups.push(parent);
        children.get(parent)!.push(cell.id);
      }
    }
    parents.set(cell.id, ups);
  }

  const cyclic = findCycles(cells.map((c) => c.id), parents);
  for (const id of cyclic) {
    const loop = describeCycle(id, parents, cyclic).map((x) => names.get(x) ?? x);
    report(id, `Part of a cycle (${loop.join(' → ')}): these cells read each other, so none of them can run first.`);
  }

  return { order: cells.map((c) => c.id), parents, children, definers, problems, cyclic };
}

/** Kahn's algorithm; whatever cannot be ordered sits on (or behind) a cycle. */
function findCycles(ids: string[], parents: ReadonlyMap<string, readonly string[]>): Set<string> {
  const ordered = topologicalOrder(ids, parents, new Set());
  const left = new Set(ids.filter((id) => !ordered.includes(id)));
  // Keep only cells truly on a loop, not those merely downstream of one.
  const onLoop = new Set<string>();
  for (const id of left) if (reaches(id, id, parents, left)) onLoop.add(id);
  return onLoop;
}

function reaches(
  from: string,
  target: string,
  parents: ReadonlyMap<string, readonly string[]>,
  within: ReadonlySet<string>,
): boolean {
  const stack = [...(parents.get(from) ?? [])];
  const seen = new Set<string>();
  while (stack.length) {
    const id = stack.pop()!;
    if (id === target) return true;
    if (seen.has(id) || !within.has(id)) continue;
    seen.add(id);
    stack.push(...(parents.get(id) ?? []));
  }
  return false;
}

function describeCycle(
  start: string,
  parents: ReadonlyMap<string, readonly string[]>,
  cyclic: ReadonlySet<string>,
): string[] {
  const path = [start];
  let at = start;
  for (let guard = 0; guard < cyclic.size; guard++) {
    const next = (parents.get(at) ?? []).find((p) => cyclic.has(p));
    if (next === undefined) break;
    path.push(next);
    if (next === start) break;
    at = next;
  }
  return path.reverse();
}

/**
 * Topological order of `ids` (parents first), ties broken by notebook order. Cells in
 * `skip` are left out; cells behind a cycle never become ready and are left out too.
 */
export function topologicalOrder(
  ids: readonly string[],
  parents: ReadonlyMap<string, readonly string[]>,
  skip: ReadonlySet<string>,
): string[] {
  const wanted = new Set(ids.filter((id) => !skip.has(id)));
  const waiting = new Map<string, number>();
  for (const id of wanted) {
    // A parent in `skip` never completes, so its children never become ready.
    waiting.set(id, (parents.get(id) ?? []).filter((p) => wanted.has(p) || skip.has(p)).length);
  }
  const result: string[] = [];
  const done = new Set<string>();
  // n is the number of cells in a notebook (tens), so a linear scan per step is fine.
  for (;;) {
    const next = ids.find((id) => wanted.has(id) && !done.has(id) && waiting.get(id) === 0);
    if (next === undefined) return result;
    done.add(next);
    result.push(next);
    for (const [id, count] of waiting) {
      if ((parents.get(id) ?? []).includes(next)) waiting.set(id, count - 1);
    }
  }
}

/** All cells downstream of `roots` (not including the roots themselves). */
export function descendants(graph: DependencyGraph, roots: readonly string[]): Set<string> {
  const found = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    for (const child of graph.children.get(stack.pop()!) ?? []) {
      if (!found.has(child)) {
        found.add(child);
        stack.push(child);
      }
    }
  }
  return found;
}

/** The cells to run, in order, when `roots` change: the roots and everything downstream. */
export function planRun(graph: DependencyGraph, roots: readonly string[]): string[] {
  const affected = new Set([...roots, ...descendants(graph, roots)]);
  return topologicalOrder(
    graph.order.filter((id) => affected.has(id)),
    graph.parents,
    graph.cyclic,
  );
}
