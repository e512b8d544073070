// 保障 ledgers of the sample county: 危房改造 by stage, 基本医疗 for every 建档立卡 person (a few 未参保
// with reasons, as the register says), 控辍保学 for pupils 6–15 with a few dropouts and their 劝返,
// 安全饮水, 扶贫小额信贷 (some 逾期, 展期, 受疫情影响), 低保特困与残疾, 临时救助, 易地扶贫搬迁.
import { HOUSING_PRIORITY_TARGETS } from '../../../shared/ledgers/defs/housing-renovation.ts';
import { addMonths } from '../../../shared/ledgers/ledger-helpers.ts';
import {
  dayIn,
  isPoor,
  later,
  money,
  sample,
  someName,
  someOf,
  type LedgerDemoContext,
} from './ledger-kit.ts';
import { weighted } from './random.ts';

const DANGER = weighted([['01', 55], ['02', 40], ['03', 5]]); // prettier-ignore
/** How far a renovation got by the year's end: 0 鉴定, 1 开工, 2 竣工, 3 验收. */
const STAGE = weighted([[0, 8], [1, 14], [2, 20], [3, 58]]); // prettier-ignore

export function fillHousing(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  const ctx = write.context('housing_renovation');
  const poor = c.households.filter(isPoor);
  const others = c.households.filter((h) => !isPoor(h));
  for (const h of [...someOf(rng, poor, 0.05), ...sample(rng, others, Math.round(others.length * 0.02))]) {
    const category = !isPoor(h)
      ? rng.chance(0.3)
        ? '04'
        : '05'
      : h.attribute === '3' || h.attribute === '4'
        ? '03'
        : h.attribute === '2'
          ? '02'
          : '01';
    const danger = DANGER(rng);
    const stage = STAGE(rng);
    const appraisal = dayIn(rng, year, 1, 3);
    const start = stage >= 1 ? later(rng, appraisal, 10, 60) : null;
    const done = stage >= 2 && start ? later(rng, start, 40, 120) : null;
    const accepted = stage >= 3 && done ? later(rng, done, 5, 30) : null;
    const standard = ctx.setting(
      HOUSING_PRIORITY_TARGETS.includes(category) ? 'subsidy_priority' : 'subsidy_general',
    );
    const paid = accepted && rng.chance(0.85) ? standard : done && rng.chance(0.5) ? standard / 2 : null;
    write.add(
      'housing_renovation',
      { household_id: h.id },
      {
        target_category: category,
        original_structure: rng.pick(['土木结构', '砖木结构', '石木结构'] as const),
        danger_level: danger,
        appraisal_date: appraisal,
        method:
          danger === '01'
            ? '01'
            : danger === '02'
              ? rng.chance(0.7)
                ? '02'
                : '03'
              : rng.pick(['04', '05'] as const),
        area: rng.int(40, 110),
        start_date: start,
        completion_date: done,
        acceptance_date: accepted,
        paid_amount: paid,
        paid_date: paid !== null ? later(rng, accepted ?? done ?? appraisal, 5, 40) : null,
        moved_in: accepted ? (rng.chance(0.9) ? 1 : 0) : done ? 0 : null,
      },
    );
  }
}

const NOT_INSURED = weighted([['01', 40], ['02', 20], ['03', 10], ['04', 8], ['05', 5], ['06', 7], ['99', 10]]); // prettier-ignore
const PROOF: Record<string, string> = {
  '01': '外地参保缴费凭证', '02': '职工医保参保证明', '03': '学校集体参保证明', '04': '入伍通知书',
  '05': '服刑证明', '06': '出境记录', '99': '村委会情况说明',
}; // prettier-ignore
const CHRONIC = ['高血压', '糖尿病', '慢性阻塞性肺病', '类风湿关节炎', '冠心病'] as const;
/** 2020 个人缴费 of 城乡居民医保, 元. */
const PREMIUM = 280;

export function fillMedical(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  for (const h of c.households) {
    for (const p of h.members) {
      const values: Record<string, string | number | null> = { year, insured: p.medical };
      if (p.medical === 0) {
        const reason = NOT_INSURED(rng);
        Object.assign(values, {
          employee_insured: reason === '02' ? 1 : 0,
          not_insured_reason: reason,
          reason_note: reason === '99' ? '户籍迁出待注销' : null,
          proof: PROOF[reason] ?? null,
        });
      } else {
        // 资助: 特困 in full, 低保 and 建档立卡 in part, 监测对象 too; a 2020 边缘户 member sometimes not.
        const category = p.tekun ? '01' : p.dibao ? '02' : isPoor(h) ? '03' : rng.chance(0.6) ? '05' : '06';
        const subsidy = category === '01' ? PREMIUM : category === '02' ? 200 : category === '06' ? 0 : 100;
        const chronic = p.health.includes('02') && rng.chance(0.6);
        Object.assign(values, {
          employee_insured: 0,
          subsidy_category: category,
          subsidy_amount: category === '06' ? null : subsidy,
          personal_paid: PREMIUM - subsidy,
          medical_assistance: p.dibao || p.tekun || p.health.includes('03') ? 1 : 0,
          chronic_card: chronic ? 1 : 0,
          chronic_disease: chronic ? rng.pick(CHRONIC) : null,
          family_doctor: rng.chance(0.96) ? 1 : 0,
        });
      }
      write.add('medical_insurance', { person_id: p.id }, values);
    }
  }
}

const DROPOUT_REASON = weighted([['03', 45], ['04', 25], ['05', 12], ['01', 8], ['06', 5], ['02', 5]]); // prettier-ignore
/** 在校生状况 of 小学 and 七–九年级 (the register's codes). */
const COMPULSORY = new Set(['03', '04', '05', '06']);

export function fillEducation(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  const pupils = c.households.flatMap((h) =>
    isPoor(h)
      ? h.members
          .filter((p) => p.age >= 6 && p.age <= 15 && p.school !== null && COMPULSORY.has(p.school))
          .map((p) => ({ h, p }))
      : [],
  );
  // 1% drop out (at least one in any sample), a third of them still out, the others 劝返 back.
  const able = pupils.filter(({ p }) => !p.health.includes('04'));
  const dropouts = new Map(
    sample(rng, able, Math.max(1, Math.round(able.length * 0.01))).map(
      (x, k) => [x.p.id, k % 3 === 0 ? 'out' : 'back'] as const,
    ),
  );
  for (const { h, p } of pupils) {
    const village = c.villages.find((v) => v.code === h.village);
    const guardian = h.members.find((m) => m.age >= 18 && m.age < 75);
    {
      // 七–九年级 as the register says; 小学 by age (6 → 一年级, 12 → 六年级).
      const junior = p.school !== '03';
      const grade = `0${junior ? Number(p.school) + 3 : Math.min(6, Math.max(1, p.age - 5))}`;
      // Severely disabled children are taught at home (送教上门) or exempt.
      const state = p.health.includes('04')
        ? rng.chance(0.6)
          ? 'home'
          : 'exempt'
        : (dropouts.get(p.id) ?? 'in');
      const school = `${village?.townshipName ?? ''}${grade <= '06' ? '中心小学' : '初级中学'}`;
      const dropped = state === 'out' || state === 'back' ? dayIn(rng, year, 3, 9) : null;
      const returned = state === 'back' && dropped ? later(rng, dropped, 7, 60) : null;
      const parent = write.add(
        'compulsory_education',
        { person_id: p.id },
        {
          school: state === 'exempt' ? null : school,
          grade,
          attendance: state === 'home' ? '03' : state === 'exempt' ? '04' : state === 'out' ? '02' : '01',
          dropout_reason: dropped ? DROPOUT_REASON(rng) : null,
          dropout_date: dropped,
          return_date: returned,
          guardian: guardian?.name ?? h.head,
          guardian_phone: guardian?.phone ?? h.phone,
          responsible: someName(rng),
          aid: rng.chance(0.7) ? '义务教育营养改善计划' : null,
        },
      );
      if (!dropped) continue;
      let date = dropped;
      const visits = rng.int(1, 3);
      for (let i = 1; i <= visits; i++) {
        date = later(rng, date, 3, returned ? 15 : 40);
        if (returned && date > returned) date = returned;
        const last = i === visits || (returned !== null && date === returned);
        write.add(
          'dropout_persuasion',
          { person_id: p.id, parent_id: parent },
          {
            date,
            persuader: someName(rng),
            persuader_unit: rng.pick(['村委会主任', '学校班主任', '乡镇教育组干部', '驻村工作队员'] as const),
            method: last && returned ? '03' : rng.pick(['01', '02'] as const),
            result: !last ? '03' : returned ? '01' : rng.pick(['02', '03'] as const),
            situation: last && returned ? '经联合劝返已返校就读' : '家长表示将做孩子工作',
          },
        );
        if (returned && date === returned) break;
      }
    }
  }
}

export function fillWater(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  for (const h of c.households) {
    if (!isPoor(h)) continue;
    const solved = rng.chance(0.997);
    const piped = rng.chance(0.72);
    const fixed = solved && rng.chance(0.06);
    write.add(
      'drinking_water',
      { household_id: h.id },
      {
        solved: solved ? 1 : 0,
        source_type: piped ? '01' : rng.chance(0.9) ? '02' : '05',
        problems: solved ? null : rng.pick(['01', '03', '01,04', '05'] as const),
        measure: fixed ? rng.pick(['01', '03', '05'] as const) : null,
        solved_date: fixed ? dayIn(rng, year, 3, 11) : null,
        water_quality_tested: piped ? 1 : rng.chance(0.8) ? 1 : null,
      },
    );
  }
}

const LOAN_INDUSTRY = weighted([['02', 40], ['01', 35], ['05', 8], ['03', 7], ['04', 6], ['06', 4]]); // prettier-ignore
const PURPOSE: Record<string, string> = {
  '01': '种植香菇、茶叶', '02': '养殖生猪、山羊', '03': '农产品加工', '04': '开办小卖部', '05': '农家乐', '06': '购置农用车',
}; // prettier-ignore
const BANK = ['县农村商业银行', '中国邮政储蓄银行', '中国农业银行'] as const;

export function fillMicroCredit(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  let serial = 0;
  const yearEnd = `${year}-12-31`;
  const borrowers = c.households.filter(
    (h) => isPoor(h) && (h.members[0]?.age ?? 0) >= 18 && (h.members[0]?.age ?? 99) <= 65,
  );
  for (const h of someOf(rng, borrowers, 0.13)) {
    const head = h.members[0];
    if (!head) continue;
    serial += 1;
    const amount = rng.chance(0.7) ? 50_000 : rng.int(2, 9) * 5_000;
    const term = rng.chance(0.8) ? 36 : rng.pick([12, 24] as const);
    const loanDate = dayIn(rng, year - rng.int(0, 3), 1, 12);
    const due = addMonths(loanDate, term) ?? loanDate;
    const industry = LOAN_INDUSTRY(rng);
    const matured = due <= yearEnd;
    const r = rng.next();
    // Matured loans are mostly paid back; a few run 逾期 or are 展期/续贷, the epidemic behind many.
    const overdue = r < 0.03;
    const extended = !overdue && r < 0.08;
    const repaid = matured && !overdue && !extended ? amount : money((amount * rng.int(0, 6)) / 10);
    const overdueAmount = overdue ? Math.min(amount - repaid, rng.int(1, 10) * 5_000) : null;
    write.add(
      'micro_credit',
      { household_id: h.id },
      {
        contract_no: `${c.countyCode}${loanDate.slice(0, 4)}${String(serial).padStart(6, '0')}`,
        borrower_name: head.name,
        borrower_id_number: head.idNumber,
        borrower_phone: head.phone,
        amount,
        term_months: term,
        rate: 4.35,
        bank: rng.pick(BANK),
        loan_date: loanDate,
        purpose: PURPOSE[industry] ?? null,
        industry,
        use_mode: rng.chance(0.85) ? '01' : rng.pick(['02', '03'] as const),
        repaid,
        repaid_date: repaid > 0 ? later(rng, loanDate, 30, 360) : null,
        extension_type: extended ? rng.pick(['01', '02'] as const) : null,
        extension_due_date: extended ? addMonths(due, rng.pick([6, 12] as const)) : null,
        overdue_amount: overdueAmount !== null && overdueAmount > 0 ? overdueAmount : null,
        overdue_date: overdueAmount !== null && overdueAmount > 0 ? later(rng, loanDate, 90, 300) : null,
        covid_affected:
          (overdueAmount !== null && overdueAmount > 0) || extended ? (rng.chance(0.6) ? 1 : 0) : 0,
        interest_subsidy: money(((amount - repaid / 2) * 4.35 * Math.min(term, 12)) / 1200),
      },
    );
  }
}

const DIBAO_CATEGORY = weighted([['01', 15], ['02', 35], ['03', 35], ['04', 15]]); // prettier-ignore
const DISABILITY = weighted([['04', 45], ['01', 12], ['02', 10], ['03', 3], ['05', 12], ['06', 13], ['07', 5]]); // prettier-ignore
const GRADE = weighted([['01', 10], ['02', 20], ['03', 30], ['04', 40]]); // prettier-ignore

export function fillBasicAssistance(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  for (const h of c.households) {
    const dibaoCategory = DIBAO_CATEGORY(rng);
    const dibaoStart = dayIn(rng, year - rng.int(0, 5), 1, 12);
    for (const p of h.members) {
      const disabled = p.health.includes('04');
      if (!p.dibao && !p.tekun && !disabled) continue;
      const category = disabled ? DISABILITY(rng) : null;
      const grade = disabled ? GRADE(rng) : null;
      write.add(
        'basic_assistance',
        { person_id: p.id },
        {
          dibao: p.dibao,
          dibao_category: p.dibao ? dibaoCategory : null,
          dibao_start: p.dibao ? dibaoStart : null,
          dibao_monthly: p.dibao ? ([0, 380, 300, 220, 150][Number(dibaoCategory)] ?? 150) : null,
          tekun: p.tekun,
          tekun_mode: p.tekun ? (rng.chance(0.85) ? '01' : '02') : null,
          tekun_monthly: p.tekun ? 560 : null,
          disabled: disabled ? 1 : 0,
          disability_category: category,
          disability_grade: grade,
          disability_card_no: disabled ? `${p.idNumber}${Number(category)}${Number(grade)}` : null,
          living_subsidy: disabled && (p.dibao || p.tekun) ? 1 : disabled ? 0 : null,
          nursing_subsidy: disabled ? (grade === '01' || grade === '02' ? 1 : 0) : null,
        },
      );
    }
  }
}

const RELIEF_REASON = weighted([['01', 40], ['02', 30], ['03', 10], ['04', 8], ['06', 7], ['07', 5]]); // prettier-ignore

export function fillTemporaryRelief(c: LedgerDemoContext): void {
  const { rng, year, write } = c;
  for (const h of someOf(rng, c.households, 0.03)) {
    const reason = RELIEF_REASON(rng);
    const goods = reason === '01' && rng.chance(0.5);
    write.add(
      'temporary_relief',
      { household_id: h.id },
      {
        relief_date: reason === '01' ? dayIn(rng, year, 2, 4) : dayIn(rng, year, 1, 12),
        reason,
        people: Math.min(30, Math.max(1, h.members.length)),
        cash: goods ? null : rng.int(5, 30) * 100,
        rice: goods ? 25 : null,
        oil: goods ? 5 : null,
        goods_value: goods ? 200 : null,
        handler: someName(rng),
      },
    );
  }
}

export function fillRelocation(c: LedgerDemoContext): void {
  const { rng, write } = c;
  for (const h of someOf(rng, c.households.filter(isPoor), 0.05)) {
    const township = c.villages.find((v) => v.code === h.village)?.townshipName ?? '';
    const persons = Math.min(30, Math.max(1, h.members.length));
    const moveYear = rng.int(2016, 2019);
    const concentrated = rng.chance(0.75);
    const movedIn = rng.chance(0.95);
    const moveIn = movedIn ? dayIn(rng, moveYear, 6, 12) : null;
    const demolished = movedIn && rng.chance(0.85);
    const reclaimed = demolished && rng.chance(0.8);
    write.add(
      'relocation',
      { household_id: h.id },
      {
        relocation_year: moveYear,
        relocation_mode: rng.chance(0.9) ? '03' : '02',
        settlement_mode: concentrated ? '01' : '02',
        settlement_place: concentrated ? rng.pick(['01', '02', '02', '04'] as const) : '05',
        site_name: concentrated
          ? `${township}${rng.pick(['幸福', '新村', '安居', '阳光'] as const)}安置点`
          : null,
        persons,
        house_area: Math.min(1000, 25 * persons),
        subsidy: persons * 20_000,
        key_handed: 1,
        moved_in: movedIn ? 1 : 0,
        move_in_date: moveIn,
        demolished: demolished ? 1 : 0,
        demolish_date: demolished && moveIn ? later(rng, moveIn, 10, 120) : null,
        reclaimed: reclaimed ? 1 : 0,
        reclaim_area: reclaimed ? money(rng.int(2, 10) / 10) : null,
        follow_up: rng.pick(['产业奖补', '公益性岗位', '扶贫车间就业', '技能培训'] as const),
      },
    );
  }
}
