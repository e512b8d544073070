import { describe, expect, it } from 'vitest';
import { PagedRows, type Page } from '../../renderer/src/lib/paged-rows.ts';
import type { Result } from '../../shared/result.ts';

interface Call {
  query: string;
  offset: number;
  limit: number;
  resolve: (r: Result<Page<string>>) => void;
}

/** A fake `households.list`: answers only when the test says so, in any order. */
function harness(pageSize = 10) {
  const calls: Call[] = [];
  let changes = 0;
  const rows = new PagedRows<string, string>({
    pageSize,
    settleMs: 0,
    maxInFlight: 10,
    fetchPage: (query, offset, limit) =>
      new Promise((resolve) => calls.push({ query, offset, limit, resolve })),
    onChange: () => (changes += 1),
  });
  const answer = async (call: Call | undefined, total: number) => {
    if (call === undefined) throw new Error('no such call');
    const n = Math.max(0, Math.min(call.limit, total - call.offset));
    call.resolve({
      ok: true,
      value: { total, rows: Array.from({ length: n }, (_, i) => `${call.query}#${call.offset + i}`) },
    });
    await Promise.resolve();
    await Promise.resolve();
  };
  return { rows, calls, answer, changes: () => changes };
}

describe('PagedRows (household list paging)', () => {
  it('asks for the first page, then only for the pages scrolled into view', async () => {
    const { rows, calls, answer } = harness();
    rows.setQuery('q');
    expect(calls.map((c) => c.offset)).toEqual([0]);
    expect(rows.total).toBeUndefined();
    await answer(calls[0], 100_000);
    expect(rows.total).toBe(100_000);
    expect(rows.rowAt(3)).toBe('q#3');
    expect(rows.rowAt(55_555)).toBeUndefined(); // a placeholder until its page arrives

    rows.ensure(55_550, 55_565);
    expect(calls.slice(1).map((c) => c.offset)).toEqual([55_550, 55_560]);
    rows.ensure(55_550, 55_565); // already on its way: not asked twice
    expect(calls).toHaveLength(3);
    await answer(calls[1], 100_000);
    expect(rows.rowAt(55_555)).toBe('q#55555');
  });

  it('drops answers to an older query, even when they arrive last', async () => {
    const { rows, calls, answer } = harness();
    rows.setQuery('张');
    rows.setQuery('张三');
    await answer(calls[1], 2); // the newer answer first
    expect(rows.total).toBe(2);
    expect(rows.rowAt(0)).toBe('张三#0');
    await answer(calls[0], 500); // then the stale one
    expect(rows.total).toBe(2);
    expect(rows.rowAt(0)).toBe('张三#0');
    expect(rows.shownQuery).toBe('张三');
  });

  it('keeps showing the previous rows until the new query answers', async () => {
    const { rows, calls, answer } = harness();
    rows.setQuery('a');
    await answer(calls[0], 30);
    rows.setQuery('b');
    expect(rows.loading).toBe(true);
    expect(rows.rowAt(0)).toBe('a#0');
    await answer(calls[1], 5);
    expect(rows.rowAt(0)).toBe('b#0');
    expect(rows.total).toBe(5);
  });

  it('reports a failed first answer and keeps what was shown', async () => {
    const { rows, calls, answer } = harness();
    rows.setQuery('a');
    await answer(calls[0], 30);
    rows.setQuery('b');
    calls[1]?.resolve({ ok: false, error: { code: 'internal', message: '台账服务出错' } });
    await Promise.resolve();
    await Promise.resolve();
    expect(rows.error?.message).toBe('台账服务出错');
    expect(rows.loading).toBe(false);
    expect(rows.rowAt(0)).toBe('a#0');
  });

  it('starts a reload at the clerk’s position', async () => {
    const { rows, calls } = harness(100);
    rows.setQuery('q', 4321);
    expect(calls[0]?.offset).toBe(4300);
  });

  it('waits for the view to rest before asking while the scrollbar is dragged', async () => {
    const calls: number[] = [];
    const rows = new PagedRows<string, string>({
      pageSize: 10,
      settleMs: 20,
      fetchPage: (_q, offset) => {
        calls.push(offset);
        return Promise.resolve({
          ok: true,
          value: { total: 1000, rows: Array.from({ length: 10 }, () => 'r') },
        });
      },
      onChange: () => {},
    });
    rows.setQuery('q');
    await new Promise((r) => setTimeout(r, 5));
    for (const start of [100, 200, 300, 400, 500]) rows.ensure(start, start + 5);
    expect(calls).toEqual([0]);
    await new Promise((r) => setTimeout(r, 40));
    expect(calls).toEqual([0, 500]);
  });
});
