// One ledger, one program at a time. A program that opens a ledger (the desktop window, browser mode,
// a CLI command) writes `<ledger>.lock` beside it, naming the computer, user and process, and removes it
// when it closes the ledger. A second program — on this PC or another one reaching the file over a
// share — is told in Chinese who has the ledger open, instead of failing later with SQLite's English
// "database is locked" (SQLite's own locks do not work reliably over network shares at all).
// Threads of one program (the import worker) share their program's lock: it is taken in openCore,
// not in openLedger.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerError } from '../../../shared/result.ts';

export interface LockOwner {
  host: string;
  user: string;
  pid: number;
  program: string;
  since: string;
}

export interface LockEnvironment {
  host: string;
  user: string;
  pid: number;
  /** Whether a process of this computer still runs. */
  isAlive(pid: number): boolean;
  now(): Date;
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

export const thisProcess = (): LockEnvironment => ({
  host: os.hostname(),
  user: currentUser(),
  pid: process.pid,
  isAlive: (pid) => {
    try {
      process.kill(pid, 0); // signal 0 only checks; Windows too
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to someone else
    }
  },
  now: () => new Date(),
});

export const lockPathOf = (ledgerPath: string): string => `${ledgerPath}.lock`;

export interface LedgerLock {
  release(): void;
}

const fileTime = (file: string): number => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

/** Locks held by this process, by lock file: a second open in the same process shares the lock. */
const held = new Map<string, number>();

function readOwner(lockPath: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    return typeof owner.host === 'string' && typeof owner.pid === 'number' ? (owner as LockOwner) : null;
  } catch {
    return null;
  }
}

const sinceText = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `（自 ${d.getMonth() + 1} 月 ${d.getDate()} 日 ${pad(d.getHours())}:${pad(d.getMinutes())} 起）`;
};

function heldElsewhere(
  ledgerPath: string,
  lockPath: string,
  owner: LockOwner,
  env: LockEnvironment,
): LedgerError {
  const who = owner.user ? `用户 ${owner.user} ` : '';
  const message =
    owner.host === env.host
      ? `台账文件 ${ledgerPath} 已在本机的另一个程序中打开：${who}的“${owner.program}”（进程 ${owner.pid}）${sinceText(owner.since)}。同一本台账同一时间只能由一个程序打开，请先关闭那个程序（或等命令行导入完成）再打开。`
      : `台账文件 ${ledgerPath} 正在电脑“${owner.host}”上由${who}打开${sinceText(owner.since)}。同一本台账同一时间只能在一台电脑上打开，请先在那台电脑上关闭本程序。如果那台电脑已关机或程序异常退出，确认后删除文件 ${lockPath} 再打开。`;
  return new LedgerError('conflict', message, { lock: lockPath, owner });
}

/**
 * Takes the ledger's lock for this program, or throws a Chinese LedgerError naming who holds it. A lock
 * left by a process of this computer that no longer runs (a crash, a power cut) is taken over.
 */
export function acquireLedgerLock(
  ledgerPath: string,
  program: string,
  env: LockEnvironment = thisProcess(),
): LedgerLock {
  if (ledgerPath === ':memory:') return { release: () => {} };
  const lockPath = lockPathOf(ledgerPath);
  const release = () => {
    const count = (held.get(lockPath) ?? 1) - 1;
    if (count > 0) return void held.set(lockPath, count);
    held.delete(lockPath);
    const owner = readOwner(lockPath);
    if (owner && owner.host === env.host && owner.pid === env.pid) fs.rmSync(lockPath, { force: true });
  };
  if (held.has(lockPath)) {
    held.set(lockPath, held.get(lockPath)! + 1);
    return { release };
  }
  fs.mkdirSync(path.dirname(path.resolve(lockPath)), { recursive: true });
  const me: LockOwner = {
    host: env.host,
    user: env.user,
    pid: env.pid,
    program,
    since: env.now().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      held.set(lockPath, 1);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        // A folder we cannot write to: SQLite will say so itself when it opens the file.
        return { release: () => {} };
      }
    }
    const owner = readOwner(lockPath);
    // Unreadable: left half-written by a crash, or being written this instant by another program.
    const stale =
      owner === null
        ? env.now().getTime() - fileTime(lockPath) > 5000
        : owner.host === env.host && !env.isAlive(owner.pid);
    if (owner === null && !stale) break;
    if (owner !== null && !stale) throw heldElsewhere(ledgerPath, lockPath, owner, env);
    fs.rmSync(lockPath, { force: true });
  }
  throw new LedgerError('conflict', `台账文件 ${ledgerPath} 正被另一个程序同时打开，请稍后再试。`);
}
