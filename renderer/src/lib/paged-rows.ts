// Rows of a long server-side list, fetched page by page as the clerk scrolls. A new query starts a new
// generation: answers for older generations are dropped, so a slow answer to "张" never overwrites the
// newer answer to "张三". The previous rows stay on screen until the new query's first answer arrives.
// Plain TypeScript (no React) so tests/unit can drive it with a fake fetch.
import type { AppError, Result } from '../../../shared/result.ts';

export interface Page<Row> {
  total: number;
  rows: Row[];
}

export type FetchPage<Row, Q> = (query: Q, offset: number, limit: number) => Promise<Result<Page<Row>>>;

interface Generation<Row, Q> {
  id: number;
  query: Q;
  total: number | undefined;
  pages: Map<number, Row[]>;
  inFlight: Set<number>;
}

export interface PagedRowsOptions<Row, Q> {
  fetchPage: FetchPage<Row, Q>;
  pageSize?: number;
  /** Pages kept in memory; the farthest from the visible range go first. */
  maxPages?: number;
  /**
   * While the clerk drags the scrollbar through 100,000 rows, wait until the view rests this long
   * before asking, so the core is not queued with pages nobody looks at any more.
   */
  settleMs?: number;
  /** Pages asked for at once (more follow as answers arrive). */
  maxInFlight?: number;
  onChange: () => void;
}

export class PagedRows<Row, Q> {
  readonly pageSize: number;
  private readonly maxPages: number;
  private readonly fetchPage: FetchPage<Row, Q>;
  private readonly onChange: () => void;
  private readonly settleMs: number;
  private readonly maxInFlight: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  /** What the screen shows. */
  private shown: Generation<Row, Q> | null = null;
  /** The newest query, until its first answer arrives (then it is `shown`). */
  private pending: Generation<Row, Q> | null = null;
  private range: [number, number] = [0, 0];
  private lastError: AppError | undefined;
  private disposed = false;

  constructor(options: PagedRowsOptions<Row, Q>) {
    this.fetchPage = options.fetchPage;
    this.pageSize = options.pageSize ?? 100;
    this.maxPages = options.maxPages ?? 120;
    this.settleMs = options.settleMs ?? 80;
    this.maxInFlight = options.maxInFlight ?? 3;
    this.onChange = options.onChange;
  }

  /** Starts a new query; `around` is the row index to load first (0 for a new search, the old position on reload). */
  setQuery(query: Q, around = 0): void {
    const gen: Generation<Row, Q> = {
      id: this.nextId++,
      query,
      total: undefined,
      pages: new Map(),
      inFlight: new Set(),
    };
    this.pending = gen;
    this.lastError = undefined;
    this.load(gen, Math.floor(Math.max(0, around) / this.pageSize));
    this.onChange();
  }

  /** The visible rows changed: fetch the pages they need once the view rests. */
  ensure(start: number, end: number): void {
    this.range = [start, end];
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.settleMs <= 0) return this.fetchMissing();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fetchMissing();
    }, this.settleMs);
  }

  private fetchMissing(): void {
    const gen = this.shown;
    if (gen === null || gen.total === undefined || this.pending !== null || this.disposed) return;
    const [start, end] = this.range;
    const last = Math.min(end, gen.total - 1);
    for (let p = Math.floor(start / this.pageSize); p * this.pageSize <= last; p++) {
      if (gen.inFlight.size >= this.maxInFlight) return;
      if (!gen.pages.has(p) && !gen.inFlight.has(p)) this.load(gen, p);
    }
  }

  get total(): number | undefined {
    return this.shown?.total;
  }

  get loading(): boolean {
    return this.pending !== null || (this.shown?.inFlight.size ?? 0) > 0;
  }

  get error(): AppError | undefined {
    return this.lastError;
  }

  /** The row at an index, or undefined while its page is not loaded. */
  rowAt(index: number): Row | undefined {
    const gen = this.shown;
    if (gen === null) return undefined;
    return gen.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** The query the shown rows belong to. */
  get shownQuery(): Q | undefined {
    return this.shown?.query;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private load(gen: Generation<Row, Q>, page: number): void {
    gen.inFlight.add(page);
    void this.fetchPage(gen.query, page * this.pageSize, this.pageSize).then((result) => {
      gen.inFlight.delete(page);
      if (this.disposed) return;
      const current = this.pending ?? this.shown;
      if (current !== gen && this.shown !== gen) return; // an older query: drop the answer
      if (!result.ok) {
        if (current === gen) {
          this.lastError = result.error;
          if (this.pending === gen) this.pending = null;
        }
        this.onChange();
        return;
      }
      gen.total = result.value.total;
      gen.pages.set(page, result.value.rows);
      if (this.pending === gen) {
        this.shown = gen;
        this.pending = null;
      }
      this.lastError = undefined;
      this.evict(gen);
      this.onChange();
      this.fetchMissing();
    });
  }

  private evict(gen: Generation<Row, Q>): void {
    if (gen.pages.size <= this.maxPages) return;
    const centre = Math.floor((this.range[0] + this.range[1]) / 2 / this.pageSize);
    const far = [...gen.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const p of far.slice(0, gen.pages.size - this.maxPages)) gen.pages.delete(p);
  }
}
