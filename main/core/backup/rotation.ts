// The automatic backups of one ledger: <ledger folder>/backups/ledger-YYYYMMDD-HHMMSS-<why>.db, made at
// start, every few hours of use, before every import and restore. Kept: the newest 10, plus the newest
// of each of the last 7 days and of each of the last 4 weeks; older ones are removed only after a new
// backup has passed its check.
import fs from 'node:fs';
import path from 'node:path';
import type { Ledger } from '../db/open-ledger.ts';
import { writeBackup } from './write-backup.ts';
import { BACKUP_REASON_LABEL, type BACKUP_REASONS } from '../../../shared/contract/backups.ts';
import type { LedgerFileReport, VerifyFile } from './verify-ledger-file.ts';

export type BackupReason = (typeof BACKUP_REASONS)[number];
export const REASON_LABEL: Record<BackupReason, string> = BACKUP_REASON_LABEL;

export const backupDirOf = (ledgerPath: string): string =>
  path.join(path.dirname(path.resolve(ledgerPath)), 'backups');

const NAME = /^ledger-(\d{8})-(\d{6})(\d{3})?-([a-z-]+)\.db$/;

export interface BackupEntry {
  file: string;
  /** Local time the backup was taken. */
  at: Date;
  reason: string;
  bytes: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Local date and time to the millisecond, as in backup names: 20261206-063012123. */
export const backupStamp = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}${pad(d.getMilliseconds(), 3)}`;

export function listBackups(dir: string): BackupEntry[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupEntry[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const [, day = '', time = '', ms = '000', reason = ''] = m;
    const at = new Date(
      Number(day.slice(0, 4)),
      Number(day.slice(4, 6)) - 1,
      Number(day.slice(6, 8)),
      Number(time.slice(0, 2)),
      Number(time.slice(2, 4)),
      Number(time.slice(4, 6)),
      Number(ms),
    );
    out.push({ file: path.join(dir, name), at, reason, bytes: fs.statSync(path.join(dir, name)).size });
  }
  return out.sort((a, b) => b.at.getTime() - a.at.getTime());
}

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
/** Monday-based week number since the epoch (local time). */
const weekKey = (d: Date) => {
  const midnight = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.floor((midnight.getTime() / 86_400_000 + 3) / 7);
};

/** The backups the rotation keeps (newest first); the rest may be removed. */
export function backupsToKeep(backups: readonly BackupEntry[], now: Date): Set<string> {
  const keep = new Set<string>();
  backups.slice(0, 10).forEach((b) => keep.add(b.file));
  const days = new Set<string>();
  const weeks = new Set<number>();
  const dayLimit = now.getTime() - 7 * 86_400_000;
  const weekLimit = weekKey(now) - 4;
  for (const b of backups) {
    if (b.at.getTime() > dayLimit && !days.has(dayKey(b.at))) {
      days.add(dayKey(b.at));
      keep.add(b.file);
    }
    if (weekKey(b.at) > weekLimit && !weeks.has(weekKey(b.at))) {
      weeks.add(weekKey(b.at));
      keep.add(b.file);
    }
  }
  return keep;
}

/** Takes a rotating backup of the open ledger, then prunes. */
export async function rotatingBackup(
  ledger: Ledger,
  reason: BackupReason,
  now: Date = new Date(),
  verify?: VerifyFile,
): Promise<LedgerFileReport> {
  const dir = backupDirOf(ledger.path);
  const report = await writeBackup(
    ledger.sqlite,
    path.join(dir, `ledger-${backupStamp(now)}-${reason}.db`),
    verify,
  );
  const all = listBackups(dir);
  const keep = backupsToKeep(all, now);
  for (const b of all) if (!keep.has(b.file)) fs.rmSync(b.file, { force: true });
  return report;
}
