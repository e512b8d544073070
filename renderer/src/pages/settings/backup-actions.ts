// What the 备份与恢复 screen says, kept apart from the layout: the sentence after a backup to a folder,
// the confirmation of a restore in plain words, and the note about the last restore that survives the
// reload after it (so 撤销恢复 stays one click away).
import dayjs from 'dayjs';
import type { ResponseOf } from '../../../../shared/contract/index.ts';

export type BackupCheck = ResponseOf<'backups.verify'>;
export type BackupItem = ResponseOf<'backups.list'>['items'][number];

/** 2026-12-06 08:30:15, the clerk's local time (backups of one minute differ in seconds). */
export const backupTime = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

export const holding = (c: Pick<BackupCheck, 'households' | 'persons'>): string =>
  `${c.households} 户 ${c.persons} 人`;

/** The confirmation's sentences: what replaces what, what is kept, how to go back. */
export function restoreSentences(what: string, check: BackupCheck): string[] {
  return [
    `将用${what}替换当前台账。这份备份中有 ${holding(check)}。`,
    '恢复之前，程序会把当前台账另存为一份“恢复前”备份：恢复后如果发现不对，点“撤销恢复”即可换回来。',
    '这份备份之后录入或导入的内容，恢复后不在台账中（仍保存在“恢复前”备份里）。正在进行的导入会被取消。',
  ];
}

export interface LastRestore {
  from: string;
  households: number;
  persons: number;
  /** The 恢复前 backup: restoring it undoes the restore. */
  savedCurrent: string | null;
  at: string;
}

const KEY = 'county-ledger-last-restore';

const REOPEN_KEY = 'county-ledger-open-settings';

/** 'settings' once, right after the reload that follows a restore (the note and 撤销恢复 are there). */
export const PAGE_AFTER_RESTORE: 'settings' | null = (() => {
  try {
    const reopen = window.sessionStorage.getItem(REOPEN_KEY) !== null;
    window.sessionStorage.removeItem(REOPEN_KEY);
    return reopen ? 'settings' : null;
  } catch {
    return null;
  }
})();

export function rememberRestore(r: LastRestore): void {
  try {
    window.sessionStorage.setItem(REOPEN_KEY, '1');
    window.sessionStorage.setItem(KEY, JSON.stringify(r));
  } catch {
    // storage off by policy: the note is lost with the reload, the 恢复前 backup is still listed
  }
}

export function lastRestore(): LastRestore | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as LastRestore) : null;
  } catch {
    return null;
  }
}

export function forgetRestore(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
