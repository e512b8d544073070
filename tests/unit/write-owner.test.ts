// The one owner of writes (main/core/owner/write-owner.ts): one request at a time in arrival order; while an
// import holds the write lease, writes wait and reads are answered; the waiting writes run first, in order.
import { describe, expect, it } from 'vitest';
import { WriteOwner } from '../../main/core/owner/write-owner.ts';
import { writesLedger } from '../../shared/contract/writes.ts';
import { METHOD_NAMES } from '../../shared/contract/index.ts';

/** A task that records its start and end and finishes when the test says so. */
function gate(order: string[], name: string) {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open,
    task: async () => {
      order.push(`${name}:start`);
      await opened;
      order.push(`${name}:end`);
      return name;
    },
  };
}

describe('WriteOwner', () => {
  it('runs one task at a time, in arrival order', async () => {
    const owner = new WriteOwner();
    const order: string[] = [];
    const slow = gate(order, 'read');
    const first = owner.run(false, slow.task);
    const second = owner.run(true, () => order.push('write'));
    await Promise.resolve();
    expect(order).toEqual(['read:start']);
    slow.open();
    await Promise.all([first, second, owner.idle()]);
    expect(order).toEqual(['read:start', 'read:end', 'write']);
  });

  it('holds writes while the lease is out, answers reads, then runs the writes in order', async () => {
    const owner = new WriteOwner();
    const order: string[] = [];
    const release = await owner.lease();
    expect(owner.state()).toEqual({ importCommitting: true, waitingWrites: 0 });
    const save1 = owner.run(true, () => order.push('save1'));
    const read = owner.run(false, () => order.push('read'));
    const save2 = owner.run(true, () => order.push('save2'));
    await read;
    expect(order).toEqual(['read']);
    expect(owner.state()).toEqual({ importCommitting: true, waitingWrites: 2 });
    release();
    release(); // a second call gives back nothing more
    await Promise.all([save1, save2]);
    expect(order).toEqual(['read', 'save1', 'save2']);
    expect(owner.state()).toEqual({ importCommitting: false, waitingWrites: 0 });
  });

  it('grants the lease only after the write running before it, and one lease at a time', async () => {
    const owner = new WriteOwner();
    const order: string[] = [];
    const save = gate(order, 'save');
    const saved = owner.run(true, save.task);
    const first = owner.lease().then((r) => (order.push('lease1'), r));
    const second = owner.lease().then((r) => (order.push('lease2'), r));
    await Promise.resolve();
    expect(order).toEqual(['save:start']);
    save.open();
    await saved;
    const release1 = await first;
    expect(order).toEqual(['save:start', 'save:end', 'lease1']);
    release1();
    (await second)();
    expect(order).toEqual(['save:start', 'save:end', 'lease1', 'lease2']);
  });

  it('passes a failure to its caller and goes on', async () => {
    const owner = new WriteOwner();
    await expect(
      owner.run(true, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(owner.run(false, () => 1)).resolves.toBe(1);
  });
});

describe('which methods write', () => {
  it('counts every method not known to only read as a write', () => {
    expect(writesLedger('households.update')).toBe(true);
    expect(writesLedger('import.undo')).toBe(true);
    expect(writesLedger('households.export')).toBe(true); // exports are audited
    expect(writesLedger('households.list')).toBe(false);
    expect(writesLedger('app.writeState')).toBe(false);
    expect(writesLedger('a.method.added.later')).toBe(true);
    // Both kinds exist among the contract's methods.
    expect(METHOD_NAMES.filter(writesLedger).length).toBeGreaterThan(20);
    expect(METHOD_NAMES.filter((m) => !writesLedger(m)).length).toBeGreaterThan(20);
  });
});
