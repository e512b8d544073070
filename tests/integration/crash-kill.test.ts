// Power cuts and killed programs (issue 13): the CLI is killed with SIGKILL at 20 points spread over a
// village-size import, and at points during a backup and a restore. Every time the ledger passes
// integrity_check and holds all of the import or none of it; a killed backup leaves no file or a sound
// one; a killed restore leaves the old ledger or the new one. The next run works (the stale lock of the
// killed process is recognised).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { verifyLedgerFile } from '../../main/core/backup/verify-ledger-file.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { writeRosterXlsx } from '../bench/roster-xlsx.ts';
import { CLI, NODE_FLAGS, ROOT, runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

const KILL_POINTS = 20;
let dir: string;
let roster: string;
let rows: number;
let base: string;
let source: string;

/** Runs the CLI and kills it with SIGKILL after `ms` (if it has not ended); resolves when it is gone. */
function runAndKill(args: string[], ms: number): Promise<{ killed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [...NODE_FLAGS, CLI, ...args], { cwd: ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', ms: Date.now() - started });
    });
  });
}

const persons = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM persons`).pluck().get() as number;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dir = tempDir('crash-');
  source = path.join(dir, 'source.db');
  const ledger = await openLedger(source);
  loadDemo(ledger, () => getRegionCatalog(), 500, 3, '420626', { ledgers: false });
  roster = path.join(dir, 'roster.xlsx');
  rows = writeRosterXlsx(ledger.sqlite, roster);
  await ledger.close();
  base = path.join(dir, 'base.db');
  expect(runLedgerCli(['init', '--county', '420626', '--db', base]).code).toBe(0);
}, 120_000);

const copyBase = (name: string) => {
  const file = path.join(dir, name);
  fs.copyFileSync(base, file);
  return file;
};

describe('killed with SIGKILL', () => {
  it(`during an import, at ${KILL_POINTS} points: all or nothing, never damaged`, async () => {
    const importArgs = (db: string) => ['import', roster, '--db', db, '--operator', '测试员'];
    // How long a whole import takes on this machine, to spread the kill points over it.
    const full = copyBase('full.db');
    const whole = await runAndKill(importArgs(full), 600_000);
    expect(whole.killed).toBe(false);
    expect(persons(full)).toBe(rows);

    const outcomes: string[] = [];
    for (let k = 0; k < KILL_POINTS; k++) {
      const db = copyBase(`kill-${k}.db`);
      const at = Math.round(whole.ms * (0.2 + (0.9 * k) / (KILL_POINTS - 1)));
      const run = await runAndKill(importArgs(db), at);
      const check = verifyLedgerFile(db, 'integrity', true);
      expect(check.problems, `kill at ${at} ms`).toEqual([]);
      const n = persons(db);
      expect([0, rows], `kill at ${at} ms left ${n} persons`).toContain(n);
      outcomes.push(run.killed ? (n === 0 ? 'none' : 'all') : 'finished');
      // The next import after a kill works: the dead process's lock is recognised as stale.
      if (k % 5 === 4) {
        expect(runLedgerCli([...importArgs(db), '--json']).code).toBe(0);
        expect(persons(db)).toBe(rows);
      }
    }
    // The points reach into the import (not all before it started, not all after it ended).
    expect(outcomes).toContain('none');
  }, 900_000);

  it('during a backup and a restore: the copy is absent or sound; the ledger is the old one or the new one', async () => {
    const whole = await runAndKill(['backup', '--db', source, '--out', path.join(dir, 'timing')], 600_000);
    expect(whole.killed).toBe(false);
    for (let k = 0; k < 6; k++) {
      const out = path.join(dir, `usb-${k}`);
      await runAndKill(['backup', '--db', source, '--out', out], Math.round(whole.ms * (0.3 + 0.15 * k)));
      const written = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith('.db')) : [];
      for (const f of written) expect(verifyLedgerFile(path.join(out, f)).ok).toBe(true);
      expect(verifyLedgerFile(source).ok).toBe(true);
    }

    const backup = path.join(dir, 'timing', fs.readdirSync(path.join(dir, 'timing'))[0] ?? '');
    const restoreArgs = (db: string) => ['restore', backup, '--yes', '--db', db];
    const timing = copyBase('restore-timing.db');
    const restore = await runAndKill(restoreArgs(timing), 600_000);
    expect(restore.killed).toBe(false);
    for (let k = 0; k < 6; k++) {
      const db = copyBase(`restore-${k}.db`);
      await runAndKill(restoreArgs(db), Math.round(restore.ms * (0.3 + 0.15 * k)));
      expect(verifyLedgerFile(db).ok).toBe(true);
      expect([0, persons(source)]).toContain(persons(db));
    }
  }, 900_000);
});
