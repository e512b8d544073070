// Village work of the sample county: 返贫监测 for every household the register marks 监测对象 (risks
// from its 致贫原因, measures, about half eliminated), 帮扶责任人 and 驻村工作队 with their 走访, 问题整改
// (most 销号, some overdue), 项目库 by village (开工, 完工, 拨付), 消费扶贫, 特殊困难群体关爱, 无户籍人员
// and 信访.
import { makeIdNumber } from '../../../shared/id-number.ts';
import { mobile } from './household.ts';
import {
  dayIn,
  isPoor,
  later,
  money,
  scaled,
  someName,
  type DemoHousehold,
  type DemoVillage,
  type LedgerDemoContext,
} from './ledger-kit.ts';
import type { Departures } from './ledgers-work.ts';
import { weighted } from './random.ts';

/** 致贫原因 → 返贫风险: 因病, 因残, 因学, 缺劳动力, 缺资金/技术 → 产业 … */
const RISK_OF_CAUSE: Record<string, string> = {
  '01': '01',
  '02': '03',
  '03': '02',
  '04': '04',
  '08': '08',
  '07': '06',
  '09': '07',
};

export function fillRelapseMonitoring(c: LedgerDemoContext, helperOf: Map<number, string>): void {
  const { rng, year, write } = c;
  for (const h of c.households) {
    if (h.monitor === null) continue;
    const risks = new Set([RISK_OF_CAUSE[h.cause ?? ''] ?? '07']);
    if (rng.chance(0.35)) risks.add('09'); // 2020: the epidemic
    if (rng.chance(0.1)) risks.add('10');
    const list = [...risks].sort();
    const identified = dayIn(rng, year, 3, 9);
    const eliminated = rng.chance(0.55);
    const income = rng.int(40, 55) * 100;
    write.add(
      'relapse_monitoring',
      { household_id: h.id },
      {
        category: h.monitor,
        identified_date: identified,
        identify_method: rng.pick(['01', '02', '02', '03'] as const),
        risks: list.join(','),
        income_at_identification: income,
        // 帮扶消除 needs at least one measure: every household gets its 产业 measure when nothing else fits.
        aid_industry:
          rng.chance(0.5) || !list.some((r) => ['01', '02', '03', '07', '08', '09', '10'].includes(r))
            ? '发展香菇种植，给予产业奖补'
            : null,
        aid_employment:
          list.includes('07') || list.includes('09') ? rng.pick(['02', '04', '01,02'] as const) : null,
        aid_health:
          list.includes('01') || list.includes('03') ? rng.pick(['01', '02', '01,04'] as const) : null,
        aid_education: list.includes('02') ? rng.pick(['01', '03'] as const) : null,
        aid_housing_water: list.includes('10') ? '纳入危房改造' : null,
        aid_social:
          list.includes('08') || list.includes('03')
            ? rng.pick(['01', '04', '01,05'] as const)
            : rng.chance(0.2)
              ? '03'
              : null,
        aid_finance: rng.chance(0.2) ? '04' : null,
        helper: helperOf.get(h.id) ?? someName(rng),
        helper_phone: mobile(rng),
        eliminated: eliminated ? 1 : 0,
        eliminate_method: eliminated ? (rng.chance(0.85) ? '01' : '02') : null,
        // Not before six months of monitoring (数据质量 rule M-ELI-01).
        eliminated_date: eliminated ? later(rng, identified, 185, 330) : null,
        income_at_elimination: eliminated ? income + rng.int(10, 30) * 100 : null,
      },
    );
  }
}

const HELPER_UNITS = [
  '县财政局',
  '县教育局',
  '县卫生健康局',
  '县住房和城乡建设局',
  '县农业农村局',
  '县人力资源和社会保障局',
  '县水利和湖泊局',
  '县交通运输局',
  '县自然资源和规划局',
  '县供电公司',
] as const;

/** 帮扶责任人 (about one for six poor households), first secretaries and teams: who helps which household. */
export function fillHelpers(c: LedgerDemoContext): Map<number, string> {
  const { rng, year, write } = c;
  const helperOf = new Map<number, string>();
  const townships = [...new Map(c.villages.map((v) => [v.townshipCode, v])).values()];
  for (const t of townships)
    write.add(
      'helpers',
      { region_code: t.townshipCode, household_id: null },
      {
        name: someName(rng),
        sex: '1',
        unit: '县人民政府',
        position: '副县长',
        phone: mobile(rng),
        role: '01',
        unit_level: '04',
        start_date: `${year - 2}-03-01`,
      },
    );
  for (const v of c.villages) {
    const names = new Set<string>();
    const person = (): string => {
      let n = someName(rng);
      while (names.has(n)) n = someName(rng);
      names.add(n);
      return n;
    };
    const unit = rng.pick(HELPER_UNITS);
    const team: [string, string][] = [
      ['05', '第一书记'],
      ['07', '工作队员'],
    ];
    if (rng.chance(0.5)) team.push(['07', '工作队员']);
    for (const [role, position] of team)
      write.add(
        'helpers',
        { region_code: v.code, household_id: null },
        {
          name: person(),
          sex: rng.chance(0.8) ? '1' : '2',
          unit,
          position,
          phone: mobile(rng),
          role,
          unit_level: '04',
          team_unit: unit,
          start_date: `${year - 1}-0${rng.int(1, 9)}-01`,
          days_on_duty: rng.int(200, 260),
        },
      );
    const poor = v.households.filter(isPoor);
    for (let i = 0; i < poor.length; i += 6) {
      const name = person();
      const helperUnit = rng.chance(0.7) ? rng.pick(HELPER_UNITS) : `${v.townshipName}人民政府`;
      write.add(
        'helpers',
        { region_code: v.code, household_id: null },
        {
          name,
          sex: rng.chance(0.65) ? '1' : '2',
          unit: helperUnit,
          position: rng.pick(['科员', '副主任科员', '股长', '干部'] as const),
          phone: mobile(rng),
          role: '04',
          unit_level: helperUnit.startsWith('县') ? '04' : '05',
          start_date: `${year - rng.int(1, 4)}-0${rng.int(1, 9)}-01`,
        },
      );
      for (const h of poor.slice(i, i + 6)) helperOf.set(h.id, name);
    }
  }
  return helperOf;
}

export function fillHelperVisits(c: LedgerDemoContext, helperOf: Map<number, string>): void {
  const { rng, year, write } = c;
  for (const h of c.households) {
    const visitor = helperOf.get(h.id);
    if (!visitor) continue;
    const visits = rng.chance(0.45) ? 1 : rng.chance(0.25) ? 2 : 0;
    let day = dayIn(rng, year, 2, 5);
    for (let n = 0; n < visits; n++) {
      const gap = rng.chance(0.015);
      write.add(
        'helper_visits',
        { household_id: h.id },
        {
          visit_date: day,
          visitor,
          mode: rng.chance(0.8) ? '01' : rng.pick(['02', '03'] as const),
          content: rng.pick([
            '宣讲扶贫政策，核实家庭收入',
            '了解务工和产业情况',
            '疫情期间走访，了解生活物资',
            '核实两不愁三保障',
          ] as const),
          food_clothing: 1,
          education_ok: 1,
          medical_ok: 1,
          housing_ok: gap ? 0 : 1,
          water_ok: 1,
          epidemic_impact: rng.chance(0.3) ? '务工推迟，收入减少' : null,
          problems: gap ? '住房漏雨，需维修加固' : null,
          fix_measures: gap ? '申报危房改造' : null,
          fix_deadline: gap ? later(rng, day, 30, 90) : null,
        },
      );
      day = later(rng, day, 30, 120);
    }
  }
}

const SOURCE = weighted([['03', 35], ['02', 20], ['04', 15], ['01', 10], ['06', 10], ['05', 5], ['07', 5]]); // prettier-ignore
const PROBLEMS: Record<string, readonly string[]> = {
  '02': ['适龄儿童辍学未及时劝返', '教育资助未落实到位'],
  '03': ['慢性病签约服务未落实', '参保资助未及时到位', '先诊疗后付费政策宣传不到位'],
  '04': ['危房改造进度滞后', '住房鉴定资料不全'],
  '05': ['饮水水量季节性不足', '水质检测记录缺失'],
  '06': ['产业奖补资金未及时兑现', '务工信息登记不全'],
  '08': ['家庭成员信息与户籍不一致', '人均纯收入计算有误', '务工收入未核实'],
  '09': ['项目公示不规范', '资金拨付滞后'],
}; // prettier-ignore
const CATEGORIES = Object.keys(PROBLEMS);

/** 问题整改: 60% 销号 within the deadline; the rest 整改中 or 待整改, some past their deadline. */
export function fillRectification(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  const seen = new Set<string>();
  const n = scaled(c.households.length, 80);
  for (let i = 1; i <= n; i++) {
    const v = c.villages[rng.int(0, c.villages.length - 1)];
    if (!v) continue;
    const category = rng.pick(CATEGORIES);
    const source = SOURCE(rng);
    const description = `${v.name}${rng.pick(PROBLEMS[category] ?? ['台账资料不全'])}`;
    const key = `${v.code}|${source}|${description}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = dayIn(rng, year, 3, 11);
    const deadline = later(rng, found, 15, 60);
    const closed = rng.chance(0.6);
    write.add(
      'rectification',
      { region_code: v.code, household_id: null },
      {
        issue_no: `ZG${year}${String(i).padStart(5, '0')}`,
        source,
        category,
        description,
        found_date: found,
        resp_unit: `${v.townshipName}人民政府`,
        resp_person: someName(rng),
        measures: '逐户核实，限期整改到位',
        deadline,
        status: closed ? '03' : rng.chance(0.6) ? '02' : '01',
        closed_date: closed
          ? deadline > found
            ? later(rng, found, 1, Math.max(1, dayDiff(found, deadline)))
            : found
          : null,
        closed_by: closed ? someName(rng) : null,
        evidence: closed ? '整改前后照片、核实记录' : null,
      },
    );
  }
}

const dayDiff = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

const PROJECT_TYPE = weighted([['01', 35], ['10', 25], ['08', 15], ['02', 5], ['11', 8], ['07', 5], ['04', 4], ['05', 3]]); // prettier-ignore
const PROJECT_NAME: Record<string, string> = {
  '01': '香菇产业基地建设', '10': '通组公路硬化', '08': '安全饮水巩固提升', '02': '扶贫车间建设', '11': '村卫生室标准化建设',
  '07': '扶贫小额信贷贴息', '04': '雨露计划补助', '05': '健康扶贫医疗保障',
}; // prettier-ignore
/** How far a project got: 01 未开工 … 04 已验收, 05 已取消. */
const PROJECT_STATUS = weighted([['01', 10], ['02', 25], ['03', 25], ['04', 36], ['05', 4]]); // prettier-ignore

export function fillProjects(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  const n = scaled(c.households.length, 150);
  const weights = c.villages.map((v) => v.households.length);
  let serial = 0;
  for (let i = 0; i < n; i++) {
    const v = pickVillage(c.villages, weights, rng.next());
    serial += 1;
    const type = PROJECT_TYPE(rng);
    const status = PROJECT_STATUS(rng);
    const central = rng.int(10, 200) * 1000;
    const integrated = rng.int(0, 100) * 1000;
    const county = rng.int(0, 30) * 1000;
    const total = central + integrated + county;
    const plannedStart = dayIn(rng, year, 3, 6);
    const plannedEnd = later(rng, plannedStart, 60, 180);
    const started = status >= '02' && status <= '04' ? later(rng, plannedStart, 0, 30) : null;
    const ended = status === '03' || status === '04' ? later(rng, started ?? plannedStart, 45, 150) : null;
    const paidShare =
      status === '04'
        ? rng.chance(0.8)
          ? 1
          : 0.8
        : status === '03'
          ? rng.int(6, 10) / 10
          : status === '02'
            ? rng.int(2, 6) / 10
            : 0;
    const households = v.households.length;
    const poorHouseholds = v.households.filter(isPoor).length;
    write.add(
      'poverty_projects',
      { region_code: v.code, household_id: null },
      {
        project_no: `${c.countyCode}${year}${String(serial).padStart(4, '0')}`,
        name: `${v.name}${PROJECT_NAME[type] ?? '扶贫'}项目`,
        year,
        type,
        nature: rng.chance(0.8) ? '01' : rng.pick(['02', '03', '04'] as const),
        location: `${v.townshipName}${v.name}`,
        content: PROJECT_NAME[type] ?? null,
        fund_central: central,
        fund_integrated: integrated || null,
        fund_city_county: county || null,
        beneficiary_households: households,
        beneficiary_persons: v.households.reduce((a, h) => a + h.members.length, 0),
        beneficiary_poor_households: poorHouseholds,
        beneficiary_poor_persons: v.households.filter(isPoor).reduce((a, h) => a + h.members.length, 0),
        link_mechanism: rng.pick(['务工就业带动', '资产收益分红', '改善生产生活条件'] as const),
        implementer: `${v.townshipName}人民政府`,
        responsible: someName(rng),
        responsible_phone: mobile(rng),
        planned_start: plannedStart,
        planned_end: plannedEnd,
        actual_start: started,
        actual_end: ended,
        status,
        acceptance: status === '04' ? '验收合格' : null,
        paid_amount: status === '05' ? null : money(total * paidShare),
        announce_date: later(rng, plannedStart, -30, -5),
        announce_place: `${v.name}村务公开栏`,
      },
    );
  }
}

function pickVillage(villages: readonly DemoVillage[], weights: readonly number[], x: number): DemoVillage {
  let left = x * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < villages.length; i++) {
    left -= weights[i] ?? 0;
    if (left < 0) return villages[i] as DemoVillage;
  }
  return villages[villages.length - 1] as DemoVillage;
}

const PRODUCTS = [['香菇', '07', '01'], ['核桃', '03', '01'], ['茶叶', '06', '01'], ['柑橘', '03', '03'], ['土鸡蛋', '04', '06'], ['腊肉', '09', '01'], ['玉米', '01', '03']] as const; // prettier-ignore
const CHANNEL = weighted([['01', 25], ['02', 20], ['03', 10], ['04', 15], ['06', 10], ['08', 15], ['09', 5]]); // prettier-ignore

export function fillConsumptionAid(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  const n = scaled(c.households.length, 200);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const h = c.households[rng.int(0, c.households.length - 1)];
    if (!h) continue;
    const [product, category, unit] = rng.pick(PRODUCTS);
    const date = dayIn(rng, year, 2, 11);
    const key = `${h.id}|${product}|${date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const quantity = rng.int(5, 200) * (unit === '03' ? 1 : 10);
    const unsold = rng.chance(0.15) ? Math.floor((quantity * rng.int(1, 5)) / 10) : 0;
    const sold = quantity - unsold;
    const channel = CHANNEL(rng);
    write.add(
      'consumption_aid',
      { region_code: h.group ?? h.village, household_id: h.id },
      {
        product,
        product_category: category,
        seller: h.head,
        contact_phone: h.phone,
        certified: rng.chance(0.4) ? 1 : 0,
        unit,
        quantity,
        sold_quantity: sold,
        unsold_quantity: unsold,
        channel,
        buyer: channel === '01' ? rng.pick(['县财政局', '县教育局食堂', '县人民医院'] as const) : null,
        sale_date: date,
        amount: money(sold * (unit === '03' ? rng.int(2000, 8000) : rng.int(4, 60))),
      },
    );
  }
}

/** 留守儿童 and 留守老人 where a parent or child works away; 孤寡老人 living alone. */
export function fillSpecialCare(c: LedgerDemoContext, departures: Departures): void {
  const { rng, year, write } = c;
  for (const h of c.households) {
    const away = h.members.some((m) => departures.has(m.id));
    for (const p of h.members) {
      if (departures.has(p.id)) continue;
      const categories: string[] = [];
      if (away && p.age <= 15 && rng.chance(0.4)) categories.push('01');
      if (away && p.age >= 65 && rng.chance(0.3)) categories.push('03');
      if (h.members.length === 1 && p.age >= 70) categories.push('04');
      if (p.health.includes('03') && p.health.includes('04')) categories.push('05');
      if (categories.length === 0) continue;
      const guardian = h.members.find((m) => m !== p && m.age >= 18 && !departures.has(m.id));
      const child = categories.includes('01');
      const parent = write.add(
        'special_care',
        { person_id: p.id },
        {
          categories: categories.join(','),
          situation: child ? '父母外出务工，随祖辈生活' : '独自在家生活',
          guardian_name: guardian?.name ?? (child ? someName(rng) : null),
          guardian_phone: guardian ? guardian.phone : null,
          guardian_relation: guardian ? (child ? '02' : p.age >= 65 ? '04' : '06') : child ? '07' : null,
          caretaker: someName(rng),
          caretaker_phone: mobile(rng),
        },
      );
      let day = dayIn(rng, year, 1, 6);
      for (let n = rng.chance(0.7) ? 1 : 2; n > 0; n--) {
        const need = rng.chance(0.3);
        write.add(
          'care_visits',
          { person_id: p.id, parent_id: parent },
          {
            visit_date: day,
            visitor: someName(rng),
            mode: rng.chance(0.8) ? '01' : '02',
            situation: '身体状况良好，生活有保障',
            needs: need ? rng.pick(['代购生活用品', '协助就医', '辅导功课'] as const) : null,
            resolved: need ? 1 : null,
            resolution: need ? '已协调村干部帮助解决' : null,
          },
        );
        day = later(rng, day, 30, 90);
      }
    }
  }
}

export function fillUnregistered(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  for (let i = 0; i < scaled(c.households.length, 2000); i++) {
    const h: DemoHousehold | undefined = c.households[rng.int(0, c.households.length - 1)];
    if (!h) continue;
    const sex = rng.chance(0.5) ? '1' : '2';
    const birth = `${year - rng.int(1, 12)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
    const progress = rng.pick(['01', '02', '03', '04', '04'] as const);
    const settled = progress === '04';
    let idNumber: string | null = null;
    for (
      let seq = rng.int(0, 400) * 2 + (sex === '1' ? 1 : 0);
      settled && seq <= 999 && idNumber === null;
      seq += 2
    ) {
      const id = makeIdNumber(c.countyCode, birth, seq);
      if (!c.usedIds.has(id)) idNumber = id;
    }
    if (idNumber !== null) c.usedIds.add(idNumber);
    const reason = rng.pick(['01', '02', '09'] as const);
    write.add(
      'unregistered_persons',
      { region_code: h.group ?? h.village, household_id: h.id },
      {
        name: `${h.head.slice(0, 1)}${someName(rng, sex).slice(1)}`,
        sex,
        birth_date: birth,
        host_name: h.head,
        relation_note: rng.pick(['子', '女', '孙子', '孙女'] as const),
        reason,
        progress: settled && idNumber === null ? '03' : progress,
        police_station: `${c.villages.find((v) => v.code === h.village)?.townshipName ?? ''}派出所`,
        settle_date: idNumber !== null ? later(rng, birth, 200, 3000) : null,
        new_id_number: idNumber,
      },
    );
  }
}

export function fillPetitions(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  for (let i = 0; i < scaled(c.households.length, 1000); i++) {
    const h = c.households[rng.int(0, c.households.length - 1)];
    if (!h) continue;
    const date = dayIn(rng, year, 1, 11);
    const closed = rng.chance(0.75);
    write.add(
      'petitions',
      { region_code: h.group ?? h.village, household_id: h.id },
      {
        source: rng.pick(['02', '03', '04', '06', '07'] as const),
        petition_date: date,
        petitioner: h.head,
        petitioner_phone: h.phone,
        category: rng.pick(['01', '02', '04', '05', '06'] as const),
        content: rng.pick([
          '反映低保评定不公',
          '反映危房改造补助未到位',
          '要求纳入建档立卡',
          '反映产业奖补未兑现',
        ] as const),
        handler_unit: `${c.villages.find((v) => v.code === h.village)?.townshipName ?? ''}人民政府`,
        truth: closed ? rng.pick(['01', '02', '03', '03'] as const) : '04',
        result: closed ? '已调查核实并答复反映人' : null,
        status: closed ? '02' : '01',
        closed_date: closed ? later(rng, date, 5, 40) : null,
        satisfied: closed ? (rng.chance(0.85) ? 1 : 0) : null,
      },
    );
  }
}
