// kill -9 during the 备份与恢复 screen's own operations (issue 13, item 8): a backup to a folder and a
// restore through the open core (close, swap, reopen). The program is killed at points spread over the
// operation itself — timed from its `go`, not from the start of the process, so the points fall inside
// it and not in Node's start-up. Every time: the ledger passes integrity_check and is wholly the old one
// or wholly the restored one; a backup in the folder is complete and sound, or there is none (a .tmp
// left behind is never taken for a backup); the next program opens the ledger (the lock is stale).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { verifyLedgerFile } from '../../main/core/backup/verify-ledger-file.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { openCore } from '../../main/core/index.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { NODE_FLAGS, ROOT, runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

const CHILD = fileURLToPath(new URL('../helpers/backup-child.ts', import.meta.url));
const POINTS = 8;
let dir: string;
let source: string;
let base: string;

/**
 * Runs the child; `killAt` ms after it says `go` it is killed with SIGKILL (null: let it finish).
 * Resolves with how long go→done took (or null) and whether it was killed before `done`.
 */
function runChild(args: string[], killAt: number | null): Promise<{ ms: number | null; killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, CHILD, ...args], { cwd: ROOT });
    let out = '';
    let goAt = 0;
    let ms: number | null = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (goAt === 0 && out.includes('go\n')) {
        goAt = performance.now();
        if (killAt !== null) setTimeout(() => child.kill('SIGKILL'), killAt);
      }
      if (ms === null && out.includes('done\n')) ms = performance.now() - goAt;
    });
    child.stderr.resume();
    child.on('exit', (_code, signal) => resolve({ ms, killed: signal === 'SIGKILL' && ms === null }));
  });
}

const counts = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      households: db.prepare(`SELECT count(*) FROM households`).pluck().get() as number,
      persons: db.prepare(`SELECT count(*) FROM persons`).pluck().get() as number,
    };
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dir = tempDir('crash-backup-');
  source = path.join(dir, 'source.db');
  const ledger = await openLedger(source);
  loadDemo(ledger, () => getRegionCatalog(), 1500, 4, '420626', { ledgers: false });
  await ledger.close();
  base = path.join(dir, 'base.db');
  expect(runLedgerCli(['init', '--county', '420626', '--db', base]).code).toBe(0);
}, 300_000);

describe('killed with SIGKILL during the screen’s backup and restore', () => {
  it(`a backup to a folder, at ${POINTS} points: no file or a sound one; the ledger untouched`, async () => {
    const timing = await runChild([source, 'to-folder', tempDir('usb-')], null);
    const whole = timing.ms ?? 0;
    expect(whole).toBeGreaterThan(0);
    const before = counts(source);
    let killedInside = 0;
    for (let k = 0; k < POINTS; k++) {
      const usb = tempDir('usb-');
      const run = await runChild([source, 'to-folder', usb], Math.round((whole * k) / POINTS));
      if (run.killed) killedInside++;
      const copies = fs.readdirSync(usb).filter((f) => f.endsWith('.db'));
      expect(copies.length).toBeLessThanOrEqual(1);
      for (const f of copies) expect(verifyLedgerFile(path.join(usb, f)).ok, `kill ${k}`).toBe(true);
      expect(verifyLedgerFile(source, 'integrity', false).ok).toBe(true);
      expect(counts(source)).toEqual(before);
    }
    expect(killedInside).toBeGreaterThan(0);
  }, 900_000);

  it(`a restore through the open core, at ${POINTS} points: the old ledger or the new one, never a mix`, async () => {
    const oldCounts = counts(base);
    const newCounts = counts(source);
    const timing = path.join(dir, 'restore-timing.db');
    fs.copyFileSync(base, timing);
    const whole = (await runChild([timing, 'restore', source], null)).ms ?? 0;
    expect(whole).toBeGreaterThan(0);
    expect(counts(timing)).toEqual(newCounts);
    let killedInside = 0;
    const outcomes: string[] = [];
    for (let k = 0; k < POINTS; k++) {
      const db = path.join(tempDir('restore-'), 'ledger.db');
      fs.copyFileSync(base, db);
      const run = await runChild([db, 'restore', source], Math.round((whole * k) / POINTS));
      if (run.killed) killedInside++;
      const check = verifyLedgerFile(db, 'integrity', false);
      expect(check.problems, `kill ${k}`).toEqual([]);
      expect([oldCounts, newCounts], `kill ${k}`).toContainEqual(counts(db));
      if (run.killed) outcomes.push(counts(db).persons === oldCounts.persons ? 'old' : 'new');
      const backups = path.join(path.dirname(db), 'backups');
      for (const f of fs.existsSync(backups) ? fs.readdirSync(backups) : [])
        if (f.endsWith('.db')) expect(verifyLedgerFile(path.join(backups, f)).ok).toBe(true);
      // The next program opens it: the killed one's lock is recognised as stale.
      const core = await openCore({ ledgerPath: db, host: 'browser', safeguards: true });
      await core.close();
    }
    expect(killedInside).toBeGreaterThan(0);
    expect(outcomes).toContain('old'); // a kill before the swap left the ledger as it was
  }, 900_000);
});
