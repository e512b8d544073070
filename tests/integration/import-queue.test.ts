// Import workers are bounded (issue 13): at most two at once, later jobs wait in 'queued' and say how many
// imports are before them, a queued job can be cancelled, and a worker whose preview sits unused exits
// (its memory back to the system) while the preview stays; a later remap or commit reads the file again.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportJobs } from '../../main/core/import/import-jobs.ts';
import type { WorkerLimits } from '../../main/core/import/worker-slots.ts';
import { HELD_FILE_NAME, HELD_IMPORT_WORKER } from '../helpers/held-import.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { villageRoster } from '../helpers/workbooks.ts';

let ledgerPath: string;
let c: TestClient;
let jobs: ImportJobs | null = null;

beforeEach(async () => {
  ledgerPath = tempLedgerPath();
  c = await openTestClient(ledgerPath);
  await c.ok('ledger.create', { countyCode: '420626' });
});
afterEach(async () => {
  await jobs?.dispose();
  jobs = null;
  await c.close();
});

function newJobs(limits: Partial<WorkerLimits> = {}): ImportJobs {
  jobs = new ImportJobs(HELD_IMPORT_WORKER, undefined, null, limits);
  return jobs;
}

/** A job whose preview the test worker never posts: it keeps its worker until cancelled. */
const held = (j: ImportJobs, file: string) =>
  j.start({ ledgerPath, file, fileName: HELD_FILE_NAME, sheet: null, regionCode: null, into: null });
const roster = (j: ImportJobs, file: string) =>
  j.start({ ledgerPath, file, fileName: '光千社区花名册.xlsx', sheet: null, regionCode: null, into: null });

type State = ReturnType<ImportJobs['status']>['state'];
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
async function waitFor(j: ImportJobs, id: string, states: State[]) {
  await until(() => states.includes(j.status(id).state), `${states.join('/')}`);
  return j.status(id);
}

const personCount = () =>
  c.core.ledger.sqlite.prepare(`SELECT COUNT(*) FROM persons`).pluck().get() as number;

describe('import workers: at most two at once', () => {
  it('queues the third and fourth job, cancels a queued one, and runs the next when one ends', async () => {
    const j = newJobs({ idleReleaseMs: 60_000 });
    const { file } = villageRoster({ households: 3 });
    const a = held(j, file);
    const b = held(j, file);
    const third = roster(j, file);
    const fourth = roster(j, file);
    expect(j.liveWorkers).toBe(2);
    expect(j.status(third)).toMatchObject({ state: 'queued', phase: 'queued', queueAhead: 2 });
    expect(j.status(fourth)).toMatchObject({ state: 'queued', queueAhead: 3 });
    expect(j.status(a).queueAhead).toBeNull();

    // A queued job is cancelled without ever starting a worker; the one before it keeps its place.
    expect(j.cancel(fourth)).toBe(true);
    expect(j.status(fourth)).toMatchObject({ state: 'cancelled', queueAhead: null });
    expect(j.status(third).queueAhead).toBe(2);

    // One running import ends: the queued one starts and reaches its preview; never more than two.
    expect(j.cancel(a)).toBe(true);
    let most = 0;
    await until(() => {
      most = Math.max(most, j.liveWorkers);
      return j.status(third).state === 'ready';
    }, 'the third job to be ready');
    expect(most).toBeLessThanOrEqual(2);
    expect(j.status(third).preview?.persons.created).toBe(6);

    j.commit(third, false, '导入员');
    expect((await waitFor(j, third, ['done', 'failed'])).result?.persons.created).toBe(6);
    expect(personCount()).toBe(6);
    expect(j.status(b).state).toBe('analysing');
  });

  it('a preview left idle gives its worker back; remap and commit read the file again', async () => {
    const j = newJobs({ idleReleaseMs: 0 });
    const { file } = villageRoster({ households: 3 });
    const id = roster(j, file);
    const ready = await waitFor(j, id, ['ready']);
    await until(() => j.liveWorkers === 0, 'the idle worker to exit');
    expect(j.status(id).preview).toEqual(ready.preview);

    // The clerk leaves 贫困户属性 out: a new worker reads the file again, keeps that choice, exits again.
    j.remap(id, { mapping: { 贫困户属性: null } });
    const remapped = await waitFor(j, id, ['ready']);
    expect(remapped.preview?.mapping.find((m) => m.header === '贫困户属性')?.target).toBeNull();
    await until(() => j.liveWorkers === 0, 'the idle worker to exit again');

    j.commit(id, false, '导入员');
    const done = await waitFor(j, id, ['done', 'failed']);
    expect(done.error).toBeNull();
    expect(done.result?.persons.created).toBe(6);
    const attributes = c.core.ledger.sqlite
      .prepare(`SELECT COUNT(*) FROM households WHERE poverty_attribute IS NOT NULL`)
      .pluck()
      .get();
    expect(attributes).toBe(0);
  });

  it('refuses to commit a preview whose file changed after its worker was released', async () => {
    const j = newJobs({ idleReleaseMs: 0 });
    const { file } = villageRoster({ households: 3 });
    const id = roster(j, file);
    await waitFor(j, id, ['ready']);
    await until(() => j.liveWorkers === 0, 'the idle worker to exit');
    fs.copyFileSync(villageRoster({ households: 2 }).file, file);

    j.commit(id, false, '导入员');
    const failed = await waitFor(j, id, ['failed', 'done']);
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toBe('文件在预览之后被修改过，未导入。请重新选择文件。');
    expect(personCount()).toBe(0);
  });
});
