// One ledger, one program at a time: a second program on this PC, or a program on another PC reaching
// the file over a share, is told in Chinese who has it open; a lock left by a crash is taken over.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { lockPathOf, type LockOwner } from '../../main/core/db/ledger-lock.ts';
import { openCore } from '../../main/core/index.ts';
import { openTestClient } from '../helpers/core-client.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { fileFingerprint, tempLedgerPath } from '../helpers/temp-ledger.ts';

const owner = (o: Partial<LockOwner>): string =>
  JSON.stringify({
    host: os.hostname(),
    user: '李会计',
    pid: process.pid,
    program: '县域统筹台账',
    since: '2026-12-07T01:30:00Z',
    ...o,
  });

/** The pid of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

describe('ledger lock', () => {
  it('a second program on this PC is told which program has the ledger, in Chinese', async () => {
    const db = tempLedgerPath();
    const client = await openTestClient(db);
    try {
      await client.ok('ledger.loadDemo', { households: 10, seed: 2 });
      const before = fileFingerprint(db);
      const r = runLedgerCli(['stats', '--db', db, '--json']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('已在本机的另一个程序中打开');
      expect(r.stderr).toContain(`进程 ${process.pid}`);
      expect(r.stderr).not.toMatch(/database is locked/);
      expect(fileFingerprint(db)).toBe(before);
    } finally {
      await client.close();
    }
    // Closed: the lock is gone and the next program opens the ledger.
    expect(fs.existsSync(lockPathOf(db))).toBe(false);
    expect(runLedgerCli(['stats', '--db', db, '--json']).code).toBe(0);
  });

  it('a program on another PC is named by computer and user', async () => {
    const db = tempLedgerPath();
    fs.writeFileSync(lockPathOf(db), owner({ host: 'WENSHU-PC', pid: 4242 }));
    const error = await openCore({ ledgerPath: db, host: 'electron' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict' });
    expect((error as Error).message).toMatch(/正在电脑“WENSHU-PC”上由用户 李会计 打开/);
    expect((error as Error).message).toContain(lockPathOf(db));
    expect(fs.existsSync(db)).toBe(false); // nothing created
  });

  it('takes over a lock left by a program of this PC that no longer runs', async () => {
    const db = tempLedgerPath();
    fs.writeFileSync(lockPathOf(db), owner({ pid: deadPid() }));
    const core = await openCore({ ledgerPath: db, host: 'browser' });
    const mine = JSON.parse(fs.readFileSync(lockPathOf(db), 'utf8')) as LockOwner;
    expect(mine.pid).toBe(process.pid);
    await core.close();
    expect(fs.existsSync(lockPathOf(db))).toBe(false);
  });

  it('threads and repeated opens of one program share its lock', async () => {
    const db = tempLedgerPath();
    const first = await openCore({ ledgerPath: db, host: 'browser' });
    const second = await openCore({ ledgerPath: db, host: 'browser' });
    await second.close();
    expect(fs.existsSync(lockPathOf(db))).toBe(true);
    await first.close();
    expect(fs.existsSync(lockPathOf(db))).toBe(false);
  });
});
