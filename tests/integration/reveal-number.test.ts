// 显示完整号码 (issue 14 item 9): a full 证件号码 or phone is given only on purpose, one record at a time, and
// each time the audit log says who saw whose number when — chained like every entry. Migration 0012 (the
// 'reveal' action) keeps a file's existing entries, their hashes, the anchor and the guard triggers.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { chainedAuditHead, readAnchor, verifyAuditChain } from '../../main/core/audit/audit-chain.ts';
import { listAudit } from '../../main/core/audit/audit-log.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { updateHousehold } from '../../main/core/households/household-write.ts';
import { setOperator } from '../../main/core/ledger/operator.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { revealNumber } from '../../main/core/reveal/reveal-number.ts';
import { openTestClient } from '../helpers/core-client.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

const PREVIOUS = '2026_12_06_0011_audit_chain';
const MIGRATION = '2026_12_06_0012_reveal_and_list_order';

describe('显示完整号码', () => {
  it('returns the full number and writes a chained audit entry naming who, whose and which field', async () => {
    const file = tempLedgerPath();
    const ledger = await openLedger(file);
    try {
      loadDemo(ledger, () => getRegionCatalog(), 5, 2, '420626', { ledgers: false });
      const person = ledger.sqlite
        .prepare(`SELECT id, name, id_number, household_id FROM persons ORDER BY id LIMIT 1`)
        .get() as { id: number; name: string; id_number: string; household_id: number };
      // Without an operator nobody can be named: refused, nothing written.
      const before = ledger.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
      expect(() => revealNumber(ledger, { entity: 'person', id: person.id, field: 'id_number' })).toThrow(
        /操作员/,
      );
      expect(ledger.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(before);

      setOperator(ledger, '李文书');
      expect(revealNumber(ledger, { entity: 'person', id: person.id, field: 'id_number' })).toEqual({
        value: person.id_number,
      });
      const entry = ledger.sqlite.prepare(`SELECT * FROM audit_log ORDER BY id DESC LIMIT 1`).get() as Record<
        string,
        unknown
      >;
      expect(entry).toMatchObject({
        operator: '李文书',
        action: 'reveal',
        entity: 'person',
        entity_id: String(person.id),
        household_id: person.household_id,
        label: person.name,
      });
      // The number itself is not copied into the log.
      expect(String(entry.changes)).not.toContain(person.id_number);
      const history = listAudit(ledger, { householdId: person.household_id }, 50);
      expect(history[0]?.lines[0]).toMatch(new RegExp(`李文书 查看了成员 ${person.name} 的完整证件号码$`));
      expect(verifyAuditChain(ledger.sqlite).problems).toEqual([]);
    } finally {
      await ledger.close();
    }
    expect(verifyAuditChain(new Database(file, { readonly: true }), readAnchor(file)).problems).toEqual([]);
  });

  it('goes through the contract: register.reveal for a household phone, not-found for a missing person', async () => {
    const c = await openTestClient();
    try {
      await c.ok('ledger.loadDemo', { households: 10, seed: 1, countyCode: '420626' });
      await c.ok('settings.setOperator', { name: '王文书' });
      const list = await c.ok('households.list', { regionCode: null });
      const row = list.rows.find((r) => r.phoneMasked !== '');
      expect(row).toBeDefined();
      const shown = await c.ok('register.reveal', { entity: 'household', id: row?.id ?? 0, field: 'phone' });
      expect(shown.value).toMatch(/^\d{7,}$/);
      expect(shown.value).not.toBe(row?.phoneMasked);
      const missing = await c.fail('register.reveal', { entity: 'person', id: 999999, field: 'id_number' });
      expect(missing.code).toBe('not-found');
    } finally {
      await c.close();
    }
  });
});

describe(`upgrading a ledger with data to ${MIGRATION}`, () => {
  it('keeps every audit entry and hash, the chain and anchor verify, the guards still refuse, reveal works', async () => {
    const file = tempLedgerPath();
    const old = await openLedger(file, { migrateTo: PREVIOUS });
    loadDemo(old, () => getRegionCatalog(), 20, 4, '420626', { ledgers: false });
    setOperator(old, '张文书');
    const household = old.sqlite
      .prepare('SELECT id FROM households ORDER BY id LIMIT 1')
      .pluck()
      .get() as number;
    updateHousehold(old, household, { phone: '13800001111' });
    updateHousehold(old, household, { address: '老街 1 号' });
    // The 'reveal' action did not exist in this version.
    expect(() => revealNumber(old, { entity: 'household', id: household, field: 'phone' })).toThrow();
    const entriesBefore = old.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all();
    expect(entriesBefore.length).toBeGreaterThanOrEqual(4);
    const anchor = chainedAuditHead(old.sqlite);
    expect(anchor).not.toBeNull();
    await old.close();

    const ledger = await openLedger(file);
    try {
      expect(fs.existsSync(`${file}.before-${MIGRATION}.bak`)).toBe(true);
      expect(ledger.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(entriesBefore);
      expect(verifyAuditChain(ledger.sqlite, anchor).problems).toEqual([]);
      expect(revealNumber(ledger, { entity: 'household', id: household, field: 'phone' })).toEqual({
        value: '13800001111',
      });
      const report = verifyAuditChain(ledger.sqlite, anchor);
      expect(report.problems).toEqual([]);
      expect(report.entries).toBe(entriesBefore.length + 1);
      expect(() => ledger.sqlite.prepare(`UPDATE audit_log SET operator = 'x' WHERE id = 1`).run()).toThrow(
        /不能修改/,
      );
      expect(() => ledger.sqlite.prepare(`DELETE FROM audit_log WHERE id = 1`).run()).toThrow(/不能删除/);
      const indexes = ledger.sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' ORDER BY name`,
        )
        .pluck()
        .all();
      expect(indexes).toEqual(['audit_batch', 'audit_entity', 'audit_household']);
      // The list order indexes are there and the households list reads by them.
      const orderIndexes = ledger.sqlite
        .prepare(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'households_order_%'`)
        .pluck()
        .get();
      expect(orderIndexes).toBe(12);
    } finally {
      await ledger.close();
    }
    expect(verifyAuditChain(new Database(file, { readonly: true }), readAnchor(file)).problems).toEqual([]);
  });
});
