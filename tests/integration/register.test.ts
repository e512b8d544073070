// 户籍台账 through the contract on a real ledger file: create, edit, search, 注销/restore, moves, history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDigit, makeIdNumber } from '../../shared/id-number.ts';
import { fileFingerprint } from '../helpers/temp-ledger.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { householdEntry, personEntry } from '../helpers/register-entries.ts';

const VILLAGE_A = '420626100201'; // first villages of 城关镇 in 保康县 are looked up below
let c: TestClient;
let villages: string[];

const person = personEntry;
const household = householdEntry;

const ID_HEAD = makeIdNumber('420626', '1970-05-12', 11); // odd → 男
const ID_SPOUSE = makeIdNumber('420626', '1972-08-03', 22); // even → 女
const ID_SON = makeIdNumber('420626', '1996-02-29', 35);
const ID_OTHER = makeIdNumber('420626', '1988-11-30', 47);

beforeEach(async () => {
  c = await openTestClient();
  await c.ok('ledger.create', { countyCode: '420626' });
  await c.ok('settings.setOperator', { name: '王文书' });
  villages = (await c.ok('regions.tree', {})).filter((n) => n.level === 'village').map((n) => n.code);
});
afterEach(async () => {
  await c.close();
});

async function makeFamily(villageCode = villages[0] ?? VILLAGE_A) {
  const created = await c.ok('households.create', {
    regionCode: villageCode,
    household,
    head: person({ name: '张建国', id_number: ID_HEAD, relation: '01' }),
  });
  const spouse = await c.ok('persons.create', {
    householdId: created.id,
    person: person({ name: '李秀英', id_number: ID_SPOUSE, relation: '02' }),
  });
  const son = await c.ok('persons.create', {
    householdId: created.id,
    person: person({ name: '张小明', id_number: ID_SON, relation: '03', education: '05' }),
  });
  return { ...created, spouseId: spouse.id, sonId: son.id };
}

const snapshot = () => {
  c.core.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return fileFingerprint(c.core.ledger.path);
};

describe('户籍台账 core', () => {
  it('creates a household with three members, derives size and head, fills birth date and sex from the ID', async () => {
    const f = await makeFamily();
    expect(f.householdNo).toBe(`${villages[0]}0001`);
    const { household: h, members } = await c.ok('households.get', { id: f.id });
    expect(h.memberCount).toBe(3);
    expect(h.headName).toBe('张建国');
    expect(members.map((m) => m.entry.relation)).toEqual(['01', '02', '03']);
    expect(members[2]?.entry.birth_date).toBe('1996-02-29');
    expect(members[1]?.entry.sex).toBe('2');
    const stats = await c.ok('stats.summary', { regionCode: null });
    expect(stats.households).toBe(1);
    expect(stats.persons).toBe(3);
  });

  it('refuses a wrong check digit in Chinese and leaves the ledger unchanged', async () => {
    const f = await makeFamily();
    const before = snapshot();
    const bad = ID_OTHER.slice(0, 17) + (ID_OTHER[17] === '1' ? '2' : '1');
    const e = await c.fail('persons.create', {
      householdId: f.id,
      person: person({ name: '张小红', id_number: bad, relation: '04', sex: '2' }),
    });
    expect(e.code).toBe('validation');
    expect(e.message).toMatch(/未通过校验.*逐位核对/);
    expect(e.message).not.toMatch(/应为/);
    expect(snapshot()).toBe(before);
  });

  it('refuses an ID already registered in another village, naming that household and village', async () => {
    await makeFamily(villages[0]);
    const other = await c.ok('households.create', {
      regionCode: villages[5] ?? '',
      household,
      head: person({ name: '刘大海', id_number: ID_OTHER, relation: '01' }),
    });
    const before = snapshot();
    const e = await c.fail('persons.create', {
      householdId: other.id,
      person: person({ name: '冒名', id_number: ID_SON, relation: '03' }),
    });
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('张小明');
    expect(e.message).toContain(`${villages[0]}0001`);
    const tree = await c.ok('regions.tree', {});
    const villageName = tree.find((n) => n.code === villages[0])?.name ?? '';
    expect(e.message).toContain(villageName);
    expect(e.details).toMatchObject({ householdNo: `${villages[0]}0001`, name: '张小明' });
    const check = await c.ok('persons.checkId', { idNumber: ID_SON.toLowerCase() });
    expect(check.conflict?.villageName).toBe(villageName);
    expect(
      (await c.ok('persons.checkId', { idNumber: ID_SON, excludePersonId: check.conflict?.personId ?? 0 }))
        .conflict,
    ).toBeNull();
    expect(snapshot()).toBe(before);
  });

  it('refuses a 残疾人证号 built on a registered 身份证号, and the reverse, naming household and village', async () => {
    await makeFamily(villages[0]);
    const tree = await c.ok('regions.tree', {});
    const villageName = tree.find((n) => n.code === villages[0])?.name ?? '';
    const other = await c.ok('households.create', {
      regionCode: villages[5] ?? '',
      household,
      head: person({ name: '刘大海', id_number: `${ID_OTHER}41`, relation: '01', id_type: '09' }),
    });
    const before = snapshot();
    const card = await c.fail('persons.create', {
      householdId: other.id,
      person: person({ name: '冒名', id_number: `${ID_SON}41`, relation: '03', id_type: '09' }),
    });
    expect(card.code).toBe('conflict');
    expect(card.message).toContain('张小明');
    expect(card.message).toContain(`${villages[0]}0001`);
    expect(card.message).toContain(villageName);
    expect(card.message).toContain('前 18 位相同');
    expect(card.details).toMatchObject({ name: '张小明', idNumber: ID_SON });
    // The plain 身份证号 of someone registered under a 残疾人证号, as the 户主 of a new household.
    const plain = await c.fail('households.create', {
      regionCode: villages[0] ?? '',
      household,
      head: person({ name: '刘大海', id_number: ID_OTHER, relation: '01' }),
    });
    expect(plain.code).toBe('conflict');
    expect(plain.message).toContain(`${villages[5]}0001`);
    const check = await c.ok('persons.checkId', { idNumber: `${ID_SON}42` });
    expect(check.conflict).toMatchObject({ name: '张小明', idNumber: ID_SON, villageName });
    expect(check.issues.some((i) => i.level === 'error' && i.message.includes('前 18 位相同'))).toBe(true);
    expect(snapshot()).toBe(before);
    // The holder may change their own number to the card's.
    const son = check.conflict?.personId ?? 0;
    await c.ok('persons.update', { id: son, patch: { id_number: `${ID_SON}42`, id_type: '09' } });
    expect((await c.ok('persons.checkId', { idNumber: ID_SON, excludePersonId: son })).conflict).toBeNull();
  });

  it('refuses an unknown province and a bare 999999; warns about an address code missing from the catalogue', async () => {
    const f = await makeFamily();
    const before = snapshot();
    const zero = await c.fail('persons.create', {
      householdId: f.id,
      person: person({
        name: '无名',
        id_number: `00000019900101122${checkDigit('00000019900101122')}`,
        relation: '04',
      }),
    });
    expect(zero.code).toBe('validation');
    expect(zero.message).toContain('前两位“00”不是任何省');
    const bare = await c.fail('persons.create', {
      householdId: f.id,
      person: person({ name: '无证', id_number: '999999', relation: '04', sex: '2' }),
    });
    expect(bare.code).toBe('validation');
    expect(bare.message).toContain('占位号应为 18 位');
    expect(bare.message).toContain('999999198503070001');
    expect(snapshot()).toBe(before);
    await c.ok('persons.create', {
      householdId: f.id,
      person: person({ name: '无证', id_number: '999999201001010001', relation: '04', sex: '2' }),
    });
    // 420699 is no county of 湖北省 today: a warning, and the person is saved.
    const oldCode = makeIdNumber('420699', '1990-03-04', 24);
    const check = await c.ok('persons.checkId', { idNumber: oldCode });
    expect(check.conflict).toBeNull();
    expect(check.issues).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('地址码 420699') }),
    ]);
    expect(check.issues[0]?.message).toContain('湖北省');
    await c.ok('persons.create', {
      householdId: f.id,
      person: person({ name: '旧证', id_number: oldCode, relation: '04' }),
    });
    expect((await c.ok('persons.checkId', { idNumber: ID_OTHER })).issues).toEqual([]);
  });

  it('refuses a second 户主 and a second 配偶, and relation/sex mismatches', async () => {
    const f = await makeFamily();
    const before = snapshot();
    const head2 = await c.fail('persons.create', {
      householdId: f.id,
      person: person({ name: '张二', id_number: ID_OTHER, relation: '01' }),
    });
    expect(head2.code).toBe('validation');
    expect(head2.message).toMatch(/2 个户主.*只能有一个户主/);
    const spouse2 = await c.fail('persons.create', {
      householdId: f.id,
      person: person({ name: '王二', id_number: makeIdNumber('420626', '1975-01-01', 44), relation: '02' }),
    });
    expect(spouse2.message).toMatch(/配偶/);
    const daughterMale = await c.fail('persons.create', {
      householdId: f.id,
      person: person({ name: '张三', id_number: makeIdNumber('420626', '2000-01-01', 13), relation: '04' }),
    });
    expect(daughterMale.message).toMatch(/之女.*性别应为女/);
    expect(snapshot()).toBe(before);
  });

  it('records every change with who, when, before and after, in plain Chinese', async () => {
    const f = await makeFamily();
    await c.ok('persons.update', { id: f.sonId, patch: { relation: '99', phone: '13900001111' } });
    const history = await c.ok('audit.list', { householdId: f.id });
    const lines = history.flatMap((e) => e.lines);
    expect(lines.some((l) => /王文书 将 张小明 的 与户主关系 由 之子 改为 其他/.test(l))).toBe(true);
    expect(lines.some((l) => /成员联系电话 由 空 改为 139\*\*\*\*1111/.test(l))).toBe(true);
    expect(lines.some((l) => /新增了成员 李秀英/.test(l))).toBe(true);
    const own = await c.ok('audit.list', { personId: f.sonId });
    expect(own[0]?.lines[0]).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 王文书 将 与户主关系 由 之子 改为 其他$/,
    );
    const rows = c.core.ledger.sqlite
      .prepare('SELECT operator, changes FROM audit_log WHERE entity_id = ? AND action = ?')
      .all(String(f.sonId), 'update') as { operator: string; changes: string }[];
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.changes ?? '[]')).toEqual([
      { field: 'relation', before: '03', after: '99' },
      { field: 'phone', before: null, after: '13900001111' },
    ]);
  });

  it('finds a household by the last 6 digits of a member ID, by name, 户编号 and phone', async () => {
    const f = await makeFamily();
    await c.ok('households.create', {
      regionCode: villages[1] ?? '',
      household: { ...household, phone: '13600000000' },
      head: person({ name: '刘大海', id_number: ID_OTHER, relation: '01' }),
    });
    const find = async (search: string) =>
      (await c.ok('households.list', { regionCode: null, search })).rows.map((r) => r.householdNo);
    expect(await find(ID_SON.slice(-6))).toEqual([f.householdNo]);
    expect(await find(ID_SON.slice(-4))).toContain(f.householdNo);
    const bySon = await c.ok('households.list', { regionCode: null, search: ID_SON.slice(-6) });
    // The six digits searched show, so the clerk can check the match (issue 14); the rest stays masked.
    expect(bySon.rows[0]?.matched).toBe(`张小明 420626******${ID_SON.slice(-6)}`);
    expect(bySon.rows[0]?.headIdMasked).toMatch(/^420626\*{8}/);
    expect(await find('张小明')).toEqual([f.householdNo]);
    expect(await find('李秀')).toEqual([f.householdNo]); // 2 characters: name prefix
    expect(await find('刘大海')).not.toContain(f.householdNo);
    expect(await find(f.householdNo)).toEqual([f.householdNo]);
    expect(await find('13871234567')).toEqual([f.householdNo]);
    expect(await find('ＩＤ不存在')).toEqual([]);
    const persons = await c.ok('persons.search', { q: '张小明' });
    expect(persons.rows[0]).toMatchObject({ name: '张小明', householdNo: f.householdNo });
  });

  it('注销 removes a member from lists and counts, keeps history, and restores', async () => {
    const f = await makeFamily();
    const cancelled = await c.ok('persons.cancel', {
      id: f.sonId,
      reason: '02',
      note: null,
      date: '2020-05-01',
    });
    expect(cancelled.status).toBe('cancelled');
    expect((await c.ok('households.get', { id: f.id })).members).toHaveLength(2);
    expect((await c.ok('households.get', { id: f.id, includeCancelledMembers: true })).members).toHaveLength(
      3,
    );
    expect((await c.ok('households.get', { id: f.id })).household.memberCount).toBe(2);
    expect((await c.ok('persons.search', { q: '张小明' })).total).toBe(0);
    expect((await c.ok('persons.search', { q: '张小明', status: 'all' })).total).toBe(1);
    const other = await c.fail('persons.cancel', {
      id: f.spouseId,
      reason: '99',
      note: null,
      date: '2020-05-01',
    });
    expect(other.message).toMatch(/其他.*说明/);
    const head = await c.fail('persons.cancel', {
      id: f.headId,
      reason: '01',
      note: null,
      date: '2020-05-01',
    });
    expect(head.message).toMatch(/户主.*变更户主/);
    await c.ok('persons.restore', { id: f.sonId });
    expect((await c.ok('households.get', { id: f.id })).household.memberCount).toBe(3);
    const lines = (await c.ok('audit.list', { personId: f.sonId })).flatMap((e) => e.lines);
    expect(lines.some((l) => /注销了成员 张小明（2020-05-01），原因：迁出/.test(l))).toBe(true);
    expect(lines.some((l) => /恢复了成员 张小明/.test(l))).toBe(true);
  });

  it('changes the 户主, moves a member between households, and cancels/restores a whole household', async () => {
    const f = await makeFamily();
    const after = await c.ok('households.setHead', {
      householdId: f.id,
      personId: f.spouseId,
      formerHeadRelation: '02',
    });
    expect(after.household.headName).toBe('李秀英');
    expect(after.members.find((m) => m.id === f.headId)?.entry.relation).toBe('02');
    const other = await c.ok('households.create', {
      regionCode: villages[2] ?? '',
      household,
      head: person({ name: '刘大海', id_number: ID_OTHER, relation: '01' }),
    });
    const moved = await c.ok('persons.move', { id: f.sonId, toHouseholdId: other.id, relation: '99' });
    expect(moved.householdId).toBe(other.id);
    expect((await c.ok('households.get', { id: f.id })).household.memberCount).toBe(2);
    expect((await c.ok('households.get', { id: other.id })).household.memberCount).toBe(2);
    const fromLines = (await c.ok('audit.list', { householdId: f.id })).flatMap((e) => e.lines);
    expect(
      fromLines.some((l) => l.includes(`将成员 张小明 从户 ${f.householdNo} 迁到户 ${other.householdNo}`)),
    ).toBe(true);
    const toLines = (await c.ok('audit.list', { householdId: other.id })).flatMap((e) => e.lines);
    expect(toLines.some((l) => l.includes('迁到户'))).toBe(true);

    await c.ok('households.cancel', { id: f.id, reason: '05', note: '核实为重复建档', date: '2020-06-01' });
    let list = await c.ok('households.list', { regionCode: null });
    expect(list.rows.map((r) => r.id)).toEqual([other.id]);
    list = await c.ok('households.list', { regionCode: null, status: 'cancelled' });
    expect(list.rows.map((r) => r.id)).toEqual([f.id]);
    expect((await c.ok('stats.summary', { regionCode: null })).persons).toBe(2);
    await c.ok('households.restore', { id: f.id });
    const back = await c.ok('households.get', { id: f.id });
    expect(back.members).toHaveLength(2);
    expect(back.household.status).toBe('active');
  });

  it('分户 into a new household: the member heads it in the chosen group, under a new 户编号, audited', async () => {
    const f = await makeFamily();
    const village = villages[0] ?? '';
    const group = await c.ok('regions.addGroup', { villageCode: village, name: '三组' });
    await c.ok('persons.update', { id: f.sonId, patch: { phone: '13912340000' } });
    const split = await c.ok('persons.split', { id: f.sonId, regionCode: group.code });
    expect(split.householdNo).toBe(`${village}0002`);
    expect(split.person.householdId).toBe(split.householdId);
    expect(split.person.entry.relation).toBe('01');

    const made = await c.ok('households.get', { id: split.householdId });
    expect(made.household).toMatchObject({
      memberCount: 1,
      headName: '张小明',
      householdNo: split.householdNo,
    });
    expect(made.household.place).toMatchObject({ villageCode: village, groupName: '三组' });
    // Same village: the address comes along; the member's own phone is the household's; the rest is empty.
    expect(made.household.entry).toMatchObject({
      address: household.address,
      phone: '13912340000',
      poverty_attribute: null,
      household_type: null,
      poverty_status: null,
      main_cause: null,
    });
    const old = await c.ok('households.get', { id: f.id });
    expect(old.household.memberCount).toBe(2);
    expect(old.members.map((m) => m.entry.name)).toEqual(['张建国', '李秀英']);

    const newLines = (await c.ok('audit.list', { householdId: split.householdId })).flatMap((e) => e.lines);
    expect(newLines.some((l) => l.includes(`新增了户 ${split.householdNo}`))).toBe(true);
    expect(
      newLines.some((l) => l.includes(`将成员 张小明 从户 ${f.householdNo} 迁到户 ${split.householdNo}`)),
    ).toBe(true);
    const oldLines = (await c.ok('audit.list', { householdId: f.id })).flatMap((e) => e.lines);
    expect(oldLines.some((l) => l.includes(`迁到户 ${split.householdNo}`))).toBe(true);

    // In another village: a typed 户编号, no address.
    const far = await c.ok('persons.split', {
      id: f.spouseId,
      regionCode: villages[1] ?? '',
      householdNo: 'FH-2020-7',
    });
    expect(far.householdNo).toBe('FH-2020-7');
    expect((await c.ok('households.get', { id: far.householdId })).household.entry.address).toBeNull();
  });

  it('refuses a 新立一户 that would leave a household without its 户主, or reuse a 户编号, changing nothing', async () => {
    const f = await makeFamily();
    const before = snapshot();
    const head = await c.fail('persons.split', { id: f.headId, regionCode: villages[0] ?? '' });
    expect(head.message).toBe('张建国 是原户的户主，请先为原户变更户主，再迁出。');
    const used = await c.fail('persons.split', {
      id: f.sonId,
      regionCode: villages[0] ?? '',
      householdNo: f.householdNo,
    });
    expect(used.code).toBe('conflict');
    expect(used.message).toContain(f.householdNo);
    expect(snapshot()).toEqual(before);

    // The sole member may leave, as with every 迁移: the old household stays, empty, until it is 注销.
    const alone = await c.ok('households.create', {
      regionCode: villages[1] ?? '',
      household,
      head: person({ name: '刘大海', id_number: ID_OTHER, relation: '01' }),
    });
    const moved = await c.ok('persons.split', { id: alone.headId, regionCode: villages[2] ?? '' });
    expect((await c.ok('households.get', { id: alone.id })).household.memberCount).toBe(0);
    expect((await c.ok('households.get', { id: moved.householdId })).household.headName).toBe('刘大海');
  });

  it('lists with filters, sorting and paging, and masks phones and IDs', async () => {
    for (let i = 0; i < 7; i++) {
      await c.ok('households.create', {
        regionCode: villages[i % 2] ?? '',
        household: { ...household, poverty_attribute: i % 3 === 0 ? '2' : '1' },
        head: person({
          name: `户主${'甲乙丙丁戊己庚'[i]}`,
          id_number: makeIdNumber('420626', `19${60 + i}-01-0${i + 1}`, 101 + 2 * i),
          relation: '01',
        }),
      });
    }
    const all = await c.ok('households.list', { regionCode: null, limit: 3 });
    expect(all.total).toBe(7);
    expect(all.rows).toHaveLength(3);
    expect(all.rows[0]?.phoneMasked).toBe('138****4567');
    const page2 = await c.ok('households.list', { regionCode: null, limit: 3, offset: 3 });
    expect(page2.rows[0]?.householdNo).not.toBe(all.rows[0]?.householdNo);
    const dibao = await c.ok('households.list', { regionCode: null, povertyAttribute: ['2'] });
    expect(dibao.total).toBe(3);
    const village = await c.ok('households.list', { regionCode: villages[1] ?? '' });
    expect(village.total).toBe(3);
    const byName = await c.ok('households.list', {
      regionCode: null,
      sort: { column: 'head_name', order: 'desc' },
    });
    const names = byName.rows.map((r) => r.headName ?? '');
    expect(names).toEqual([...names].sort().reverse());
  });

  it('needs an operator name before any change', async () => {
    const fresh = await openTestClient();
    try {
      await fresh.ok('ledger.create', { countyCode: '420626' });
      const tree = await fresh.ok('regions.tree', {});
      const village = tree.find((n) => n.level === 'village')?.code ?? '';
      const e = await fresh.fail('households.create', {
        regionCode: village,
        household,
        head: person({ name: '张建国', id_number: ID_HEAD, relation: '01' }),
      });
      expect(e.message).toMatch(/操作员/);
    } finally {
      await fresh.close();
    }
  });

  it('lets clerks add 村民小组 and fix names, keeping the official name', async () => {
    const village = villages[0] ?? '';
    const g1 = await c.ok('regions.addGroup', { villageCode: village, name: '一组' });
    const g2 = await c.ok('regions.addGroup', { villageCode: village, name: '二组' });
    expect(g1.code).toBe(`${village}-01`);
    expect(g2.code).toBe(`${village}-02`);
    expect((await c.fail('regions.addGroup', { villageCode: village, name: '一组' })).message).toBe(
      '同一村下已有“一组”，请换一个名称。',
    );
    expect((await c.fail('regions.rename', { code: g2.code, name: '一组' })).message).toBe(
      '同一村下已有“一组”，请换一个名称。',
    );
    const renamed = await c.ok('regions.rename', { code: village, name: '新名村' });
    expect(renamed.name).toBe('新名村');
    const official = c.core.ledger.sqlite
      .prepare('SELECT official_name FROM regions WHERE code = ?')
      .pluck()
      .get(village);
    expect(official).not.toBe('新名村');
    const f = await c.ok('households.create', {
      regionCode: g2.code,
      household,
      head: person({ name: '张建国', id_number: ID_HEAD, relation: '01' }),
    });
    const got = await c.ok('households.get', { id: f.id });
    expect(got.household.place).toMatchObject({ villageName: '新名村', groupName: '二组' });
  });
});
