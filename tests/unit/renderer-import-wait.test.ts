// The renderer's side of one owner (renderer/src/api/import-wait.ts): a write still unanswered when its
// check fires asks the core why, and is announced as waiting for an import until it is answered.
import { describe, expect, it } from 'vitest';
import type { LedgerTransport } from '../../shared/api.ts';
import { ok, type Result } from '../../shared/result.ts';
import { watchImportWaits } from '../../renderer/src/api/import-wait.ts';

/** A transport whose answers the test releases; the write check runs when the test fires it. */
function setup(importCommitting: boolean) {
  const calls: string[] = [];
  const pending = new Map<string, (r: Result<unknown>) => void>();
  const inner = {
    call(method: string) {
      calls.push(method);
      if (method === 'app.writeState') return Promise.resolve(ok({ importCommitting, waitingWrites: 1 }));
      return new Promise<Result<unknown>>((resolve) => pending.set(method, resolve));
    },
  } as unknown as LedgerTransport;
  const checks: Array<() => void> = [];
  const cleared = new Set<unknown>();
  const { transport, waits } = watchImportWaits(inner, {
    set: (fn) => checks.push(fn) - 1,
    clear: (handle) => cleared.add(handle),
  });
  const seen: number[] = [];
  waits.subscribe(() => seen.push(waits.count()));
  const fire = async () => {
    checks.forEach((fn, i) => (cleared.has(i) ? undefined : fn()));
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { calls, pending, transport, waits, seen, fire, checks };
}

describe('a save waiting for an import', () => {
  it('is announced while the import commits, and no longer once answered', async () => {
    const t = setup(true);
    const save = t.transport.call('households.update', { id: 1, patch: { phone: '1' } });
    await t.fire();
    expect(t.calls).toEqual(['households.update', 'app.writeState']);
    expect(t.waits.count()).toBe(1);
    t.pending.get('households.update')?.(ok({}));
    await save;
    expect(t.waits.count()).toBe(0);
    expect(t.seen).toEqual([1, 0]);
  });

  it('is not announced when no import is committing', async () => {
    const t = setup(false);
    const save = t.transport.call('households.update', { id: 1, patch: { phone: '1' } });
    await t.fire();
    t.pending.get('households.update')?.(ok({}));
    await save;
    expect(t.seen).toEqual([]);
  });

  it('leaves reads and quick writes alone', async () => {
    const t = setup(true);
    const read = t.transport.call('households.list', {} as never);
    expect(t.checks).toHaveLength(0);
    t.pending.get('households.list')?.(ok({}));
    await read;
    const save = t.transport.call('persons.update', { id: 1, patch: {} });
    t.pending.get('persons.update')?.(ok({}));
    await save;
    await t.fire(); // the check was cleared when the answer came
    expect(t.calls).toEqual(['households.list', 'persons.update']);
    expect(t.seen).toEqual([]);
  });
});
