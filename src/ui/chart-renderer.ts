/**
 * Observable Plot, its d3 modules and the world map are a third of the page's script and
 * draw nothing until a chart has data, which needs the engine: they load with the first
 * chart drawn, not with the page, so the notebook shows and takes edits sooner.
 */
type RenderChart = typeof import('../charts/render-chart.ts').renderChart;

let loaded: RenderChart | null = null;
let loading: Promise<RenderChart> | null = null;

/** The chart renderer once loaded, else null (call loadChartRenderer and draw when it resolves). */
export function chartRenderer(): RenderChart | null {
  return loaded;
}

export function loadChartRenderer(): Promise<RenderChart> {
  loading ??= import('../charts/render-chart.ts').then(
    (module) => (loaded = module.renderChart),
    (error: unknown) => {
      loading = null; // a later chart tries again (e.g. the network came back for an uncached page)
      throw error;
    },
  );
  return loading;
}
