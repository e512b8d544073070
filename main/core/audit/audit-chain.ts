// The audit log as a hash chain: each entry carries the SHA-256 of its own content and of the entry
// before it, and entries are numbered without gaps. Editing, deleting or reordering an entry with any
// SQLite tool breaks the chain at that entry, and `npm run ledger -- audit verify` names it. A forger who
// rewrites the whole chain from the edit onwards is caught by the anchor (the newest entry's number and
// hash) kept beside the ledger and in every backup. The hash recipe below must never change: ledgers
// already carry hashes made with it (migration 0011 hashed the entries written before it).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';

/** The "previous hash" of the first entry. */
export const AUDIT_CHAIN_START = '0'.repeat(64);

/** An audit entry's stored columns, as the hash reads them. */
export interface AuditChainEntry {
  id: number;
  at: string;
  operator: string;
  action: string;
  entity: string;
  entity_id: string;
  household_id: number | null;
  label: string;
  batch_id: number | null;
  changes: string;
}

export function auditEntryHash(previous: string, e: AuditChainEntry): string {
  const content = JSON.stringify([
    e.id,
    e.at,
    e.operator,
    e.action,
    e.entity,
    e.entity_id,
    e.household_id,
    e.label,
    e.batch_id,
    e.changes,
  ]);
  return createHash('sha256').update(previous).update('\n').update(content).digest('hex');
}

export interface AuditLink {
  id: number;
  hash: string;
}

/** Whether a file has the chained log (migration 0011); files opened at an earlier `migrateTo` do not. */
export const hasChainedLog = (sqlite: Database.Database): boolean =>
  sqlite.prepare(`SELECT 1 FROM pragma_table_info('audit_log') WHERE name = 'hash'`).get() !== undefined;

/** The newest entry's number and hash (null for an empty log). */
/** The newest entry of a chained log; null when the log is empty or not chained. */
export const chainedAuditHead = (sqlite: Database.Database): AuditLink | null =>
  hasChainedLog(sqlite) ? auditHead(sqlite) : null;

export function auditHead(sqlite: Database.Database): AuditLink | null {
  const row = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    AuditLink | undefined;
  return row ?? null;
}

export interface AuditChainProblem {
  /** The entry where the chain breaks (for a deletion: the first missing number). */
  id: number;
  kind: 'changed' | 'missing' | 'truncated' | 'rewritten';
  message: string;
}

export interface AuditChainReport {
  entries: number;
  head: AuditLink | null;
  problems: AuditChainProblem[];
}

const describe = (e: AuditChainEntry) => `${e.at.slice(0, 16).replace('T', ' ')} ${e.operator}「${e.label}」`;

/**
 * Walks the whole log in order. After a broken link it goes on from the stored hash, so one edited
 * entry is reported once rather than every entry after it.
 */
export function verifyAuditChain(
  sqlite: Database.Database,
  anchor: AuditLink | null = null,
): AuditChainReport {
  const problems: AuditChainProblem[] = [];
  let previous = AUDIT_CHAIN_START;
  let expectedId = 1;
  let entries = 0;
  let anchorSeen = false;
  const rows = sqlite
    .prepare(
      `SELECT id, at, operator, action, entity, entity_id, household_id, label, batch_id, changes, hash
       FROM audit_log ORDER BY id`,
    )
    .iterate() as IterableIterator<AuditChainEntry & { hash: string }>;
  for (const row of rows) {
    entries += 1;
    if (row.id > expectedId) {
      problems.push({
        id: expectedId,
        kind: 'missing',
        message:
          row.id - expectedId === 1
            ? `第 ${expectedId} 条审计记录不见了（被删除）。`
            : `第 ${expectedId}–${row.id - 1} 条审计记录不见了（被删除）。`,
      });
    }
    if (auditEntryHash(previous, row) !== row.hash) {
      problems.push({
        id: row.id,
        kind: 'changed',
        message: `第 ${row.id} 条审计记录（${describe(row)}）与写入时不一致：它或它前面的记录被改动、删除或调换过。`,
      });
    }
    if (anchor && row.id === anchor.id) {
      anchorSeen = true;
      if (row.hash !== anchor.hash)
        problems.push({
          id: row.id,
          kind: 'rewritten',
          message: `第 ${row.id} 条及之前的审计记录与上次关闭台账（或备份）时记下的不同：审计日志被整段重写过。`,
        });
    }
    previous = row.hash;
    expectedId = row.id + 1;
  }
  if (anchor && !anchorSeen)
    problems.push({
      id: anchor.id,
      kind: 'truncated',
      message: `上次关闭台账（或备份）时审计日志已有第 ${anchor.id} 条，现在没有了：审计记录被删除。`,
    });
  return { entries, head: auditHead(sqlite), problems };
}

/** Where the anchor of a ledger file is kept: beside it, written whenever the ledger is closed. */
export const anchorPathOf = (ledgerPath: string): string => `${ledgerPath}.audit-head`;

export function readAnchor(ledgerPath: string): AuditLink | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(anchorPathOf(ledgerPath), 'utf8')) as Partial<AuditLink>;
    return typeof parsed.id === 'number' && typeof parsed.hash === 'string'
      ? { id: parsed.id, hash: parsed.hash }
      : null;
  } catch {
    return null;
  }
}

/** Records the newest entry as the anchor (user-only file; written as .tmp then renamed). */
export function writeAnchor(ledgerPath: string, head: AuditLink | null): void {
  if (head === null || ledgerPath === ':memory:') return;
  const file = anchorPathOf(ledgerPath);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ ...head, at: new Date().toISOString() }), { mode: 0o600 });
  fs.renameSync(tmp, file);
}
