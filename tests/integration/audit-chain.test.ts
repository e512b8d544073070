// The audit log cannot be rewritten unnoticed (issue 13): every entry is chained by SHA-256, the program
// refuses UPDATE/DELETE and unchained inserts, and `audit verify` names the entry that was edited,
// deleted or swapped — or, through the anchor beside the ledger, a log cut short or rewritten whole.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import {
  auditEntryHash,
  AUDIT_CHAIN_START,
  readAnchor,
  verifyAuditChain,
  type AuditChainEntry,
} from '../../main/core/audit/audit-chain.ts';
import { idRanges } from '../../main/core/audit/batch-audit.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { openCore } from '../../main/core/index.ts';
import { setOperator } from '../../main/core/ledger/operator.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

/** A closed ledger whose audit log has `n` setting changes (plus the county's), and its anchor. */
async function ledgerWithLog(n: number): Promise<string> {
  const file = tempLedgerPath();
  const core = await openCore({ ledgerPath: file, host: 'browser' });
  loadDemo(core.ledger, () => getRegionCatalog(), 5, 1, '420626', { ledgers: false });
  for (let i = 0; i < n; i++) setOperator(core.ledger, `操作员${i}`);
  await core.close();
  return file;
}

/** What a forger with a SQLite tool does: drop the guards, then edit. */
function tamper(file: string, edit: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    db.exec(
      'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_chained;',
    );
    edit(db);
  } finally {
    db.close();
  }
}

const verify = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return verifyAuditChain(db, readAnchor(file));
  } finally {
    db.close();
  }
};

describe('audit chain', () => {
  it('chains every entry, and the program refuses to edit, delete or insert out of order', async () => {
    const file = await ledgerWithLog(3);
    const report = verify(file);
    expect(report.problems).toEqual([]);
    expect(report.entries).toBeGreaterThanOrEqual(6);
    expect(readAnchor(file)).toEqual(report.head);
    const db = new Database(file);
    try {
      expect(() => db.prepare(`UPDATE audit_log SET operator = '别人' WHERE id = 1`).run()).toThrow(
        /不能修改/,
      );
      expect(() => db.prepare(`DELETE FROM audit_log WHERE id = 1`).run()).toThrow(/不能删除/);
      expect(() =>
        db
          .prepare(
            `INSERT INTO audit_log (at, operator, action, entity, entity_id, label, hash) VALUES ('x', 'x', 'update', 'person', '1', 'x', ?)`,
          )
          .run('0'.repeat(64)),
      ).toThrow(/按顺序追加/);
    } finally {
      db.close();
    }
  });

  it('names an edited entry (CLI exits 1), a deleted one, and two swapped ones', async () => {
    const edited = await ledgerWithLog(3);
    tamper(edited, (db) => db.prepare(`UPDATE audit_log SET operator = '伪造者' WHERE id = 4`).run());
    const e = verify(edited);
    expect(e.problems.map((p) => [p.kind, p.id])).toEqual([['changed', 4]]);
    const cli = runLedgerCli(['audit', 'verify', '--db', edited]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('第 4 条');
    expect(cli.stdout).toContain('伪造者');

    const deleted = await ledgerWithLog(3);
    tamper(deleted, (db) => db.prepare(`DELETE FROM audit_log WHERE id = 3`).run());
    expect(verify(deleted).problems.map((p) => [p.kind, p.id])).toEqual([
      ['missing', 3],
      ['changed', 4],
    ]);

    const swapped = await ledgerWithLog(3);
    tamper(swapped, (db) => {
      const rows = db
        .prepare(`SELECT * FROM audit_log WHERE id IN (4, 5) ORDER BY id`)
        .all() as (AuditChainEntry & { hash: string })[];
      const [a, b] = rows as [AuditChainEntry & { hash: string }, AuditChainEntry & { hash: string }];
      const put = db.prepare(
        `UPDATE audit_log SET operator = ?, label = ?, changes = ?, hash = ? WHERE id = ?`,
      );
      put.run(b.operator, b.label, b.changes, b.hash, 4);
      put.run(a.operator, a.label, a.changes, a.hash, 5);
    });
    const s = verify(swapped).problems.map((p) => p.id);
    expect(s).toContain(4);
  });

  it('catches a log cut short, or rewritten whole with fresh hashes, through the anchor', async () => {
    const cut = await ledgerWithLog(3);
    const last = verify(cut).head?.id ?? 0;
    tamper(cut, (db) => db.prepare(`DELETE FROM audit_log WHERE id = ?`).run(last));
    expect(verify(cut).problems.map((p) => p.kind)).toEqual(['truncated']);

    const rewritten = await ledgerWithLog(3);
    tamper(rewritten, (db) => {
      // The forger changes entry 2 and recomputes every hash after it: the chain itself holds again.
      db.prepare(`UPDATE audit_log SET operator = '伪造者' WHERE id = 2`).run();
      let previous = AUDIT_CHAIN_START;
      for (const row of db.prepare(`SELECT * FROM audit_log ORDER BY id`).all() as AuditChainEntry[]) {
        const hash = auditEntryHash(previous, row);
        db.prepare(`UPDATE audit_log SET hash = ? WHERE id = ?`).run(hash, row.id);
        previous = hash;
      }
    });
    const r = verify(rewritten);
    expect(r.problems.map((p) => p.kind)).toEqual(['rewritten']);
    expect(runLedgerCli(['audit', 'verify', '--db', rewritten]).code).toBe(1);
  });

  it('hashes the entries of a ledger written before the chain (migration 0011), keeping their order', async () => {
    const file = tempLedgerPath();
    const old = await openLedger(file, { migrateTo: '2026_12_06_0006_export_audit' });
    const insert = old.sqlite.prepare(
      `INSERT INTO audit_log (at, operator, action, entity, entity_id, label, changes) VALUES (?, ?, 'update', 'person', ?, ?, '[]')`,
    );
    for (let i = 1; i <= 50; i++)
      insert.run(`2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, `员${i}`, String(i), `人${i}`);
    await old.close();
    const now = await openLedger(file);
    const labels = now.sqlite.prepare(`SELECT label FROM audit_log ORDER BY id`).pluck().all();
    expect(labels).toEqual(Array.from({ length: 50 }, (_, i) => `人${i + 1}`));
    expect(verifyAuditChain(now.sqlite).problems).toEqual([]);
    await now.close();
    expect(path.basename(file)).toBe('ledger.db');
  });

  it('records settings and operator changes (imports and their undo: import-jobs.test.ts)', async () => {
    const file = await ledgerWithLog(1);
    const db = new Database(file, { readonly: true });
    try {
      const kinds = db
        .prepare(`SELECT action, entity, entity_id, operator, changes FROM audit_log ORDER BY id`)
        .all() as {
        action: string;
        entity: string;
        entity_id: string;
        operator: string;
        changes: string;
      }[];
      expect(kinds.some((k) => k.action === 'setting' && k.entity_id === 'county_code')).toBe(true);
      const op = kinds.find((k) => k.entity_id === 'operator');
      expect(JSON.parse(op?.changes ?? '[]')).toEqual([
        { field: 'operator', before: null, after: '操作员0' },
      ]);
    } finally {
      db.close();
    }
    expect(idRanges([1, 2, 3, 7, 9, 10])).toBe('1-3,7,9-10');
    expect(idRanges([])).toBe('');
  });
});
