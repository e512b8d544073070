// Import through the contract as the UI does it: upload (browser mode), analyse in the worker thread
// with progress, adjust a column, preview with errors, import the valid rows, history, undo.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listBackups } from '../../main/core/backup/rotation.ts';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { TOKEN_HEADER, UPLOAD_PATH } from '../../shared/api.ts';
import type { ResponseOf } from '../../shared/contract/index.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';
import { villageRoster } from '../helpers/workbooks.ts';
import { expectPreviewMatchesResult } from '../helpers/import-accounting.ts';

let host: BrowserHost;
let base: string;
const ledgerPath = tempLedgerPath();

/** The audit entries about import batches (issue 13: every import and undo leaves one). */
function batchEntries() {
  const db = new Database(ledgerPath, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT action, entity_id, operator, changes FROM audit_log WHERE entity = 'batch' ORDER BY id`,
      )
      .all() as { action: string; entity_id: string; operator: string; changes: string }[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  host = await startBrowserHost({ ledgerPath, rendererDir: tempDir() });
  base = `http://127.0.0.1:${host.port}`;
  await call('ledger.create', { countyCode: '420626' });
  await call('settings.setOperator', { name: '导入员' });
});
afterAll(async () => {
  await host.close();
});

async function call<T = unknown>(method: string, body: unknown): Promise<T> {
  const res = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(body),
  });
  const r = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.value;
}

async function upload(file: string, token = host.token) {
  const res = await fetch(`${base}${UPLOAD_PATH}?name=${encodeURIComponent(file.split('/').at(-1) ?? 'x')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: token },
    body: fs.readFileSync(file),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value: { fileId: string } } };
}

type Status = ResponseOf<'import.status'>;
async function waitFor(jobId: string, states: Status['state'][]): Promise<Status> {
  for (let i = 0; i < 300; i++) {
    const s = await call<Status>('import.status', { jobId });
    if (states.includes(s.state)) return s;
    if (s.state === 'failed') throw new Error(`job failed: ${s.error?.message}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timeout');
}

describe('import jobs over browser mode', () => {
  it('refuses an upload without the token', async () => {
    const { file } = villageRoster();
    expect((await upload(file, 'wrong')).status).toBe(401);
  });

  it('analyses in the background, previews errors, remaps, imports valid rows and undoes', async () => {
    const { file, ids } = villageRoster({ badIdAt: 3, households: 3 });
    const up = await upload(file);
    expect(up.status).toBe(200);
    const { jobId } = await call<{ jobId: string }>('import.start', { fileId: up.body.value.fileId });
    const ready = await waitFor(jobId, ['ready']);
    const p = ready.preview;
    expect(p?.sheet).toBe('花名册');
    expect(p?.title).toBe('城关镇光千社区建档立卡贫困户花名册');
    expect(p?.skipped.map((s) => s.reason)).toEqual(['合计行', '表尾签字行']);
    expect(p?.mapping.find((m) => m.header === '家庭成员/身份证号')?.target).toBe('person.id_number');
    const bad = p?.errors.find((e) => e.level === 'error');
    expect(bad).toMatchObject({ sheet: '花名册', row: 8, column: 'E', field: '证件号码' });
    expect(p?.households.created).toBe(3);

    // The error report: the original rows plus 原行号 and 错误说明, downloadable with the token only.
    const report = await call<{ fileId: string; fileName: string; downloadPath: string }>(
      'import.errorReport',
      { jobId },
    );
    expect(report.fileName).toBe('错误报告-光千社区花名册.xlsx');
    expect((await fetch(`${base}${report.downloadPath}`)).status).toBe(401);
    const got = await fetch(`${base}${report.downloadPath}`, { headers: { [TOKEN_HEADER]: host.token } });
    expect(got.status).toBe(200);
    const wb = XLSX.read(Buffer.from(await got.arrayBuffer()));
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0] ?? ''] ?? {}, {
      header: 1,
      defval: '',
    });
    const header = rows.find((r) => r.includes('错误说明')) ?? [];
    const reasonCol = header.indexOf('错误说明');
    const rowCol = header.indexOf('原行号');
    const badRow = rows.find((r) => String(r[rowCol]) === '8');
    expect(String(badRow?.[reasonCol])).toMatch(/【错误】.*未通过校验/);

    // The clerk tells the importer that 贫困户属性 is not to be imported.
    await call('import.remap', { jobId, mapping: { 贫困户属性: null } });
    const remapped = await waitFor(jobId, ['ready']);
    expect(remapped.preview?.mapping.find((m) => m.header === '贫困户属性')?.target).toBeNull();

    // Errors stop a plain commit; the ledger is unchanged.
    await call('import.commit', { jobId, skipInvalid: false });
    const refused = await waitFor(jobId, ['ready', 'done']);
    expect(refused.state).toBe('ready');
    expect(refused.error?.message).toMatch(/处错误，未导入任何数据/);
    expect((await call<{ total: number }>('households.list', { regionCode: null })).total).toBe(0);

    await call('import.commit', { jobId, skipInvalid: true });
    const done = await waitFor(jobId, ['done']);
    expect(done.result?.persons.created).toBe(5);
    // 数据质量 ran over the 3 households the batch wrote; every finding it stored is new.
    expect(done.result?.quality?.households).toBe(3);
    const stored = await call<{ total: number }>('quality.findings', { regionCode: null, state: 'all' });
    expect(done.result?.quality?.newFindings).toBe(stored.total);
    expect(done.result?.quality?.findings).toBe(stored.total);
    // The preview promised exactly this: row 8 (配偶1) listed with its error, nothing else left out.
    if (!remapped.preview || !done.result) throw new Error('no preview or result');
    expectPreviewMatchesResult(remapped.preview, done.result);
    expect(done.result.notImported.rows).toEqual([
      expect.objectContaining({ row: 8, kind: 'error', name: '配偶1' }),
    ]);
    const list = await call<{ total: number }>('households.list', { regionCode: null });
    expect(list.total).toBe(3);
    // The ledger was backed up before the import (and at start), and the import is in the audit log
    // with the file's hash and the rows it created.
    const reasons = listBackups(path.join(path.dirname(ledgerPath), 'backups')).map((b) => b.reason);
    expect(reasons).toContain('before-import');
    expect(reasons).toContain('start');
    const [imported] = batchEntries();
    expect(imported).toMatchObject({
      action: 'import',
      entity_id: String(done.result.batchId),
      operator: '导入员',
    });
    const created = JSON.parse(imported?.changes ?? '[]') as { field: string; after: string }[];
    expect(created.find((c) => c.field === 'created:persons')?.after).toMatch(/^\d+-\d+$/);
    expect(created.find((c) => c.field === 'sha256')?.after).toMatch(/^[0-9a-f]{64}$/);
    const found = await call<{ total: number }>('persons.search', { q: (ids[0] ?? '').slice(-6) });
    expect(found.total).toBe(1);

    // The adjusted mapping was saved: the same kind of file gets it offered next time.
    const again = await call<{ jobId: string }>('import.start', {
      fileId: (await upload(villageRoster({ households: 1 }).file)).body.value.fileId,
    });
    const offered = (await waitFor(again.jobId, ['ready'])).preview;
    expect(offered?.templateUsed).toBe('光千社区花名册.xlsx');
    expect(offered?.mapping.find((m) => m.header === '贫困户属性')?.target).toBeNull();
    await call('import.cancel', { jobId: again.jobId });

    const history = await call<ResponseOf<'import.history'>>('import.history', {});
    expect(history[0]).toMatchObject({
      fileName: '光千社区花名册.xlsx',
      operator: '导入员',
      undoneAt: null,
      dataRows: 6,
      notImported: { count: 1, rows: [expect.objectContaining({ row: 8, kind: 'error' })] },
    });
    await call('import.undo', { batchId: history[0]?.batchId });
    expect((await call<{ total: number }>('households.list', { regionCode: null })).total).toBe(0);
    expect((await call<ResponseOf<'import.history'>>('import.history', {}))[0]?.undoneBy).toBe('导入员');
    expect(batchEntries().map((e) => e.action)).toEqual(['import', 'undo-import']);
  });

  it('asks which sheet when two could be the one; a bad whole-column value is refused and the preview stays', async () => {
    const { file } = villageRoster({ households: 2 });
    const wb = XLSX.readFile(file);
    const roster = wb.Sheets['花名册'];
    if (!roster) throw new Error('no roster');
    const two = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(two, XLSX.utils.aoa_to_sheet([['填表说明'], ['每户一行起。']]), '填表说明');
    XLSX.utils.book_append_sheet(two, roster, '一组');
    XLSX.utils.book_append_sheet(two, roster, '二组');
    const twoFile = `${tempDir()}/两个组.xlsx`;
    XLSX.writeFile(two, twoFile);
    const { jobId } = await call<{ jobId: string }>('import.start', {
      fileId: (await upload(twoFile)).body.value.fileId,
    });
    const asked = await waitFor(jobId, ['choose-sheet']);
    expect(asked.preview).toBeNull();
    expect(asked.sheetChoice?.sheets).toEqual(['一组', '二组']);
    await call('import.remap', { jobId, sheet: '二组' });
    const ready = await waitFor(jobId, ['ready']);
    expect(ready.preview?.sheet).toBe('二组');
    expect(ready.preview?.constants).toEqual({});

    await expect(
      call('import.remap', { jobId, constants: { 'household.poverty_attribute': '很穷' } }),
    ).rejects.toThrow(/整列填写的贫困户属性有误/);
    expect((await call<Status>('import.status', { jobId })).state).toBe('ready');
    await call('import.remap', { jobId, constants: { 'household.household_type': '一般农户' } });
    const set = await waitFor(jobId, ['ready']);
    expect(set.preview?.constants).toEqual({ 'household.household_type': '一般农户' });
    await call('import.cancel', { jobId });
  });

  it('reports an unreadable file in Chinese and cancels cleanly', async () => {
    const dir = tempDir();
    fs.writeFileSync(`${dir}/假表格.xlsx`, 'PK\u0003\u0004 this zip is cut off');
    const up = await upload(`${dir}/假表格.xlsx`);
    const { jobId } = await call<{ jobId: string }>('import.start', { fileId: up.body.value.fileId });
    const failed = await call<Status>('import.status', { jobId }).then(async (s) =>
      s.state === 'failed' ? s : waitForFailure(jobId),
    );
    expect(failed.error?.message).toMatch(/假表格\.xlsx/);
    const { file } = villageRoster();
    const second = await call<{ jobId: string }>('import.start', {
      fileId: (await upload(file)).body.value.fileId,
    });
    expect((await call<{ cancelled: boolean }>('import.cancel', { jobId: second.jobId })).cancelled).toBe(
      true,
    );
    expect((await call<Status>('import.status', { jobId: second.jobId })).state).toBe('cancelled');
  });
});

async function waitForFailure(jobId: string): Promise<Status> {
  for (let i = 0; i < 200; i++) {
    const s = await call<Status>('import.status', { jobId });
    if (s.state === 'failed') return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no failure');
}
