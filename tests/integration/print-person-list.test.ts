// 查人's results printed as a list (issue 14): the persons the search finds, in its order, with 证件号码
// masked (the last digits searched shown, as on screen); a search finding nobody or too many is refused
// with a message saying what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber, maskIdNumberShowing } from '../../shared/mask.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';

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
