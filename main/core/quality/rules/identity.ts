// 身份与结构: the entry rules of shared/rules (证件号码, 出生日期, 性别, 与户主关系, 户主/配偶) run over the
// whole register — the same functions the form and the importer use, not a second copy — plus the
// county-wide checks an entry form cannot make (duplicates, 人数 vs members, values repeated differently).
import { codeLabel, CODE_TABLES } from '../../../../shared/code-tables/index.ts';
import { maskIdNumber } from '../../../../shared/mask.ts';
import { checkMembers, checkPerson } from '../../../../shared/rules/person-rules.ts';
import type { Issue } from '../../../../shared/rules/issue.ts';
import { defineRule, type FindingRow, type RuleContext } from './rule.ts';
import { age, HOUSEHOLD_COLUMNS, personSql, SCOPE } from './sql-parts.ts';

interface PersonEntryRow extends FindingRow {
  household_no: string;
  name: string;
  id_number: string;
  sex: string;
  birth_date: string | null;
  relation: string;
  education: string | null;
  school_status: string | null;
}

interface PersonIssues {
  row: PersonEntryRow;
  issues: Issue[];
}

/** checkPerson over every active person in scope, once per run (its result feeds several rules). */
function personIssues(ctx: RuleContext): PersonIssues[] {
  return ctx.memo('person-entry-issues', () => {
    const rows = ctx.ledger.sqlite
      .prepare(
        personSql(
          'p.id_number, p.sex, p.birth_date, p.relation, p.education, p.school_status',
          // 20/22-digit 残疾人证号 and 999999 placeholders are flagged at import and have their own rule.
          'p.id_flagged = 0',
        ),
      )
      .all(ctx.params) as PersonEntryRow[];
    const out: PersonIssues[] = [];
    for (const row of rows) {
      const issues = checkPerson(
        {
          ...row,
          birth_date: row.birth_date ?? undefined,
          education: row.education ?? undefined,
          school_status: row.school_status ?? undefined,
        },
        { normalized: true, today: String(ctx.params.today) },
      ).filter((i) => i.level === 'error' || i.field === 'school_status');
      if (issues.length > 0) out.push({ row, issues });
    }
    return out;
  });
}

/** A rule made of the shared entry rule's issues on some fields. */
function entryRule(fields: readonly string[], values: (r: PersonEntryRow) => Record<string, string | null>) {
  return (ctx: RuleContext): FindingRow[] =>
    personIssues(ctx).flatMap(({ row, issues }) => {
      const hit = issues.filter((i) => i.field !== null && fields.includes(i.field));
      if (hit.length === 0) return [];
      return [
        {
          household_id: row.household_id,
          person_id: row.person_id,
          record_id: null,
          region_code: row.region_code,
          household_no: row.household_no,
          name: row.name,
          ...values(row),
          problem: hit.map((i) => i.message).join('；'),
        },
      ];
    });
}

const who = (r: Readonly<FindingRow>) => `户 ${r.household_no} 成员 ${r.name}`;

export const identityRules = [
  defineRule({
    id: 'P-ID-01',
    level: '错误',
    scope: '人',
    family: '身份与结构',
    title: '证件号码校验不通过',
    description: '18 位证件号码的校验码、出生日期或地区码不正确（GB 11643，与录入时同一规则）。',
    run: entryRule(['id_number'], (r) => ({ id_number: r.id_number })),
    message: (r) => `${who(r)}：证件号码 ${maskIdNumber(String(r.id_number))} ${r.problem}`,
  }),
  defineRule({
    id: 'P-ID-02',
    level: '错误',
    scope: '人',
    family: '身份与结构',
    title: '证件号码重复（前 18 位）',
    description: '全县范围内两人的证件号码前 18 位相同（含残疾人证号等 20/22 位号码）。',
    sql: personSql(
      `p.id_number, (SELECT group_concat(h2.household_no || ' ' || p2.name, '、') FROM persons p2 JOIN households h2 ON h2.id = p2.household_id
         WHERE p2.status = 'active' AND p2.id <> p.id AND substr(p2.id_number, 1, 18) = substr(p.id_number, 1, 18)) AS others`,
      `substr(p.id_number, 1, 18) IN (SELECT substr(id_number, 1, 18) FROM persons WHERE status = 'active'
         GROUP BY substr(id_number, 1, 18) HAVING COUNT(*) > 1)`,
    ),
    message: (r) => `${who(r)}：证件号码 ${maskIdNumber(String(r.id_number))} 前 18 位与 ${r.others} 重复`,
  }),
  defineRule({
    id: 'P-ID-03',
    level: '疑点',
    scope: '人',
    family: '身份与结构',
    title: '非标准证件号码',
    description: '证件号码为 20/22 位残疾人证号或 999999 开头的临时号码，需核实并换成居民身份证号码。',
    sql: personSql('p.id_number', 'p.id_flagged = 1'),
    message: (r) => `${who(r)}：证件号码 ${maskIdNumber(String(r.id_number))} 不是标准的 18 位居民身份证号码`,
  }),
  defineRule({
    id: 'P-ID-04',
    level: '错误',
    scope: '人',
    family: '身份与结构',
    title: '出生日期、性别与证件号码不符',
    description: '出生日期或性别与证件号码中的不一致（与录入时同一规则）。',
    run: entryRule(['birth_date', 'sex'], (r) => ({
      id_number: r.id_number,
      birth_date: r.birth_date,
      sex: r.sex,
    })),
    message: (r) => `${who(r)}：${r.problem}`,
  }),
  defineRule({
    id: 'P-REL-01',
    level: '错误',
    scope: '人',
    family: '身份与结构',
    title: '与户主关系与性别不符',
    description: '之子、之父等只能是男性，之女、之母等只能是女性（与录入时同一规则）。',
    run: entryRule(['relation'], (r) => ({ relation: r.relation, sex: r.sex })),
    message: (r) => `${who(r)}：${r.problem}`,
  }),
  defineRule({
    id: 'P-REL-02',
    level: '疑点',
    scope: '人',
    family: '身份与结构',
    title: '与户主关系与年龄不符',
    description: '子女（含儿媳、女婿）比户主年轻不到 12 岁，或父母（含岳父母、公婆）比户主年长不到 12 岁。',
    sql: personSql(
      `p.relation, p.birth_date, hd.birth_date AS head_birth, ${age('p.birth_date')} AS age, ${age('hd.birth_date')} AS head_age`,
      `p.birth_date IS NOT NULL AND hd.birth_date IS NOT NULL AND (
         (p.relation IN ('03', '04', '05', '06') AND ${age('p.birth_date')} > ${age('hd.birth_date')} - 12)
         OR (p.relation IN ('11', '12', '13', '14', '15', '16') AND ${age('p.birth_date')} < ${age('hd.birth_date')} + 12))`,
      `JOIN persons hd ON hd.household_id = h.id AND hd.relation = '01' AND hd.status = 'active'`,
    ),
    message: (r) =>
      `${who(r)}：与户主关系为“${codeLabel(CODE_TABLES.relation, String(r.relation))}”，但 ${r.age} 岁，户主 ${r.head_age} 岁`,
  }),
  defineRule({
    id: 'P-EDU-01',
    level: '错误',
    scope: '人',
    family: '身份与结构',
    title: '文化程度与在校生状况同时填写',
    description: '文化程度与在校生状况只应填写其中一项（与录入时同一规则）。',
    run: entryRule(['school_status'], (r) => ({ education: r.education, school_status: r.school_status })),
    message: (r) => `${who(r)}：${r.problem}`,
  }),
  defineRule({
    id: 'H-STR-01',
    level: '错误',
    scope: '户',
    family: '身份与结构',
    title: '户主、配偶人数或性别不对',
    description: '每户有且只有一个户主、最多一个配偶，户主与配偶性别不同（与录入时同一规则）。',
    run: (ctx) => {
      const rows = ctx.ledger.sqlite
        .prepare(
          `SELECT ${HOUSEHOLD_COLUMNS}, group_concat(p.id || '|' || p.name || '|' || p.relation || '|' || p.sex, ';') AS members
           FROM households h JOIN persons p ON p.household_id = h.id AND p.status = 'active'
           WHERE h.status = 'active' AND ${SCOPE}
           GROUP BY h.id
           HAVING SUM(p.relation = '01') <> 1 OR SUM(p.relation = '02') > 1
             OR (SUM(p.relation = '02') = 1 AND MAX(CASE WHEN p.relation = '01' THEN p.sex END) = MAX(CASE WHEN p.relation = '02' THEN p.sex END))`,
        )
        .all(ctx.params) as FindingRow[];
      return rows.flatMap((row) => {
        const members = String(row.members)
          .split(';')
          .map((m) => {
            const [id, name, relation, sex] = m.split('|');
            return { id: Number(id), name: name ?? '', relation: relation ?? '', sex: sex ?? '' };
          });
        const issues = checkMembers(members);
        return issues.length === 0 ? [] : [{ ...row, problem: issues.map((i) => i.message).join('；') }];
      });
    },
    message: (r) => `户 ${r.household_no}（户主 ${r.name ?? '未填'}）：${r.problem}`,
  }),
  defineRule({
    id: 'H-CNT-01',
    level: '错误',
    scope: '户',
    family: '身份与结构',
    title: '家庭人口数与成员不符',
    description: '户的家庭人口数与登记在册（未注销）的成员人数不一致。',
    sql: `SELECT ${HOUSEHOLD_COLUMNS}, h.member_count, COUNT(p.id) AS listed
      FROM households h LEFT JOIN persons p ON p.household_id = h.id AND p.status = 'active'
      WHERE h.status = 'active' AND ${SCOPE} GROUP BY h.id HAVING h.member_count <> COUNT(p.id)`,
    message: (r) => `户 ${r.household_no}：家庭人口数为 ${r.member_count}，登记在册的成员有 ${r.listed} 人`,
  }),
  defineRule({
    id: 'H-REP-01',
    level: '错误',
    scope: '户',
    family: '身份与结构',
    title: '户主姓名或证件号码前后不一',
    description: '户上的户主姓名、户主证件号码与成员中“户主”一行的姓名、证件号码不同。',
    sql: `SELECT ${HOUSEHOLD_COLUMNS}, h.head_id_number, p.name AS member_name, p.id_number AS member_id
      FROM households h JOIN persons p ON p.household_id = h.id AND p.status = 'active' AND p.relation = '01'
      WHERE h.status = 'active' AND ${SCOPE}
        AND ((h.head_name IS NOT NULL AND h.head_name <> p.name) OR (h.head_id_number IS NOT NULL AND h.head_id_number <> p.id_number))`,
    message: (r) =>
      `户 ${r.household_no}：户主姓名/证件号码填为“${r.name ?? ''} ${maskIdNumber(String(r.head_id_number ?? ''))}”，成员中的户主是“${r.member_name} ${maskIdNumber(String(r.member_id))}”`,
  }),
  defineRule({
    id: 'H-TYP-01',
    level: '错误',
    scope: '户',
    family: '身份与结构',
    title: '户类型与脱贫状态矛盾',
    description: '贫困户却已脱贫，或脱贫户却填未脱贫/返贫。',
    sql: `SELECT ${HOUSEHOLD_COLUMNS}, h.household_type, h.poverty_status FROM households h
      WHERE h.status = 'active' AND ${SCOPE}
        AND ((h.household_type = '1' AND h.poverty_status IN ('1', '4')) OR (h.household_type = '2' AND h.poverty_status IN ('0', '3')))`,
    message: (r) =>
      `户 ${r.household_no}：户类型为“${codeLabel(CODE_TABLES.household_type, String(r.household_type))}”，脱贫状态却是“${codeLabel(CODE_TABLES.poverty_status, String(r.poverty_status))}”`,
  }),
];
