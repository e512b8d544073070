// 外出务工三联单 serials and returned 回执, on a real ledger file: printing a village gives its people
// consecutive numbers of their 乡镇 and 年度 in print order (村, 组, 户, person) in one transaction, a reprint
// keeps them, a deleted record's number is never issued again, two programs printing at once never share a
// number; a returned 回执 is found by the number as the clerk types it and recorded with the ledger's rules
// (回执/到岗 not before 备案; a refusal changes nothing), through the contract and the CLI.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignSlipSerials } from '../../main/core/migrant-slips/assign-serials.ts';
import { migrantSlips, slipRecordIds } from '../../main/core/migrant-slips/slip-data.ts';
import { todayIso } from '../../shared/date-input.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { NODE_FLAGS, ROOT, runLedgerCli } from '../helpers/run-cli.ts';
import { fileFingerprint, tempLedgerPath } from '../helpers/temp-ledger.ts';

const YEAR = 2026;
let client: TestClient;
let file: string;

interface Person {
  id: number;
  household_no: string;
  township_code: string;
  village_code: string;
}
/** Persons of the two villages of one 乡镇 (A, B) and of a village in another 乡镇 (C), in print order. */
let villages: { a: Person[]; b: Person[]; c: Person[] };
let sameTownship: Person[];

const sql = () => client.core.ledger.sqlite;
const serialOf = (id: number) =>
  sql().prepare(`SELECT slip_serial FROM ledger_migrant_work WHERE id = ?`).pluck().get(id) as string | null;
const counter = (prefix: string) =>
  sql().prepare(`SELECT last_number FROM migrant_slip_counters WHERE prefix = ?`).pluck().get(prefix);

async function addRecord(personId: number, values: Record<string, string | number>) {
  const r = await client.ok('ledgers.create', {
    ledgerId: 'migrant_work',
    link: { personId },
    values: { year: YEAR, ...values },
  });
  return r.id;
}

beforeAll(async () => {
  file = tempLedgerPath();
  client = await openTestClient(file);
  await client.ok('ledger.loadDemo', { households: 150, seed: 4 });
  await client.ok('settings.setOperator', { name: '村文书' });
  const persons = sql()
    .prepare(
      `SELECT p.id, h.household_no, h.township_code, h.village_code FROM persons p JOIN households h ON h.id = p.household_id
       WHERE p.status = 'active' ORDER BY h.village_code, COALESCE(h.group_code, ''), h.household_no, p.id`,
    )
    .all() as Person[];
  const grouped = new Map<string, Person[]>();
  for (const p of persons) grouped.set(p.village_code, [...(grouped.get(p.village_code) ?? []), p]);
  const byVillage = [...grouped.values()];
  const first = byVillage.find((ps) => ps.length >= 6);
  const township = first?.[0]?.township_code;
  const b = byVillage.find((ps) => ps !== first && ps[0]?.township_code === township && ps.length >= 2);
  const c = byVillage.find((ps) => ps[0]?.township_code !== township && ps.length >= 2);
  if (!first || !b || !c) throw new Error('sample county lacks the villages this test needs');
  sameTownship = persons.filter((p) => p.township_code === township);
  villages = { a: first, b, c };
});

afterAll(async () => {
  await client.close();
});

describe('三联单编号 on printing', () => {
  it('numbers a village’s people going out consecutively in print order, once', async () => {
    const { a } = villages;
    const [p0, p1, p2, p3, p4] = a;
    if (!p0 || !p1 || !p2 || !p3 || !p4) throw new Error('few persons');
    // Added out of print order; 未外出 is not printed; 已外出, 已返岗, 计划外出 and 是否计划外出 are.
    const ids = [
      await addRecord(p3.id, { status: '01', work_place: '广东省深圳市宝安区', employer: '深圳某电子厂' }),
      await addRecord(p0.id, { status: '04', planned_place: '浙江义乌' }),
      await addRecord(p2.id, { status: '03' }),
      await addRecord(p1.id, { planned: 1, planned_place: '武汉' }),
      await addRecord(p4.id, { status: '02', work_place: '保康县城', destination: '01' }),
    ];
    const batch = slipRecordIds(client.core.ledger, { regionCode: p0.village_code, year: YEAR });
    expect(batch).toEqual([ids[1], ids[3], ids[0], ids[4]]);
    expect(batch.map(serialOf)).toEqual([null, null, null, null]);

    const serials = assignSlipSerials(client.core.ledger, batch);
    const prefix = `${p0.township_code.slice(6, 9)}-${YEAR}`;
    expect(batch.map((id) => serials.get(id))).toEqual(
      [1, 2, 3, 4].map((n) => `${prefix}-${String(n).padStart(5, '0')}`),
    );
    expect(batch.map(serialOf)).toEqual(batch.map((id) => serials.get(id)));
    expect(counter(prefix)).toBe(4);
    const filed = sql()
      .prepare(`SELECT DISTINCT filed_date FROM ledger_migrant_work WHERE id IN (${batch.join(',')})`)
      .pluck()
      .all();
    expect(filed).toEqual([todayIso()]);
    // Each assignment is in the record's history, by the clerk.
    const history = await client.ok('ledgers.history', { ledgerId: 'migrant_work', id: batch[0] ?? 0 });
    expect(history[0]?.operator).toBe('村文书');
    expect(JSON.stringify(history[0])).toContain(`${prefix}-00001`);

    // A reprint keeps every number and issues none.
    const again = assignSlipSerials(client.core.ledger, batch);
    expect([...again.entries()]).toEqual([...serials.entries()]);
    expect(counter(prefix)).toBe(4);

    // The slips carry them, with the masked ID for the parts that leave the village.
    const slips = migrantSlips(client.core.ledger, batch);
    expect(slips.map((s) => s.serial)).toEqual(batch.map((id) => serials.get(id)));
    expect(slips[0]?.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(slips[2]?.employer).toBe('深圳某电子厂');

    // The list finds a record by its number.
    const found = await client.ok('ledgers.records', {
      ledgerId: 'migrant_work',
      search: `${prefix}-00003`,
    });
    expect(found.rows.map((r) => r.id)).toEqual([ids[0]]);
  });

  it('continues the 乡镇’s numbers in its next village, starts anew in another 乡镇, never reuses one', async () => {
    const { a, b, c } = villages;
    const prefixA = `${a[0]?.township_code.slice(6, 9)}-${YEAR}`;
    const prefixC = `${c[0]?.township_code.slice(6, 9)}-${YEAR}`;
    const inB = [
      await addRecord(b[1]?.id ?? 0, { status: '04' }),
      await addRecord(b[0]?.id ?? 0, { status: '04' }),
    ];
    const inC = [await addRecord(c[0]?.id ?? 0, { status: '04' })];
    const batchB = slipRecordIds(client.core.ledger, { regionCode: b[0]?.village_code ?? '', year: YEAR });
    expect(batchB).toEqual([inB[1], inB[0]]);
    const sB = assignSlipSerials(client.core.ledger, batchB);
    expect(batchB.map((id) => sB.get(id))).toEqual([`${prefixA}-00005`, `${prefixA}-00006`]);
    const sC = assignSlipSerials(client.core.ledger, inC);
    expect(sC.get(inC[0] ?? 0)).toBe(`${prefixC}-00001`);

    // The record holding the last number is deleted: its number is not issued again.
    await client.ok('ledgers.delete', { ledgerId: 'migrant_work', id: inB[0] ?? 0 });
    const next = await addRecord(a[5]?.id ?? 0, { status: '04' });
    expect(assignSlipSerials(client.core.ledger, [next]).get(next)).toBe(`${prefixA}-00007`);
  });

  it('refuses unknown records and writes nothing', () => {
    const before = fileFingerprint(file);
    const free = slipRecordIds(client.core.ledger, { year: YEAR }).find((id) => serialOf(id) === null);
    const batch = [...(free === undefined ? [] : [free]), 999_999];
    expect(() => assignSlipSerials(client.core.ledger, batch)).toThrow(/没有编号为 999999 的记录/);
    expect(fileFingerprint(file)).toBe(before);
  });

  it('never gives two programs printing at once the same number', async () => {
    // 2025's records of up to 60 people of one 乡镇, printed one slip at a time by two processes at once.
    const people = sameTownship.slice(0, 60);
    expect(people.length).toBeGreaterThanOrEqual(20);
    const ids: number[] = [];
    for (const p of people) ids.push(await addRecord(p.id, { year: 2025, status: '04' }));
    const start = (mine: number[]) => {
      const proc = spawn(
        process.execPath,
        [...NODE_FLAGS, path.join(ROOT, 'tests/helpers/assign-slips-child.ts'), file, ...mine.map(String)],
        { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
      );
      const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
      const ready = once(proc.stdout, 'data');
      return { proc, exited, ready };
    };
    const children = [start(ids.filter((_, i) => i % 2 === 0)), start(ids.filter((_, i) => i % 2 === 1))];
    // Both have the file open before either starts, so their transactions overlap.
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.proc.stdin?.end('go\n');
    expect(await Promise.all(children.map((c) => c.exited))).toEqual([0, 0]);
    const prefix = `${villages.a[0]?.township_code.slice(6, 9)}-2025`;
    const numbers = ids.map((id) => Number(serialOf(id)?.replace(`${prefix}-`, '')));
    expect(numbers.toSorted((x, y) => x - y)).toEqual(ids.map((_, i) => i + 1));
    expect(counter(prefix)).toBe(ids.length);
  });
});

describe('登记回执', () => {
  let serial: string;
  let recordId: number;

  beforeAll(async () => {
    const p = villages.c[1];
    if (!p) throw new Error('no person');
    recordId = await addRecord(p.id, { status: '04', planned_place: '广东深圳', start_date: '2026-03-02' });
    serial =
      assignSlipSerials(client.core.ledger, [recordId], { now: new Date(2026, 2, 1) }).get(recordId) ?? '';
  });

  it('finds the slip by the number as typed and shows whose it is (ID masked)', async () => {
    const typed = ` ${serial.replaceAll('-', ' ')} `;
    const slip = await client.ok('migrantSlips.find', { serial: typed });
    expect(slip).toMatchObject({
      recordId,
      serial,
      filedDate: '2026-03-01',
      receiptDate: null,
      status: '04',
    });
    expect(slip.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(await client.fail('migrantSlips.find', { serial: 'abc' })).toMatchObject({
      code: 'validation',
      message: expect.stringContaining('不是三联单编号'),
    });
    expect(await client.fail('migrantSlips.find', { serial: '999-2026-00001' })).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('没有编号为 999-2026-00001 的三联单'),
    });
  });

  it('refuses 回执 or 到岗 before 备案, and 到岗 before 外出, changing nothing', async () => {
    const before = fileFingerprint(file);
    for (const [request, message] of [
      [{ receiptDate: '2026-02-27' }, '回执日期不能早于备案日期'],
      [{ receiptDate: '2026-03-10', arrivalDate: '2026-02-28' }, '到岗日期不能早于备案日期'],
      [{ receiptDate: '2026-03-10', arrivalDate: '2026-03-01' }, '到岗日期不能早于开始日期（外出时间）'],
      [{ receiptDate: '2026-03-03', arrivalDate: '2026-03-04' }, '回执日期不能早于到岗日期'],
    ] as const) {
      const e = await client.fail('migrantSlips.receipt', { serial, ...request });
      expect(e.code).toBe('validation');
      expect(e.message).toContain(message);
    }
    expect(fileFingerprint(file)).toBe(before);
  });

  it('records 回执日期, 到岗日期 and the employer; the worker is then 已外出', async () => {
    const slip = await client.ok('migrantSlips.receipt', {
      serial,
      receiptDate: '2026-03-12',
      arrivalDate: '2026-03-04',
      employer: '深圳某电子厂',
      employerPhone: '0755-27781234',
      employmentProof: true,
    });
    expect(slip).toMatchObject({ receiptDate: '2026-03-12', arrivalDate: '2026-03-04', employer: '深圳某电子厂', status: '01', employmentProof: 1 }); // prettier-ignore
    const record = await client.ok('ledgers.record', { ledgerId: 'migrant_work', id: recordId });
    expect(record.values).toMatchObject({ receipt_date: '2026-03-12', employer_phone: '0755-27781234', slip_serial: serial }); // prettier-ignore
    const history = await client.ok('ledgers.history', { ledgerId: 'migrant_work', id: recordId });
    expect(JSON.stringify(history[0])).toContain('2026-03-12');
  });

  it('cannot be given a serial by hand', async () => {
    const e = await client.fail('ledgers.update', {
      ledgerId: 'migrant_work',
      id: recordId,
      values: { slip_serial: '001-2026-00001' },
    });
    expect(e.message).toContain('是自动计算的，不能填写');
  });
});

describe('CLI receipt', () => {
  it('shows a slip, records a 回执, and refuses a bad date with exit 1 and the reason', async () => {
    const path2 = tempLedgerPath();
    const c = await openTestClient(path2);
    let serial: string;
    try {
      await c.ok('ledger.loadDemo', { households: 10, seed: 2 });
      await c.ok('settings.setOperator', { name: '村文书' });
      const personId = c.core.ledger.sqlite.prepare(`SELECT id FROM persons LIMIT 1`).pluck().get() as number;
      const r = await c.ok('ledgers.create', {
        ledgerId: 'migrant_work',
        link: { personId },
        values: { year: YEAR, status: '04', planned_place: '浙江义乌' },
      });
      serial = assignSlipSerials(c.core.ledger, [r.id], { now: new Date(2026, 3, 1) }).get(r.id) ?? '';
    } finally {
      await c.close();
    }
    const shown = runLedgerCli(['receipt', serial, '--db', path2]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`三联单 ${serial}`);
    expect(shown.stdout).toContain('回执日期 未登记');

    const early = runLedgerCli(['receipt', serial, '--date', '2026-03-31', '--db', path2]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('回执日期不能早于备案日期');

    const done = runLedgerCli(['receipt', serial, '--date', '2026.4.9', '--arrived', '2026-04-03', '--proof', '有', '--db', path2, '--json']); // prettier-ignore
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ serial, receiptDate: '2026-04-09', arrivalDate: '2026-04-03', employmentProof: 1 }); // prettier-ignore
  });
});
