// Rules for one household member, used while typing (renderer) and again on save (core).
import { codeLabel, RELATION_IMPLIED_SEX, CODE_TABLES } from '../code-tables/index.ts';
import { PERSON_ENTRY_FIELDS, type PersonEntry } from '../fields/entry-fields.ts';
import { parseIdNumber, type IdCheck, type IdInfo } from '../id-number.ts';
import type { FieldDef } from '../fields/define.ts';
import type { Issue } from './issue.ts';
import { checkFieldValues, type CodeTables } from './value-rules.ts';

export interface PersonCheckOptions {
  tables?: CodeTables;
  today?: string;
  /** What parseIdNumber(p.id_number) gives, when the caller has parsed it already (imports). */
  idInfo?: IdInfo | null;
  /**
   * The values came through the importer's normaliser, which already refused unknown codes, integers out
   * of range and malformed numbers: only what it does not check is checked again (required fields, phone
   * formats, decimal ranges) — a 400,000-row import spent a second re-checking the rest.
   */
  normalized?: boolean;
}

const RECHECKED_AFTER_NORMALIZING: readonly FieldDef[] = (PERSON_ENTRY_FIELDS as readonly FieldDef[]).filter(
  (f) => f.required === true || f.type === 'phone' || f.type === 'decimal',
);

export function checkPerson(p: Readonly<Partial<PersonEntry>>, options: PersonCheckOptions = {}): Issue[] {
  const tables = options.tables ?? CODE_TABLES;
  const issues = checkFieldValues(
    options.normalized ? RECHECKED_AFTER_NORMALIZING : PERSON_ENTRY_FIELDS,
    p,
    tables,
  );
  const idText = p.id_number ?? '';
  if (idText !== '') {
    const parsed: IdCheck = options.idInfo
      ? { ok: true, info: options.idInfo }
      : parseIdNumber(idText, options.today ? { today: options.today } : {});
    if (!parsed.ok) {
      issues.push({ field: 'id_number', level: 'error', message: parsed.message });
    } else {
      const { info } = parsed;
      if (info.flagged && info.note)
        issues.push({ field: 'id_number', level: 'warning', message: info.note });
      if (info.normalized !== idText) {
        issues.push({
          field: 'id_number',
          level: 'warning',
          message: `证件号码将保存为 ${info.normalized}`,
          fix: { field: 'id_number', value: info.normalized, label: '规范写法' },
        });
      }
      if (info.birthDate && p.birth_date && p.birth_date !== info.birthDate) {
        issues.push({
          field: 'birth_date',
          level: 'error',
          message: `证件号码显示出生日期为 ${info.birthDate}，与所填的 ${p.birth_date} 不符`,
          fix: { field: 'birth_date', value: info.birthDate, label: '按证件号码填写' },
        });
      } else if (info.birthDate && !p.birth_date) {
        issues.push({
          field: 'birth_date',
          level: 'warning',
          message: `出生日期未填，证件号码中为 ${info.birthDate}`,
          fix: { field: 'birth_date', value: info.birthDate, label: '按证件号码填写' },
        });
      }
      if (info.sex && p.sex && p.sex !== info.sex) {
        issues.push({
          field: 'sex',
          level: 'error',
          message: `证件号码显示为${codeLabel(tables.sex, info.sex)}，与所填性别“${codeLabel(tables.sex, p.sex)}”不符`,
          fix: { field: 'sex', value: info.sex, label: '按证件号码填写' },
        });
      } else if (info.sex && !p.sex) {
        issues.push({
          field: 'sex',
          level: 'warning',
          message: `性别未填，证件号码显示为${codeLabel(tables.sex, info.sex)}`,
          fix: { field: 'sex', value: info.sex, label: '按证件号码填写' },
        });
      }
    }
  }
  const implied = p.relation ? RELATION_IMPLIED_SEX[p.relation] : undefined;
  if (implied && p.sex && (p.sex === '1' || p.sex === '2') && p.sex !== implied) {
    issues.push({
      field: 'relation',
      level: 'error',
      message: `与户主关系为“${codeLabel(tables.relation, p.relation)}”，性别应为${codeLabel(tables.sex, implied)}`,
    });
  }
  if (p.education && p.school_status && p.school_status !== '01') {
    issues.push({
      field: 'school_status',
      level: 'warning',
      message: '文化程度与在校生状况只应填写其中一项（在校生填在校生状况）',
    });
  }
  return issues;
}

export interface MemberSummary {
  id?: number;
  name: string;
  relation: string;
  sex: string;
}

/** 户-level member rules: exactly one 户主, at most one 配偶, 户主 and 配偶 of different sex. */
export function checkMembers(members: readonly MemberSummary[]): Issue[] {
  const issues: Issue[] = [];
  const heads = members.filter((m) => m.relation === '01');
  if (heads.length === 0)
    issues.push({ field: 'relation', level: 'error', message: '本户没有户主，每户必须有且只有一个户主' });
  if (heads.length > 1) {
    issues.push({
      field: 'relation',
      level: 'error',
      message: `本户有 ${heads.length} 个户主（${heads.map((h) => h.name).join('、')}），每户只能有一个户主`,
    });
  }
  const spouses = members.filter((m) => m.relation === '02');
  if (spouses.length > 1) {
    issues.push({
      field: 'relation',
      level: 'error',
      message: `本户有 ${spouses.length} 个配偶（${spouses.map((s) => s.name).join('、')}），最多只能有一个`,
    });
  }
  const head = heads[0];
  const spouse = spouses[0];
  if (
    heads.length === 1 &&
    spouses.length === 1 &&
    head &&
    spouse &&
    head.sex === spouse.sex &&
    (head.sex === '1' || head.sex === '2')
  ) {
    issues.push({
      field: 'sex',
      level: 'error',
      message: `户主 ${head.name} 与配偶 ${spouse.name} 性别相同`,
    });
  }
  return issues;
}
