// The import's per-column memo (main/core/import/bounded-memo.ts): each argument computed once while
// there is room, every later one computed each time, and a false or null result kept like any other.
import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../main/core/import/bounded-memo.ts';

describe('boundedMemo', () => {
  it('computes each of the first `max` arguments once, and later ones each time', () => {
    const calls: string[] = [];
    const isA = boundedMemo((s: string) => {
      calls.push(s);
      return s === 'a';
    }, 2);
    expect([isA('a'), isA('b'), isA('a'), isA('b')]).toEqual([true, false, true, false]);
    expect(calls).toEqual(['a', 'b']);
    expect([isA('c'), isA('c'), isA('a')]).toEqual([false, false, true]);
    expect(calls).toEqual(['a', 'b', 'c', 'c']);
  });

  it('keeps a null result', () => {
    let n = 0;
    const f = boundedMemo((_: number) => {
      n += 1;
      return null;
    }, 10);
    f(1);
    f(1);
    expect(n).toBe(1);
  });
});
