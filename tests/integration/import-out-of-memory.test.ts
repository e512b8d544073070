// An import whose file does not fit the import heap (issue 13, bounded memory): the thread ends with
// 内存不足, the clerk or the CLI is told so in Chinese with the limit, and the ledger is exactly as before
// (no persons, no batch, integrity ok); once the limit allows it, the same file imports. The limit is the
// app's default (heap-limit.ts) unless a county IT officer sets LEDGER_IMPORT_HEAP_MB; here it is set
// far below what a 16,000-row roster needs (such a roster needs ~48 MB of heap, and the limit is 32).
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { IMPORT_HEAP_MB, importHeapMb } from '../../main/core/import/heap-limit.ts';
import { DEFAULT_WORKER_URL, ImportJobs } from '../../main/core/import/import-jobs.ts';
import { workerLimits } from '../../main/core/import/worker-slots.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { writeRosterXlsx } from '../bench/roster-xlsx.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';

const SMALL_HEAP = '32';
let roster: string;
let rows: number;

beforeAll(async () => {
  const dir = tempDir('oom-');
  const source = await openLedger(path.join(dir, 'source.db'));
  loadDemo(source, () => getRegionCatalog(), 4000, 5, '420626', { ledgers: false });
  roster = path.join(dir, 'roster.xlsx');
  rows = writeRosterXlsx(source.sqlite, roster);
  await source.close();
}, 180_000);

/** What an import may have left in the ledger file. */
function contents(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      persons: db.prepare('SELECT COUNT(*) FROM persons').pluck().get(),
      households: db.prepare('SELECT COUNT(*) FROM households').pluck().get(),
      batches: db.prepare('SELECT COUNT(*) FROM import_batches').pluck().get(),
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe('the import heap limit', () => {
  it('is the default unless LEDGER_IMPORT_HEAP_MB holds a whole number of at least 32', () => {
    expect(importHeapMb({})).toBe(IMPORT_HEAP_MB);
    expect(importHeapMb({ LEDGER_IMPORT_HEAP_MB: ' 2048 ' })).toBe(2048);
    expect(() => importHeapMb({ LEDGER_IMPORT_HEAP_MB: '16' })).toThrow(/LEDGER_IMPORT_HEAP_MB.*“16”/);
    expect(() => importHeapMb({ LEDGER_IMPORT_HEAP_MB: '1.5G' })).toThrow(/不小于 32 的整数/);
    // The app starts with a wrong value (the default, said in the log) rather than not at all.
    expect(workerLimits({ LEDGER_IMPORT_HEAP_MB: 'abc' }).heapMb).toBe(IMPORT_HEAP_MB);
    expect(workerLimits({ LEDGER_IMPORT_HEAP_MB: '900' }).heapMb).toBe(900);
  });
});

describe('CLI import out of memory', () => {
  it('exits 2 with 内存不足 and the limit, writes nothing, and imports the same file with the default limit', () => {
    const db = tempLedgerPath();
    expect(runLedgerCli(['init', '--county', '420626', '--db', db]).code).toBe(0);
    const before = contents(db);
    const failed = runLedgerCli(['import', roster, '--db', db, '--operator', '测试'], {
      LEDGER_IMPORT_HEAP_MB: SMALL_HEAP,
    });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`无法导入：内存不足（导入可用 ${SMALL_HEAP} MB），台账未改动`);
    expect(contents(db)).toEqual(before);
    expect(before).toMatchObject({ persons: 0, batches: 0, integrity: 'ok' });

    const retried = runLedgerCli(['import', roster, '--db', db, '--json', '--operator', '测试']);
    expect(retried.code, retried.stderr).toBe(0);
    expect(contents(db)).toMatchObject({ persons: rows, batches: 1, integrity: 'ok' });
  });

  it('refuses a limit it cannot read, naming the variable, before reading the file', () => {
    const db = tempLedgerPath();
    expect(runLedgerCli(['init', '--county', '420626', '--db', db]).code).toBe(0);
    const r = runLedgerCli(['import', roster, '--db', db], { LEDGER_IMPORT_HEAP_MB: '一千' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('环境变量 LEDGER_IMPORT_HEAP_MB 应为不小于 32 的整数（兆字节），现为“一千”');
    expect(r.stderr).not.toContain('读取工作表');
    expect(contents(db)).toMatchObject({ persons: 0, batches: 0 });
  });
});

describe('app import out of memory', () => {
  let c: TestClient;
  let ledgerPath: string;
  const jobsMade: ImportJobs[] = [];
  beforeAll(async () => {
    ledgerPath = tempLedgerPath();
    c = await openTestClient(ledgerPath);
    await c.ok('ledger.create', { countyCode: '420626' });
  });
  afterAll(async () => {
    for (const j of jobsMade) await j.dispose();
    await c.close();
  });

  async function settle(jobs: ImportJobs, id: string) {
    for (let i = 0; i < 1200; i++) {
      const s = jobs.status(id);
      if (s.state === 'failed' || s.state === 'ready') return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the import job did not settle');
  }
  const start = (jobs: ImportJobs) =>
    jobs.start({
      ledgerPath,
      file: roster,
      fileName: '花名册.xlsx',
      sheet: null,
      regionCode: null,
      into: null,
    });

  it('fails the job with 内存不足 and the limit, leaves the ledger as it was; a job with room reads the file', async () => {
    const small = new ImportJobs(DEFAULT_WORKER_URL, undefined, null, { heapMb: Number(SMALL_HEAP) });
    jobsMade.push(small);
    const failed = await settle(small, start(small));
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toBe(
      `无法导入：内存不足（导入可用 ${SMALL_HEAP} MB），台账未改动。请把文件分成几个再导入`,
    );
    expect(contents(ledgerPath)).toMatchObject({ persons: 0, households: 0, batches: 0, integrity: 'ok' });

    const roomy = new ImportJobs(DEFAULT_WORKER_URL);
    jobsMade.push(roomy);
    const ready = await settle(roomy, start(roomy));
    expect(ready.state, ready.error?.message).toBe('ready');
    expect(ready.preview?.persons.created).toBe(rows);
  });
});
