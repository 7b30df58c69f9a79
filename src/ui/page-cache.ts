/**
 * Pages of a result's display rows, fetched on demand and kept in a bounded cache so a
 * million-row result scrolls without holding a million rows. Pure bookkeeping: the
 * fetch function is given, which keeps this testable without an engine.
 */

export type DisplayRow = readonly (string | null)[];
export type FetchPage = (offset: number, limit: number) => Promise<DisplayRow[]>;

export class PageCache {
  private readonly pages = new Map<number, DisplayRow[]>();
  private readonly loading = new Map<number, Promise<void>>();
  private readonly failed = new Set<number>();
  /** Set when a fetch fails, so the grid can say so instead of showing blank rows forever. */
  error: string | null = null;

  constructor(
    private readonly fetchPage: FetchPage,
    readonly pageSize: number,
    private readonly maxPages = 40,
  ) {}

  /**
   * Seeds whole pages already at hand (the preview that came with the run); `total` tells
   * a short last page from a cut-off one. `offset` must start a page.
   */
  seed(offset: number, rows: DisplayRow[], total: number): void {
    for (let start = 0; start < rows.length; start += this.pageSize) {
      const slice = rows.slice(start, start + this.pageSize);
      const complete = slice.length === this.pageSize || offset + start + slice.length >= total;
      if (complete) this.pages.set((offset + start) / this.pageSize, slice);
    }
  }

  /** The row if loaded; undefined while its page is on the way. */
  row(index: number): DisplayRow | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  /**
   * Makes sure rows [first, last] are loaded or loading; calls `onLoad` when a missing
   * page arrives. Pages far from the view are evicted first.
   */
  ensure(first: number, last: number, onLoad: () => void): void {
    const from = Math.floor(first / this.pageSize);
    const to = Math.floor(last / this.pageSize);
    for (let page = from; page <= to; page++) {
      if (this.pages.has(page) || this.loading.has(page) || this.failed.has(page)) continue;
      const load = this.fetchPage(page * this.pageSize, this.pageSize)
        .then((rows) => {
          this.pages.set(page, rows);
          this.evict(from, to);
        })
        .catch((error: unknown) => {
          this.failed.add(page);
          this.error = error instanceof Error ? error.message : String(error);
        })
        .finally(() => {
          this.loading.delete(page);
          onLoad();
        });
      this.loading.set(page, load);
    }
  }

  private evict(from: number, to: number): void {
    if (this.pages.size <= this.maxPages) return;
    const centre = (from + to) / 2;
    const byDistance = [...this.pages.keys()].sort(
      (a, b) => Math.abs(b - centre) - Math.abs(a - centre),
    );
    for (const page of byDistance.slice(0, this.pages.size - this.maxPages))
      this.pages.delete(page);
  }
}
