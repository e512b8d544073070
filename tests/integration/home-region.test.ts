// 本乡镇: stored as a setting of the ledger file, checked (a township or village of this county), audited,
// and read back through settings.get.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCountyLedger, openTestClient, type TestClient } from '../helpers/core-client.ts';

const TOWNSHIP = '420626100000'; // 城关镇

describe('本乡镇 (settings.setHomeRegion)', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  it('keeps a township or village, survives reopening, and writes each change to the audit log', async () => {
    client = await openCountyLedger('王文书');
    const c = client;
    expect((await c.ok('settings.get', {})).homeRegionCode).toBeNull();

    const tree = await c.ok('regions.tree', {});
    const village = tree.find((n) => n.level === 'village' && n.parentCode === TOWNSHIP);
    expect(village).toBeDefined();

    await expect(c.ok('settings.setHomeRegion', { regionCode: TOWNSHIP })).resolves.toEqual({
      homeRegionCode: TOWNSHIP,
    });
    await c.ok('settings.setHomeRegion', { regionCode: village?.code ?? '' });
    const file = c.core.ledger.path;
    await c.close();
    client = await openTestClient(file);
    expect((await client.ok('settings.get', {})).homeRegionCode).toBe(village?.code);

    await client.ok('settings.setHomeRegion', { regionCode: null });
    expect((await client.ok('settings.get', {})).homeRegionCode).toBeNull();
    await client.close();
    client = undefined;

    const db = new Database(file, { readonly: true });
    try {
      const rows = db
        .prepare(
          `SELECT operator, changes FROM audit_log WHERE action = 'setting' AND entity_id = 'home_region' ORDER BY id`,
        )
        .all() as { operator: string; changes: string }[];
      expect(rows.map((r) => r.operator)).toEqual(['王文书', '王文书', '王文书']);
      expect(rows.map((r) => JSON.parse(r.changes) as unknown)).toEqual([
        [{ field: 'home_region', before: null, after: TOWNSHIP }],
        [{ field: 'home_region', before: TOWNSHIP, after: village?.code }],
        [{ field: 'home_region', before: village?.code, after: '' }],
      ]);
    } finally {
      db.close();
    }
  });

  it('refuses the county, a group and a code this ledger does not have, in Chinese, and keeps the setting', async () => {
    client = await openCountyLedger();
    const c = client;
    await c.ok('settings.setHomeRegion', { regionCode: TOWNSHIP });
    const county = await c.fail('settings.setHomeRegion', { regionCode: '420626000000' });
    expect(county.code).toBe('validation');
    expect(county.message).toContain('本乡镇只能是乡镇或村');
    const missing = await c.fail('settings.setHomeRegion', { regionCode: '420626999000' });
    expect(missing.code).toBe('not-found');
    expect(missing.message).toContain('420626999000');
    expect((await c.ok('settings.get', {})).homeRegionCode).toBe(TOWNSHIP);
  });
});
