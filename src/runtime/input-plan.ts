/**
 * What a change of parameters re-runs. A view that uses them reads their DuckDB variables
 * each time it is queried, so what reads it need not wait for it to be made again: the
 * cells downstream run first (`plan`), and the view re-runs after (`views`), only to
 * refresh its own preview.
 */
import { planRun, type DependencyGraph } from '../graph/dependency-graph.ts';

export function planForInputs(
  graph: DependencyGraph,
  users: readonly string[],
  isReadyView: (id: string) => boolean,
): { plan: string[]; views: string[] } {
  const views = users.filter(isReadyView);
  const roots = [...users.filter((id) => !isReadyView(id)), ...views.flatMap((id) => graph.children.get(id) ?? [])];
  const plan = planRun(graph, roots);
  return { plan, views: views.filter((id) => !plan.includes(id)) };
}
