// 备份与恢复 over the contract (the screen's methods), on real ledger files: a backup now, a backup to a
// folder (read back, audited with its SHA-256 as an export), a check, a restore that first saves the
// current ledger, the undo of that restore, and refusals that leave the ledger as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLedgerFile } from '../../main/core/backup/verify-ledger-file.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { fileFingerprint, tempDir } from '../helpers/temp-ledger.ts';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function sampleLedger(): Promise<TestClient> {
  const c = await openTestClient();
  await c.ok('ledger.loadDemo', { households: 12, seed: 3, ledgers: false });
  await c.ok('settings.setOperator', { name: '备份员' });
  return c;
}

/** The newest audit entries of the whole ledger (audit.list is per household or person). */
const latestAudit = (c: TestClient, n: number) =>
  c.core.ledger.sqlite
    .prepare(`SELECT action, entity, entity_id AS entityId, changes FROM audit_log ORDER BY id DESC LIMIT ?`)
    .all(n) as { action: string; entity: string; entityId: string; changes: string }[];

const activeHouseholds = async (c: TestClient) =>
  (await c.ok('stats.summary', { regionCode: null })).households;

describe('备份与恢复 over the contract', () => {
  it('backs up now and to a folder: checked, read back, listed, and the folder copy audited with its hash', async () => {
    const c = await sampleLedger();
    try {
      const made = await c.ok('backups.create', {});
      expect(made.reason).toBe('manual');
      expect(made.reasonLabel).toBe('手动');
      expect(made.check.ok).toBe(true);
      expect(made.check.households).toBe(12);
      const list = await c.ok('backups.list', {});
      expect(list.items.map((b) => b.fileName)).toContain(made.fileName);
      expect(list.folder).toBe(path.join(path.dirname(c.core.ledger.path), 'backups'));

      const usb = tempDir('usb-');
      const copy = await c.ok('backups.toFolder', { folder: usb });
      expect(copy.savedTo).toBe(path.join(usb, copy.fileName));
      expect(copy.fileName).toMatch(/^台账备份-\d{8}-\d{9}\.db$/);
      expect(copy.check?.ok).toBe(true);
      expect(copy.check?.persons).toBeGreaterThan(12);
      expect(fs.readdirSync(usb)).toEqual([copy.fileName]); // no .tmp left beside it
      expect(verifyLedgerFile(copy.savedTo ?? '').sound).toBe(true);
      expect(copy.sha256).toBe(sha256(copy.savedTo ?? ''));
      const entry = latestAudit(c, 5).find((a) => a.action === 'export' && a.entityId === copy.fileName);
      expect(entry?.changes).toContain(copy.sha256);

      // Browser mode without a folder: the checked copy is offered as a download.
      const download = await c.ok('backups.toFolder', { folder: null });
      expect(download.savedTo).toBeNull();
      expect(download.downloadPath).toMatch(/^\/download\//);

      const missing = await c.fail('backups.toFolder', { folder: path.join(usb, '没有这个U盘') });
      expect(missing.code).toBe('validation');
      expect(missing.message).toContain('找不到文件夹');

      const checked = await c.ok('backups.verify', { source: { backup: made.fileName } });
      expect(checked).toMatchObject({ ok: true, sound: true, households: 12 });
    } finally {
      await c.close();
    }
  });

  it('restores from a folder copy after saving the current ledger, and the undo brings that one back', async () => {
    const c = await sampleLedger();
    try {
      const usb = tempDir('usb-');
      const copy = await c.ok('backups.toFolder', { folder: usb });
      const [first] = (await c.ok('households.list', { regionCode: null, limit: 1 })).rows;
      await c.ok('households.cancel', { id: first?.id ?? 0, reason: '05', note: null, date: '2026-12-01' });
      expect(await activeHouseholds(c)).toBe(11);

      const done = await c.ok('backups.restore', { source: { path: copy.savedTo ?? '' } });
      expect(done.restored).toMatchObject({ ok: true, households: 12, fileName: copy.fileName });
      expect(done.savedCurrent?.reason).toBe('before-restore');
      expect(done.savedCurrent?.reasonLabel).toBe('恢复前');
      // The open core now answers from the restored file.
      expect(await activeHouseholds(c)).toBe(12);
      expect(verifyLedgerFile(c.core.ledger.path).sound).toBe(true);
      expect(latestAudit(c, 1)[0]).toMatchObject({
        action: 'restore',
        entity: 'file',
        entityId: copy.fileName,
      });

      // 撤销恢复: restore the backup the restore saved first.
      const undo = await c.ok('backups.restore', { source: { backup: done.savedCurrent?.fileName ?? '' } });
      expect(undo.restored.households).toBe(11);
      expect(await activeHouseholds(c)).toBe(11);
      const names = (await c.ok('backups.list', {})).items.filter((b) => b.reason === 'before-restore');
      expect(names).toHaveLength(2);
    } finally {
      await c.close();
    }
  });

  it('refuses a damaged or foreign file and keeps the ledger and the open core as they were', async () => {
    const c = await sampleLedger();
    try {
      const dir = tempDir('bad-');
      const foreign = path.join(dir, '别的文件.db');
      fs.writeFileSync(foreign, 'SQLite format 3\0'.padEnd(8192, 'x'));
      const before = fileFingerprint(c.core.ledger.path);
      const refused = await c.fail('backups.restore', { source: { path: foreign } });
      expect(refused.code).toBe('validation');
      expect(refused.message).toContain('不能用');
      expect(await activeHouseholds(c)).toBe(12);
      expect(fileFingerprint(c.core.ledger.path)).toBe(before);
      expect((await c.ok('backups.list', {})).items).toEqual([]);

      const gone = await c.fail('backups.restore', {
        source: { backup: 'ledger-20260101-000000-manual.db' },
      });
      expect(gone.code).toBe('not-found');
      const badName = await c.fail('backups.verify', { source: { backup: '../ledger.db' } });
      expect(badName.code).toBe('bad-request');
      const check = await c.ok('backups.verify', { source: { path: foreign } });
      expect(check.ok).toBe(false);
      expect(check.problems).toEqual([`${foreign} 不是台账文件（不是 SQLite 数据库，或文件开头已损坏）。`]);
    } finally {
      await c.close();
    }
  });
});
