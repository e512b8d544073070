// 查人's results printed as a list (issue 14): the persons the search finds, in its order, with 证件号码
// masked (the last digits searched shown, as on screen); a search finding nobody or too many is refused
// with a message saying what to do. The CLI prints the same list (`print table --persons 王`), read back
// from the PDF it writes.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber, maskIdNumberShowing } from '../../shared/mask.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { pdfPages, pdfText, printSkip } from '../helpers/print.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

let c: TestClient;

beforeAll(async () => {
  c = await openTestClient();
  await c.ok('ledger.loadDemo', { households: 120, seed: 21 });
});
afterAll(async () => {
  await c.close();
});

const render = (q: string, status: 'active' | 'all' = 'active') =>
  c.ok('print.render', { form: 'table', personList: { q, status } });

describe('查人 printed', () => {
  it('lists every person found, in order, IDs masked', async () => {
    const db = c.core.ledger.sqlite;
    const surname = db.prepare(`SELECT substr(name, 1, 1) FROM persons WHERE id = 7`).pluck().get() as string;
    const found = await c.ok('persons.search', { q: surname, limit: 200 });
    expect(found.total).toBeGreaterThan(1);
    const out = await render(surname);
    const html = out.documents.map((d) => d.html).join('');
    expect(out.title).toContain(`查人：${surname}`);
    expect(html).toContain(`共 ${found.total} 人`);
    const full = db
      .prepare(`SELECT id, id_number FROM persons WHERE name LIKE ? || '%' AND status = 'active'`)
      .all(surname) as { id: number; id_number: string }[];
    for (const p of full) {
      expect(html).not.toContain(p.id_number);
      expect(html).toContain(maskIdNumber(p.id_number));
    }
    // In the list's order: each name appears no earlier than the one before it.
    let at = 0;
    for (const r of found.rows) {
      const next = html.indexOf(r.idMasked, at);
      expect(next, r.name).toBeGreaterThan(at);
      at = next;
    }
  });

  it('shows the six digits searched inside the masked number', async () => {
    const p = c.core.ledger.sqlite
      .prepare(`SELECT id_number FROM persons WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 9`)
      .get() as { id_number: string };
    const last6 = p.id_number.slice(-6);
    const html = (await render(last6)).documents.map((d) => d.html).join('');
    expect(html).toContain(maskIdNumberShowing(p.id_number, last6));
    expect(html).not.toContain(p.id_number);
  });

  it('refuses a search that finds nobody, saying so', async () => {
    const e = await c.fail('print.render', { form: 'table', personList: { q: '不存在的名字' } });
    expect(e.code).toBe('not-found');
    expect(e.message).toBe('没有找到与“不存在的名字”相符的人员，无可打印的列表。');
  });
});

describe.skipIf(printSkip())('查人 printed by the CLI', () => {
  it('print table --persons writes the list the 查人 page prints; bad flags are explained', async () => {
    const file = tempLedgerPath();
    const own = await openTestClient(file);
    await own.ok('ledger.loadDemo', { households: 60, seed: 22 });
    const db = own.core.ledger.sqlite;
    db.exec(`UPDATE persons SET status = 'cancelled', cancel_reason = '01' WHERE id % 9 = 0`);
    const surname = db.prepare(`SELECT substr(name, 1, 1) FROM persons WHERE id = 9`).pluck().get() as string;
    const found = await own.ok('persons.search', { q: surname, status: 'all', limit: 200 });
    const full = db
      .prepare(`SELECT id_number FROM persons WHERE name LIKE ? || '%'`)
      .pluck()
      .all(surname) as string[];
    await own.close();
    expect(found.rows.some((r) => r.status === 'cancelled')).toBe(true);

    const out = path.join(path.dirname(file), '查人.pdf');
    const cli = (...args: string[]) => runLedgerCli(['print', 'table', ...args, '--db', file]);
    const printed = cli('--persons', surname, '--status', 'all', '--out', out, '--json');
    expect(printed.stderr).toBe('');
    expect(printed.code).toBe(0);
    const result = JSON.parse(printed.stdout.trim().split('\n').at(-1)!) as { pages: number; file: string };
    expect(result.file).toBe(out);
    expect(pdfPages(out)).toBe(result.pages);
    const text = pdfText(out).replace(/\s+/g, '');
    expect(text).toContain(`查人：${surname}`);
    expect(text).toContain(`共${found.total}人`);
    expect(text).toContain('已注销');
    for (const r of found.rows) expect(text).toContain(r.idMasked.replace(/\s+/g, ''));
    for (const id of full) expect(text).not.toContain(id);

    expect(cli('--status', 'all', '--out', out).stderr).toContain(
      '--status 只与 --persons（查人的查找文字）同用',
    );
    expect(cli('--persons', surname, '--status', 'gone', '--out', out).stderr).toContain(
      '--status：人员状态应为 active、cancelled、all 之一，实为“gone”',
    );
    const nobody = cli('--persons', '不存在的名字', '--out', out);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('没有找到与“不存在的名字”相符的人员');
  }, 180_000);
});
