// 防疫 ledgers of the sample county, spring 2020: 返乡人员排查 (workers home for the New Year, a few
// isolated, very few suspected or confirmed, some people from outside the register), 治愈人员 with their
// 随访, and each township's 防疫与生活物资 with 入库 and 出库.
import { makeIdNumber } from '../../../shared/id-number.ts';
import { mobile } from './household.ts';
import { dayIn, later, sample, scaled, someName, type LedgerDemoContext } from './ledger-kit.ts';
import type { Departures } from './ledgers-work.ts';
import { weighted } from './random.ts';

const TRANSPORT = weighted([['01', 35], ['03', 30], ['04', 30], ['02', 5]]); // prettier-ignore

type Subject = {
  person_id: number | null;
  person_name: string;
  person_id_number: string;
  region_code: string | null;
};
interface Returnee {
  subject: Subject;
  from: string;
  far: boolean;
  address: string | null;
  phone: string | null;
}

export function fillReturnees(c: LedgerDemoContext, departures: Departures): void {
  const { rng, year, write } = c;
  const returnees: Returnee[] = [];
  const byPerson = new Map(c.households.flatMap((h) => h.members.map((p) => [p.id, { p, h }] as const)));
  for (const [id, d] of departures) {
    const found = byPerson.get(id);
    if (!found || !rng.chance(d.destination === '01' ? 0.1 : 0.7)) continue;
    const { p, h } = found;
    const subject = { person_id: p.id, person_name: p.name, person_id_number: p.idNumber, region_code: null };
    returnees.push({
      subject,
      from: d.place,
      far: d.destination !== '01',
      address: h.address,
      phone: p.phone,
    });
  }
  // People staying with relatives, not in the register: kept with their own name and ID on the record.
  for (let i = 0; i < scaled(c.households.length, 400); i++) {
    const h = c.households[rng.int(0, c.households.length - 1)];
    if (!h) continue;
    const sex = rng.chance(0.5) ? '1' : '2';
    const birth = `${rng.int(1965, 2000)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
    let idNumber: string | null = null;
    for (let seq = rng.int(0, 400) * 2 + (sex === '1' ? 1 : 0); seq <= 999 && idNumber === null; seq += 2) {
      const id = makeIdNumber(c.countyCode, birth, seq);
      if (!c.usedIds.has(id)) idNumber = id;
    }
    if (idNumber === null) continue;
    c.usedIds.add(idNumber);
    const subject = {
      person_id: null,
      person_name: someName(rng, sex),
      person_id_number: idNumber,
      region_code: h.group ?? h.village,
    };
    const from = rng.pick(['广东省东莞市', '浙江省金华市义乌市', '湖北省武汉市江汉区'] as const);
    returnees.push({ subject, from, far: true, address: h.address, phone: mobile(rng) });
  }
  // Very few cases (one confirmed or asymptomatic per 10,000 households, at least one, so 治愈人员 has
  // someone), twice as many suspected; a few others isolated at home or in the 集中隔离点.
  const cases = scaled(c.households.length, 10_000);
  const picked = sample(
    rng,
    returnees.map((_, i) => i),
    cases * 3,
  );
  const status = new Map(picked.map((i, k) => [i, k < cases ? (k % 3 === 2 ? '04' : '03') : '02'] as const));
  const recovered: { subject: Subject; address: string | null; returned: string; confirmed: boolean }[] = [];
  returnees.forEach((r, i) => {
    const returned = `${year}-01-${String(rng.int(5, 24)).padStart(2, '0')}`;
    const caseStatus = status.get(i) ?? '01';
    const control =
      caseStatus !== '01'
        ? '02'
        : r.far && rng.chance(0.12)
          ? '01'
          : rng.chance(0.02)
            ? '02'
            : rng.chance(0.9)
              ? '03'
              : '04';
    const isolated = control === '01' || control === '02';
    const start = isolated ? later(rng, returned, 0, 2) : null;
    const tested = isolated || rng.chance(0.3);
    const positive = caseStatus === '03' || caseStatus === '04';
    write.add('returnee_screening', r.subject, {
      address: r.address,
      phone: r.phone,
      from_place: r.from,
      risk_level: r.from.startsWith('湖北省武汉市') ? '03' : r.far ? rng.pick(['01', '02'] as const) : '01',
      return_date: returned,
      transport: TRANSPORT(rng),
      health_code: isolated && rng.chance(0.3) ? '02' : '01',
      test_date: tested ? later(rng, returned, 1, 5) : null,
      test_result: tested ? (positive ? '02' : '01') : null,
      control,
      control_start: start,
      responsible: someName(rng),
      release_date: start ? later(rng, start, 14, 21) : null,
      case_status: caseStatus,
      plan_out: rng.chance(0.85) ? 1 : 0,
    });
    if (positive)
      recovered.push({ subject: r.subject, address: r.address, returned, confirmed: caseStatus === '03' });
  });
  for (const k of recovered) {
    const diagnosed = later(rng, k.returned, 3, 12);
    const discharged = later(rng, diagnosed, 14, 30);
    const parent = write.add('recovered_health', k.subject, {
      case_type: k.confirmed ? '01' : '02',
      address: k.address,
      diagnosis_date: diagnosed,
      hospital: `${c.countyName}人民医院`,
      discharge_date: discharged,
      doctor: someName(rng),
      doctor_phone: mobile(rng),
      responsible: someName(rng),
      health_note: '恢复良好',
    });
    let day = discharged;
    for (let n = 0; n < 4; n++) {
      day = later(rng, day, 7, 14);
      write.add(
        'recovered_followups',
        { ...k.subject, parent_id: parent },
        {
          followup_date: day,
          follower: someName(rng),
          temperature: 36 + rng.int(1, 9) / 10,
          symptoms: '01',
          test_result: n < 2 ? '01' : '04',
        },
      );
    }
  }
}

const SUPPLIES = [
  ['一次性医用口罩', '01', '个'], ['医用防护服', '02', '套'], ['84消毒液', '03', '桶'], ['红外线体温计', '04', '支'],
  ['医用橡胶手套', '05', '副'], ['大米', '07', '袋'],
] as const; // prettier-ignore

export function fillSupplies(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  const townships = [...new Map(c.villages.map((v) => [v.townshipCode, v])).values()];
  for (const t of townships) {
    const villages = c.villages.filter((v) => v.townshipCode === t.townshipCode);
    for (const [item, category, unit] of SUPPLIES) {
      const parent = write.add(
        'epidemic_supplies',
        { region_code: t.townshipCode, household_id: null },
        {
          name: `${t.townshipName}${item}`,
          category,
          spec: null,
          unit,
          location: `${t.townshipName}人民政府物资库`,
          keeper: someName(rng),
        },
      );
      const received = rng.int(10, 50) * 100;
      write.add(
        'supply_movements',
        { region_code: t.townshipCode, household_id: null, parent_id: parent },
        {
          direction: '01',
          movement_date: `${year}-01-${rng.int(25, 31)}`,
          quantity: received,
          party_type: rng.pick(['01', '02', '03'] as const),
          party: '县新冠肺炎疫情防控指挥部',
          handler: someName(rng),
        },
      );
      let left = received;
      for (const v of villages.slice(0, 4)) {
        const out = Math.floor((left * rng.int(10, 30)) / 100);
        if (out <= 0) continue;
        left -= out;
        write.add(
          'supply_movements',
          { region_code: t.townshipCode, household_id: null, parent_id: parent },
          {
            direction: '02',
            movement_date: dayIn(rng, year, 2, 3),
            quantity: out,
            party_type: '04',
            party: `${v.name}村民委员会`,
            handler: someName(rng),
          },
        );
      }
    }
  }
}
