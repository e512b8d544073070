// 数据质量 in browser mode (Chromium) on a temporary sample county: 开始核查 shows its progress and then the
// counts per rule and village; a rule narrows the findings; one finding is 豁免 with a reason and leaves
// the list, another becomes a 问题整改 record; 去修改 opens the household to fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall, readLedger } from '../helpers/host-ledger.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('数据质量 in browser mode (Chromium)', () => {
  const chromium = chromiumPage('quality', { viewport: { width: 1600, height: 900 } });
  let host: BrowserHost;
  let page: Page;
  const testId = (id: string) => page.getByTestId(id);

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 600, seed: 5, ledgers: true });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    page = await chromium.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('runs the check and shows the counts per rule and per village', async () => {
    await page.goto(host.url);
    await testId('nav-quality').click();
    await testId('quality-run').click();
    await testId('quality-done').waitFor({ timeout: 60_000 });
    const summary = await hostCall(host, 'quality.summary', { regionCode: null });
    const fired = summary.rules.filter((r) => r.count > 0);
    expect(fired.length).toBeGreaterThan(0);
    await expect.poll(() => testId('quality-rules').locator('tbody tr.ant-table-row').count()).toBe(fired.length);
    await expect.poll(() => testId('quality-villages').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await chromium.shot('01-results');
  });

  it('narrows to one rule, exempts a finding with a reason and turns another into 整改', async () => {
    const summary = await hostCall(host, 'quality.summary', { regionCode: null });
    const rule = summary.rules.filter((r) => r.count >= 2).sort((a, b) => b.count - a.count)[0];
    if (!rule) throw new Error('示例县应有至少一条规则报出两条以上问题');
    await testId('quality-rules').locator('tbody tr.ant-table-row', { hasText: rule.id }).click();
    await expect.poll(() => testId('quality-findings').locator('tbody tr.ant-table-row').count()).toBe(Math.min(rule.count, 50));
    const rows = testId('quality-findings').locator('tbody tr.ant-table-row');
    await rows.nth(0).locator('.ant-checkbox-input').check();
    await testId('quality-exempt').click();
    await testId('quality-exempt-reason').fill('已入户核实，情况属实');
    await page.getByRole('button', { name: '确认豁免' }).click();
    await expect.poll(() => rows.count()).toBe(Math.min(rule.count - 1, 50));
    await rows.nth(0).locator('.ant-checkbox-input').check();
    await testId('quality-rectify').click();
    await expect.poll(() => rows.nth(0).innerText()).toContain('已转整改');
    await chromium.shot('02-exempt-and-rectify');
    const records = readLedger(host, (db) => db.prepare(`SELECT COUNT(*) FROM ledger_rectification WHERE source = '04' AND description LIKE '[%'`).pluck().get());
    expect(records).toBe(1);
    await rows.nth(0).getByTestId('quality-open').click();
    await expect.poll(() => page.locator('body').innerText()).not.toContain('各规则问题数');
    await chromium.shot('03-open-record');
  });

  it('a fixed household: the next check drops the finding and closes its 整改 record (销号)', async () => {
    const open = await hostCall(host, 'quality.findings', { regionCode: null, rule: 'B-DIB-01', villageCode: null, state: 'open', offset: 0, limit: 50 });
    const f = open.rows.find((x) => x.rectificationId === null && x.householdId !== null);
    if (!f || f.householdId === null) throw new Error('示例县应有“整户无劳动力且未享受低保特困”的户');
    await hostCall(host, 'quality.rectify', { ids: [f.id] });
    const household = await hostCall(host, 'households.get', { id: f.householdId, includeCancelledMembers: false });
    const head = household.members.find((m) => m.entry.relation === '01');
    if (!head) throw new Error('no head');
    await hostCall(host, 'persons.update', { id: head.id, patch: { dibao: 1 } });
    await testId('nav-quality').click();
    await testId('quality-run').click();
    await expect.poll(() => testId('quality-done').innerText(), { timeout: 60_000 }).toContain('整改销号 1 条');
    expect(await testId('quality-done').innerText()).toContain('另有已豁免 1 条');
    const record = readLedger(host, (db) => db.prepare(`SELECT status, closed_date FROM ledger_rectification WHERE household_id = ? AND description LIKE '[B-DIB-01]%'`).get(f.householdId)) as { status: string; closed_date: string };
    expect(record.status).toBe('03');
    expect(record.closed_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await hostCall(host, 'quality.findings', { regionCode: null, rule: 'B-DIB-01', villageCode: null, state: 'all', offset: 0, limit: 50 });
    expect(again.rows.some((x) => x.id === f.id)).toBe(false);
    await chromium.shot('04-closed-after-fix');
  });
}); // prettier-ignore
