// The core in its own thread (main/core/owner/): the host only forwards calls and answers the core's
// requests for dialogs; the Electron shell uses the same link with a utilityProcess. Real ledger files.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { LinkedCore } from '../../main/core/owner/connect-core.ts';
import { startCoreThread } from '../../main/core/owner/start-core-thread.ts';
import type { ResponseOf } from '../../shared/contract/index.ts';
import { LedgerError, type Result } from '../../shared/result.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { villageRoster } from '../helpers/workbooks.ts';

const ledgerPath = tempLedgerPath();
const roster = villageRoster({ households: 3 });
const asked: string[] = [];
let core: LinkedCore;

async function ok<T>(method: string, request: unknown): Promise<T> {
  const r = (await core.call(method, request, { validateResponses: true })) as Result<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

afterAll(async () => {
  await core?.close();
});

describe('the core in a worker thread', () => {
  it('opens the ledger and answers calls through the one owner', async () => {
    core = await startCoreThread({
      options: { ledgerPath, host: 'electron' },
      dialogs: {
        pickFile: (purpose) => {
          asked.push(`pick:${purpose}`);
          return Promise.resolve({ path: roster.file, name: '花名册.xlsx' });
        },
        // As saveAs says a file Excel holds open: the code must survive the way back.
        saveFile: () => Promise.reject(new LedgerError('conflict', '文件正在 Excel 中打开，请关闭后重试。')),
      },
    });
    await ok('ledger.create', { countyCode: '420626' });
    await ok('settings.setOperator', { name: '导入员' });
    const info = await ok<ResponseOf<'app.info'>>('app.info', {});
    expect(info).toMatchObject({ host: 'electron', initialized: true, ledgerPath });
    expect(await ok('app.writeState', {})).toEqual({ importCommitting: false, waitingWrites: 0 });
  });

  it('asks the host for the open dialog, and imports from the thread (its import worker nested in it)', async () => {
    const picked = await ok<ResponseOf<'files.pick'>>('files.pick', { purpose: 'import' });
    expect(asked).toEqual(['pick:import']);
    expect(picked.fileName).toBe('花名册.xlsx');
    const { jobId } = await ok<{ jobId: string }>('import.start', {
      fileId: picked.fileId,
      sheet: null,
      regionCode: null,
      into: null,
    });
    let status = await ok<ResponseOf<'import.status'>>('import.status', { jobId });
    while (status.state !== 'ready') {
      if (status.state === 'failed') throw new Error(status.error?.message);
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await ok('import.status', { jobId });
    }
    await ok('import.commit', { jobId, skipInvalid: true });
    while ((await ok<ResponseOf<'import.status'>>('import.status', { jobId })).state !== 'done')
      await new Promise((resolve) => setTimeout(resolve, 20));
    const db = new Database(ledgerPath, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(roster.ids.length);
    } finally {
      db.close();
    }
  });

  it('keeps the code and message of a refusal from the host (a file held open)', async () => {
    const picked = await ok<ResponseOf<'files.pick'>>('files.pick', { purpose: 'import' });
    const saved = await core.call('files.saveAs', { fileId: picked.fileId });
    expect(saved).toEqual({
      ok: false,
      error: { code: 'conflict', message: '文件正在 Excel 中打开，请关闭后重试。' },
    });
  });

  it('refuses a bad request and an unknown method in Chinese, as the dispatch does', async () => {
    const bad = await core.call('households.get', { id: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const unknown = await core.call('no.such', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('passes an open refusal on as the LedgerError openCore threw (the ledger is open already)', async () => {
    const second = await startCoreThread({ options: { ledgerPath, host: 'browser' } }).catch(
      (e: unknown) => e,
    );
    expect(second).toBeInstanceOf(LedgerError);
    expect((second as LedgerError).message).toMatch(/县域统筹台账/);
  });

  it('closes the ledger; calls after that are answered, not left hanging', async () => {
    await core.close();
    const after = await core.call('app.info', {});
    expect(after).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
