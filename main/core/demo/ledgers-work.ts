// 就业帮扶 in the sample county: 外出务工 (plans and departures by 去向, 点对点, 交通补贴), 公益性岗位 (some
// people on two posts, many paid from 光伏收益), 扶贫车间 and the poor workers they took on. Shares follow
// the seed speech (保康县 2020: 15,670 of ~26,000 poor households plan to work away, 23,495 persons;
// 县内 ~39%, 县外市内 ~7%, 市外省内 ~10%, 省外 ~45% of persons; by household 县内 41.7%, 县外市内 8.4%,
// 市外省内 12.7%, 省外 51.5%, and the only households in two 去向 are the 14.4% with members both 县内 and
// 省外: the 去向 columns' households add up to exactly 2,252 more than the 15,670).
import { addDays } from '../../../shared/ledgers/ledger-helpers.ts';
import { getRegionCatalog } from '../regions/catalog.ts';
import { mobile } from './household.ts';
import {
  dayIn,
  isPoor,
  later,
  money,
  sample,
  scaled,
  someName,
  someOf,
  type DemoHousehold,
  type DemoPerson,
  type LedgerDemoContext,
} from './ledger-kit.ts';
import { weighted, type Random } from './random.ts';
import { DESTINATIONS, workPlaces } from './work-places.ts';

/** Who left to work, for 返乡排查 and 留守 care: person id → where. */
export type Departures = Map<number, { place: string; destination: string }>;

const DESTINATION_SHARE = weighted(DESTINATIONS.map((d, i) => [d, [39, 7, 10, 45][i] ?? 0] as const));
const [IN_COUNTY, IN_CITY, IN_PROVINCE, OTHER_PROVINCE] = DESTINATIONS;
/** Households with members both 县内 and 省外, of the planning households (seed: 2,252 of 15,670). */
const BOTH_SHARE = 2252 / 15670;
/** The planning households in one 去向 only (seed: 县内 6,531 − 2,252, 县外市内 1,321, 市外省内 1,997, 省外 8,073 − 2,252). */
const ONE_DESTINATION = weighted([[IN_COUNTY, 4279], [IN_CITY, 1321], [IN_PROVINCE, 1997], [OTHER_PROVINCE, 5821]]); // prettier-ignore
/** How many of a household plan to go, by its 去向, before the cap of its workers (seed, per household: 1.5 in all; 县内 ~1.6, 省外 ~1.4, the two in between ~1.2). */
const PLANNED_IN_HOUSEHOLD: Record<string, (rng: Random) => number> = {
  [IN_COUNTY]: weighted([[1, 38], [2, 46], [3, 16]]),
  [IN_CITY]: weighted([[1, 74], [2, 22], [3, 4]]),
  [IN_PROVINCE]: weighted([[1, 76], [2, 20], [3, 4]]),
  [OTHER_PROVINCE]: weighted([[1, 50], [2, 40], [3, 10]]),
  both: weighted([[2, 75], [3, 25]]),
}; // prettier-ignore
const PLANS_TO_GO = (h: DemoHousehold) => (isPoor(h) ? 0.72 : 0.5);
const CHANNEL = weighted([['02', 25], ['03', 35], ['04', 30], ['05', 7], ['01', 3]]); // prettier-ignore
const INDUSTRY = [
  '建筑业',
  '制造业',
  '电子装配',
  '餐饮服务',
  '物流快递',
  '家政服务',
  '服装加工',
  '农业种养',
] as const;
const EMPLOYER_SUFFIX = [
  '建筑工程有限公司',
  '电子科技有限公司',
  '制衣厂',
  '物流有限公司',
  '餐饮管理有限公司',
  '家政服务中心',
] as const;

/** Working-age people who are neither at school nor unable to work. */
const canWork = (p: DemoPerson) =>
  p.age >= 16 && p.age < 60 && p.school === null && (p.labor === '01' || p.labor === '02');

export function fillMigrantWork(c: LedgerDemoContext): Departures {
  const { rng, year, write } = c;
  const places = workPlaces(getRegionCatalog(), write.context('migrant_work'));
  const departures: Departures = new Map();
  // Only a household with two or more workers can be in two 去向: those get the 县内 + 省外 plan more
  // often, so that it is BOTH_SHARE of all planning households (the expected share, no draw).
  let planning = 0;
  let twoOrMore = 0;
  for (const h of c.households) {
    const workers = h.members.filter(canWork).length;
    if (workers > 0) planning += PLANS_TO_GO(h);
    if (workers > 1) twoOrMore += PLANS_TO_GO(h);
  }
  const bothIfTwo = twoOrMore === 0 ? 0 : Math.min(0.9, (BOTH_SHARE * planning) / twoOrMore);
  for (const h of c.households) {
    const workers = h.members.filter(canWork);
    if (workers.length === 0) continue;
    if (!rng.chance(PLANS_TO_GO(h))) {
      // Some stay home wanting work; the 有意愿未外出 column of the report counts them.
      for (const p of workers)
        if (rng.chance(0.06))
          write.add('migrant_work', { person_id: p.id }, { year, willing: 1, planned: 0, status: '05' });
      continue;
    }
    // Those who worked away longest last year plan to go again.
    // The household's 去向: 县内 and 省外 both, or one of the four; the planned members all go there
    // (县内 + 省外: the first 县内, the second 省外, any third either).
    const both = workers.length > 1 && rng.chance(bothIfTwo);
    const one = both ? null : ONE_DESTINATION(rng);
    const size = (PLANNED_IN_HOUSEHOLD[one ?? 'both'] ?? (() => 1))(rng);
    const planned = [...workers]
      .sort((a, b) => (b.workMonths ?? 0) - (a.workMonths ?? 0) || a.id - b.id)
      .slice(0, size);
    for (const [i, p] of planned.entries()) {
      const destination =
        one ?? (i === 0 ? IN_COUNTY : i === 1 ? OTHER_PROVINCE : rng.pick([IN_COUNTY, OTHER_PROVINCE]));
      const plannedPlace = places.pick(rng, destination);
      const values: Record<string, string | number | null> = {
        year,
        willing: 1,
        planned: 1,
        planned_place: plannedPlace,
        planned_destination: destination,
      };
      // Gone out only who has months of 务工 in the register (数据质量 rule W-MIG-07).
      if (rng.chance(0.82) && (p.workMonths ?? 0) > 0) {
        const place = rng.chance(0.92) ? plannedPlace : places.pick(rng, DESTINATION_SHARE(rng));
        const far = destination !== '01';
        const p2p = far && rng.chance(0.22);
        const start = dayIn(rng, year, 2, 4);
        Object.assign(values, {
          status: rng.chance(0.35) ? '02' : '01',
          work_place: place,
          employer: (place ?? '').slice(0, 6) + rng.pick(EMPLOYER_SUFFIX),
          industry: rng.pick(INDUSTRY),
          channel: p2p ? '01' : CHANNEL(rng),
          start_date: start,
          end_date: rng.chance(0.15) ? later(rng, start, 60, 240) : null,
          monthly_income: far ? rng.int(35, 70) * 100 : rng.int(20, 40) * 100,
          point_to_point: p2p ? 1 : 0,
          transport_subsidy: far && (p2p || rng.chance(0.25)) ? rng.int(4, 20) * 50 : null,
          training: rng.chance(0.2)
            ? rng.pick(['电工', '焊工', '家政服务', '厨师', '挖掘机操作'] as const)
            : null,
          ...slipFields(p.id, start, p2p),
        });
        if (place !== null) departures.set(p.id, { place, destination });
      } else values.status = '04';
      write.add('migrant_work', { person_id: p.id }, values);
    }
  }
  return departures;
}

/**
 * The 三联单's village and employer parts for a worker who left: 体检 a few days before leaving with its 健康证明,
 * 用工证明 for every 点对点 worker and most others, 到岗 a day or three after leaving. Derived from the person's id,
 * not drawn from the generator, so the rest of the sample county stays as it was.
 */
function slipFields(personId: number, start: string, p2p: boolean): Record<string, string | number | null> {
  return {
    health_check_date: addDays(start, -(3 + (personId % 12))),
    health_certificate: 1,
    employment_proof: p2p || personId % 10 < 7 ? 1 : 0,
    arrival_date: addDays(start, 1 + (personId % 3)),
  };
}

const JOB_TYPE = weighted([['01', 30], ['02', 10], ['03', 15], ['04', 5], ['05', 5], ['06', 8], ['07', 8], ['08', 4], ['09', 12], ['10', 3]]); // prettier-ignore
const SUBSIDY: Record<string, number> = { '09': 800, '10': 600, '04': 500 };

export function fillPublicWelfareJobs(c: LedgerDemoContext, departures: Departures): void {
  const { rng, year, write } = c;
  // Posts go to those who cannot leave (weak labour, carers, the older ones): one in 9% of poor households.
  const stayers = c.households.flatMap((h) => {
    const p = isPoor(h)
      ? h.members.find((m) => m.age >= 18 && m.age < 66 && m.school === null && !departures.has(m.id))
      : undefined;
    return p ? [{ h, p }] : [];
  });
  for (const { h, p } of someOf(rng, stayers, 0.09)) {
    const first = JOB_TYPE(rng);
    const types = rng.chance(0.07) ? [first, first === '01' ? '07' : '01'] : [first];
    for (const type of types) {
      const start =
        type >= '06' && type <= '08'
          ? `${year}-02-01`
          : `${year}-${rng.pick(['01', '03', '04', '07'] as const)}-01`;
      write.add(
        'public_welfare_jobs',
        { person_id: p.id },
        {
          job_type: type,
          fund_source: type === '04' || rng.chance(0.45) ? '01' : rng.chance(0.92) ? '02' : '99',
          employer: `${c.villages.find((v) => v.code === h.village)?.name ?? ''}村民委员会`,
          start_date: start,
          end_date: type >= '06' && type <= '08' ? `${year}-04-30` : `${year}-12-31`,
          monthly_subsidy: SUBSIDY[type] ?? rng.pick([300, 400, 500] as const),
        },
      );
    }
  }
}

const ENTERPRISE_TYPE = weighted([['01', 45], ['03', 30], ['02', 8], ['04', 10], ['05', 7]]); // prettier-ignore
const ENTERPRISE_WORD: Record<string, string> = {
  '01': '扶贫车间',
  '02': '农业发展有限公司',
  '03': '专业合作社',
  '04': '家庭农场',
  '05': '种养大户',
};
const PRODUCT = [
  '香菇',
  '茶叶',
  '核桃',
  '柑橘',
  '中药材',
  '服装',
  '电子元件',
  '生猪',
  '山羊',
  '木耳',
] as const;
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function fillEnterprises(c: LedgerDemoContext, departures: Departures): void {
  const { rng, year, write } = c;
  const names = new Set<string>();
  // In villages with poor people at home who can work: a 车间 takes on workers from its own village.
  const pools = c.villages.flatMap((v) => {
    const pool = v.households.flatMap((h: DemoHousehold) =>
      isPoor(h) ? h.members.filter((m) => canWork(m) && !departures.has(m.id)) : [],
    );
    return pool.length > 0 ? [{ v, pool }] : [];
  });
  for (const { v, pool } of sample(rng, pools, scaled(c.households.length, 250))) {
    const type = ENTERPRISE_TYPE(rng);
    const product = rng.pick(PRODUCT);
    let name = `${c.countyName}${v.name}${product}${ENTERPRISE_WORD[type] ?? ''}`;
    if (names.has(name)) name = `${name}（${names.size + 1}）`;
    names.add(name);
    const workers = sample(rng, pool, rng.int(2, 12));
    const employees = workers.length + rng.int(3, 30);
    const resume = rng.chance(0.85) ? '01' : rng.chance(0.5) ? '02' : '03';
    const parent = write.add(
      'enterprises',
      { region_code: v.code, household_id: null },
      {
        name,
        type,
        credit_code:
          type === '05'
            ? null
            : `93${c.countyCode}${Array.from({ length: 10 }, () => rng.pick([...CREDIT_CHARS])).join('')}`,
        industry: product,
        address: `${v.townshipName}${v.name}`,
        leader: someName(rng),
        phone: mobile(rng),
        recognized_date: dayIn(rng, year - rng.int(0, 3), 1, 12),
        employees,
        poor_employees: workers.length,
        linked_households: workers.length + rng.int(0, 20),
        subsidy: type === '01' ? rng.int(5, 20) * 10_000 : rng.int(0, 10) * 5_000,
        resume_status: resume,
        resume_date: resume === '03' ? null : dayIn(rng, year, 2, 4),
      },
    );
    for (const p of workers) {
      const hire = dayIn(rng, year - rng.int(0, 2), 1, 12);
      const left = rng.chance(0.08);
      write.add(
        'enterprise_workers',
        { person_id: p.id, parent_id: parent },
        {
          post: rng.pick(['包装工', '分拣工', '缝纫工', '采摘工', '普工', '保管员'] as const),
          employment_form: rng.pick(['01', '01', '02', '03', '04'] as const),
          status: left ? '03' : rng.chance(0.9) ? '01' : '02',
          hire_date: hire,
          leave_date: left ? later(rng, hire, 30, 200) : null,
          monthly_wage: money(rng.int(15, 35) * 100),
          contract: rng.chance(0.7) ? 1 : 0,
        },
      );
    }
  }
}
