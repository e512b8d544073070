// One owner of the ledger's writes (issue 13): a clerk's save during a county-size import's commit waits for
// the commit and then succeeds — never SQLITE_BUSY after busy_timeout — and reads keep being answered
// meanwhile. Real files: a roster of a sample county's persons, imported through browser mode.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { TOKEN_HEADER } from '../../shared/api.ts';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract/index.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import type { Result } from '../../shared/result.ts';
import { writeRosterXlsx } from '../bench/roster-xlsx.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { clientOf } from '../helpers/core-client.ts';
import { uploadToHost } from '../helpers/browser-upload.ts';
import { testHead, testHousehold } from '../helpers/register-entries.ts';

/** Households of the sample county whose persons are imported (about 4 persons each). */
const HOUSEHOLDS = 4000;
const VILLAGE = '420626100201';

let dir: string;
let roster: string;
let rows: number;
let host: BrowserHost;
let ledgerPath: string;

/** Through the core's own call, the path both hosts forward to. */
async function core<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>> {
  return (await host.call(method, request, { validateResponses: true })) as Result<ResponseOf<M>>;
}
const ok = <M extends MethodName>(method: M, request: RequestOf<M>) => clientOf(host).ok(method, request);
/** Over HTTP, as the renderer in browser mode asks. */
async function http<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(request),
  });
  return (await res.json()) as Result<ResponseOf<M>>;
}
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeAll(async () => {
  dir = tempDir('owner-');
  const source = await openLedger(path.join(dir, 'source.db'));
  loadDemo(source, () => getRegionCatalog(), HOUSEHOLDS, 7, '420626', { ledgers: false });
  roster = path.join(dir, '全县花名册.xlsx');
  rows = writeRosterXlsx(source.sqlite, roster);
  await source.close();
  ledgerPath = path.join(dir, 'ledger.db');
  host = await startBrowserHost({ ledgerPath, rendererDir: dir });
  await ok('ledger.create', { countyCode: '420626' });
  await ok('settings.setOperator', { name: '导入员' });
}, 300_000);

afterAll(async () => {
  await host?.close();
});

describe('a save during an import commit', () => {
  it('waits for the commit, then succeeds; reads are answered meanwhile', async () => {
    // A household the clerk edits; its number and ID are outside what the roster holds.
    const created = await ok('households.create', {
      regionCode: VILLAGE,
      householdNo: '测试-0001',
      household: testHousehold(),
      head: testHead('张建国', makeIdNumber('110101', '1970-05-12', 11)),
    });

    const fileId = await uploadToHost(host, roster, '全县花名册.xlsx');
    const { jobId } = await ok('import.start', { fileId, sheet: null, regionCode: null, into: null });
    for (
      let s = await ok('import.status', { jobId });
      s.state !== 'ready';
      s = await ok('import.status', { jobId })
    ) {
      if (s.state === 'failed') throw new Error(s.error?.message);
      await pause();
    }
    await ok('import.commit', { jobId, skipInvalid: true });
    // The import's worker holds the write lease from just before its transaction until it has finished.
    while (!(await ok('app.writeState', {})).importCommitting) await pause();

    const order: string[] = [];
    const save = core('households.update', { id: created.id, patch: { phone: '13900001111' } }).then((r) => {
      order.push('save');
      return r;
    });
    const state = await ok('app.writeState', {});
    expect(state).toEqual({ importCommitting: true, waitingWrites: 1 });
    // A read is answered while the save waits.
    const read = await ok('households.get', { id: created.id });
    order.push('read');
    expect(read.household.entry.phone).toBeNull();
    // A second save over HTTP, as browser mode sends it: it too waits and succeeds.
    const overHttp = http('households.update', { id: created.id, patch: { address: '城关镇测试村一组' } });

    const saved = await save;
    expect(saved.ok ? null : saved.error).toBeNull();
    expect(order).toEqual(['read', 'save']);
    // The save ran after the import had committed, not beside it.
    const status = await ok('import.status', { jobId });
    expect(status.state).toBe('done');
    expect(status.error).toBeNull();
    const second = await overHttp;
    expect(second.ok ? null : second.error).toBeNull();
    expect(await ok('app.writeState', {})).toEqual({ importCommitting: false, waitingWrites: 0 });

    const db = new Database(ledgerPath, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(rows + 1);
      expect(db.prepare('SELECT phone, address FROM households WHERE id = ?').get(created.id)).toEqual({
        phone: '13900001111',
        address: '城关镇测试村一组',
      });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 300_000);
});
