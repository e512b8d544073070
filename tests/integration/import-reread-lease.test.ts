// The commit of a preview whose idle worker was released (issue 13): the new worker reads the file again
// (≈10 s for a county roster) WITHOUT the owner's write lease, so a clerk's save meanwhile is answered at
// once and 正在导入，稍候保存 (app.writeState) is not shown; only the commit itself holds the lease, and it
// still writes everything or nothing. The re-read is held at its end by the test's worker
// (held-reread-worker.ts), so the save surely falls inside it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportJobs } from '../../main/core/import/import-jobs.ts';
import { ownedCall, WriteOwner } from '../../main/core/owner/write-owner.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { heldReread, HELD_REREAD_WORKER } from '../helpers/held-reread.ts';
import { testHead, testHousehold } from '../helpers/register-entries.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { villageRoster } from '../helpers/workbooks.ts';

let ledgerPath: string;
let c: TestClient;
let jobs: ImportJobs;
let owner: WriteOwner;

beforeEach(async () => {
  ledgerPath = tempLedgerPath();
  c = await openTestClient(ledgerPath);
  await c.ok('ledger.create', { countyCode: '420626' });
  await c.ok('settings.setOperator', { name: '导入员' });
  // As openCore wires them: the jobs' commits take the lease of the owner the saves go through.
  owner = new WriteOwner();
  jobs = new ImportJobs(HELD_REREAD_WORKER, undefined, null, { idleReleaseMs: 0 });
  jobs.writeLease = () => owner.lease();
});
afterEach(async () => {
  await jobs.dispose();
  await c.close();
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const count = (table: 'persons' | 'households') =>
  c.core.ledger.sqlite.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('committing a released preview', () => {
  it('reads the file again without the write lease: a save meanwhile is not held; then commits whole', async () => {
    const village = (await c.ok('regions.tree', {})).find((r) => r.level === 'village');
    const created = await c.ok('households.create', {
      regionCode: village?.code ?? '',
      household: testHousehold(),
      head: testHead('张建国', makeIdNumber('110101', '1970-05-12', 11)),
    });
    const { file } = villageRoster({ households: 3 });
    const id = jobs.start({
      ledgerPath,
      file,
      fileName: '光千社区花名册.xlsx',
      sheet: null,
      regionCode: null,
      into: null,
    });
    await until(() => jobs.status(id).state === 'ready', 'the preview');
    await until(() => jobs.liveWorkers === 0, 'the idle worker to exit');

    const reread = heldReread();
    try {
      jobs.commit(id, false, '导入员');
      await reread.holding; // a new worker has read the file again and waits with its 'ready'
      expect(jobs.status(id).state).toBe('committing');
      // No lease yet: nothing tells the clerk to wait, and a save runs at once.
      expect(owner.state()).toEqual({ importCommitting: false, waitingWrites: 0 });
      const save = ownedCall(owner, () => c.core.handlers);
      const saved = await save('households.update', { id: created.id, patch: { phone: '13900001111' } });
      expect(saved.ok ? null : saved.error).toBeNull();
      expect(count('persons')).toBe(1); // the import has written nothing yet

      reread.release();
      await until(() => ['done', 'failed'].includes(jobs.status(id).state), 'the import');
    } finally {
      reread.close();
    }
    const done = jobs.status(id);
    expect(done.error).toBeNull();
    expect(done.result?.persons.created).toBe(6);
    expect(count('persons')).toBe(7);
    expect(count('households')).toBe(4);
    expect(owner.state()).toEqual({ importCommitting: false, waitingWrites: 0 });
    const phone = c.core.ledger.sqlite
      .prepare(`SELECT phone FROM households WHERE id = ?`)
      .pluck()
      .get(created.id);
    expect(phone).toBe('13900001111');
  });
});
