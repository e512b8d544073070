// People outside the household register (返乡/外来人员, 治愈人员 who are not 建档立卡): their records keep
// name, 证件号码 and place on the record itself; follow-ups find them by 证件号码; someone who is in the
// register after all is linked, not copied.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/id-number.ts';
import { analyzeFile, commitAnalysis } from '../../main/core/import/analyze-file.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

XLSX.set_fs(fs);

let client: TestClient;
let village = '';
const outsider = makeIdNumber('440306', '1990-05-06', 123);

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.loadDemo', { households: 10, seed: 2 });
  await client.ok('settings.setOperator', { name: '李文书' });
  village = client.core.ledger.sqlite
    .prepare(`SELECT village_code FROM households ORDER BY id LIMIT 1`)
    .pluck()
    .get() as string;
});

afterAll(async () => {
  await client.close();
});

describe('records about people outside the register', () => {
  it('keeps them on the record, with 期满日期 from the county setting', async () => {
    await client.ok('ledgers.setSetting', {
      ledgerId: 'returnee_screening',
      key: 'quarantine_days',
      value: 7,
    });
    const r = await client.ok('ledgers.create', {
      ledgerId: 'returnee_screening',
      link: { personName: '外来甲', personIdNumber: outsider, regionCode: village },
      values: {
        from_place: '广东省深圳市',
        return_date: '2020-02-01',
        control: '01',
        control_start: '2020-02-01',
      },
    });
    expect(r.subject).toMatchObject({
      personId: null,
      name: '外来甲',
      outsideRegister: true,
      regionCode: village,
    });
    expect(r.subject.idNumber).toMatch(/^440306\*+/);
    expect(r.values.control_end).toBe('2020-02-08');
    const inVillage = await client.ok('ledgers.records', {
      ledgerId: 'returnee_screening',
      regionCode: village,
    });
    expect(inVillage.total).toBe(1);
    const found = await client.ok('ledgers.records', { ledgerId: 'returnee_screening', search: '外来甲' });
    expect(found.total).toBe(1);
  });

  it('links someone who is in the register after all', async () => {
    const p = client.core.ledger.sqlite
      .prepare(`SELECT id, name, id_number FROM persons ORDER BY id LIMIT 1`)
      .get() as { id: number; name: string; id_number: string };
    const r = await client.ok('ledgers.create', {
      ledgerId: 'returnee_screening',
      link: { personName: p.name, personIdNumber: p.id_number },
      values: { from_place: '浙江省义乌市', return_date: '2020-02-03' },
    });
    expect(r.subject).toMatchObject({ personId: p.id, outsideRegister: false });
  });

  it('imports follow-ups of a recovered person outside the register by 证件号码', async () => {
    await client.ok('ledgers.create', {
      ledgerId: 'recovered_health',
      link: { personName: '外来甲', personIdNumber: outsider, regionCode: village },
      values: { case_type: '01', discharge_date: '2020-03-01' },
    });
    const sheet = XLSX.utils.aoa_to_sheet([
      ['姓名', '身份证号', '随访日期', '体温'],
      ['外来甲', outsider, '2020-03-08', '36.5'],
      ['外来甲', outsider, '2020-03-15', '36.7'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '随访');
    const file = path.join(tempDir('outsiders-'), '随访.xlsx');
    XLSX.writeFile(book, file);
    const a = await analyzeFile(client.core.ledger, file, { into: 'recovered_followups' });
    expect(a.plan.issues.filter((i) => i.level === 'error')).toEqual([]);
    commitAnalysis(client.core.ledger, a, false, { operator: '李文书' });
    const parent = (await client.ok('ledgers.records', { ledgerId: 'recovered_health' })).rows[0];
    const children = await client.ok('ledgers.records', {
      ledgerId: 'recovered_followups',
      parentId: parent?.id ?? 0,
    });
    expect(children.total).toBe(2);
  });
});
