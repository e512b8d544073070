// 登记回执 in browser mode (Chromium): a 外出务工 record whose 三联单 was printed (number issued by the core),
// the returned 用工回执单 entered from the ledger page — the number typed as on the paper (spaces, no
// dashes), the person checked, 回执日期 and 到岗日期 typed; a 到岗日期 before 备案 is refused in Chinese and
// nothing is written; the right one is saved and the list shows the 回执日期.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall, readLedger, setUpLedger } from '../helpers/host-ledger.ts';
import { assignSlipSerials } from '../../main/core/migrant-slips/assign-serials.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('登记回执 (Chromium)', () => {
  const chromium = chromiumPage('slip-receipt');
  let host: BrowserHost;
  let page: Page;
  let serial = '';
  let recordId = 0;
  let name = '';
  const testId = (id: string) => page.getByTestId(id);
  const stored = () =>
    readLedger(host, (db) =>
      db
        .prepare(`SELECT receipt_date, arrival_date, status FROM ledger_migrant_work WHERE id = ?`)
        .get(recordId),
    );

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 40, seed: 3 });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    const person = readLedger(host, (db) => db.prepare(`SELECT id, name FROM persons LIMIT 1`).get()) as {
      id: number;
      name: string;
    };
    name = person.name;
    const r = await hostCall(host, 'ledgers.create', {
      ledgerId: 'migrant_work',
      link: { personId: person.id },
      values: { year: 2026, status: '04', planned_place: '广东省深圳市宝安区', employer: '深圳某电子厂' },
    });
    recordId = r.id;
    // 备案 on a fixed day (the test types dates before and after it): set up on the test's own connection.
    serial = await setUpLedger(
      host,
      (ledger) => assignSlipSerials(ledger, [recordId], { now: new Date(2026, 2, 1) }).get(recordId) ?? '',
    );
    page = await chromium.open();
  }, 120_000);
  afterAll(async () => {
    await host?.close();
  });

  it('finds the slip by its number and records the 回执', async () => {
    await page.goto(host.url);
    await testId('nav-special').click();
    await testId('ledger-card-migrant_work').click();
    await testId('slip-receipt').click();
    await testId('slip-serial').waitFor();
    await page.keyboard.type(serial.replaceAll('-', ' '));
    await page.keyboard.press('Enter');
    await expect(testId('slip-person').textContent()).resolves.toContain(name);
    await expect(testId('slip-employer').inputValue()).resolves.toBe('深圳某电子厂');

    // 到岗 before 备案 (2026-03-01): refused, nothing written.
    await testId('slip-receipt-date').fill('20260312');
    await testId('slip-arrival-date').fill('2026.2.20');
    await testId('slip-arrival-date').press('Control+Enter');
    await expect(testId('slip-receipt-error').textContent()).resolves.toContain('到岗日期不能早于备案日期');
    expect(stored()).toMatchObject({ receipt_date: null, arrival_date: null, status: '04' });
    await chromium.shot('refused');

    await testId('slip-arrival-date').fill('2026.3.4');
    await testId('slip-arrival-date').press('Control+Enter');
    await testId('slip-person').waitFor({ state: 'detached' });
    expect(stored()).toMatchObject({ receipt_date: '2026-03-12', arrival_date: '2026-03-04', status: '01' });
    await testId('slip-serial').fill(serial);
    await testId('slip-find').click();
    await expect(testId('slip-person').textContent()).resolves.toContain('已登记回执2026-03-12');
    await chromium.shot('recorded');
  });
});
