// Rows → households with their members: values normalised per field, repeated household values checked
// to agree, rows placed in the region tree, file-level rules (duplicate IDs, one 户主 per household).
import { CODE_TABLES } from '../../../shared/code-tables/index.ts';
import {
  normalizeIdCell,
  normalizeValue,
  numberCellText,
  resolveBirthMonth,
  type Normalized,
} from '../../../shared/import/normalize.ts';
import type { FieldDef } from '../../../shared/fields/define.ts';
import { PERSON_FIELDS } from '../../../shared/fields/person-fields.ts';
import { keyColumnsProblem } from '../../../shared/import/key-columns.ts';
import { targetByKey } from '../../../shared/import/targets.ts';
import { displayValue } from '../../../shared/audit-text.ts';
import { checkMembers, checkPerson } from '../../../shared/rules/person-rules.ts';
import { idPersonKey, type IdInfo } from '../../../shared/id-number.ts';
import type { PersonEntry } from '../../../shared/fields/entry-fields.ts';
import type {
  ImportIssue,
  ImportSettings,
  ImportTable,
  ParsedHousehold,
  ParsedPerson,
  Values,
} from './import-types.ts';
import { issueCollector } from './import-types.ts';
import { boundedMemo } from './bounded-memo.ts';
import { textIn } from './read/sheet-rows.ts';
import type { PlaceResolver } from './place-resolver.ts';
import { addressCodeChecker } from '../persons/id-registry.ts';
import type { RegionCatalog } from '../regions/catalog.ts';

export interface ParseResult {
  households: ParsedHousehold[];
  issues: ImportIssue[];
  /** The village used for rows without place columns (chosen, or read from the title). */
  regionCode: string | null;
}

/** Unique values (IDs, names, phones) would only fill a cache. */
const normalizerCaches = (field: FieldDef): boolean =>
  field.type !== 'id-number' && field.type !== 'phone' && field.type !== 'text';

/**
 * A column's distinct texts kept normalised, for one sheet. Enough for a county's 出生日期 (~34,000
 * distinct dates in 400,000 rows; at 10,000 two thirds of them were normalised again, ~0.2 s); the
 * cache lives only as long as the sheet's parse.
 */
const MAX_CACHED_TEXTS = 100_000;

/**
 * The normaliser of one column for one sheet: the same few values fill most cells of a column (汉族,
 * 健康, 是), so each distinct text is normalised once.
 */
function columnNormalizer(field: FieldDef): (text: string) => Normalized {
  const normalize = (text: string) => normalizeValue(field, text, CODE_TABLES);
  return normalizerCaches(field) ? boundedMemo(normalize, MAX_CACHED_TEXTS) : normalize;
}

/** Household fields where members' rows often differ in real exports (each member's own phone was
 * typed into 户联系电话): a disagreement is a warning and the 户主's row wins. */
const SOFT_HOUSEHOLD_FIELDS = new Set(['phone', 'address']);

interface RowValues {
  row: number;
  household: Values;
  person: Values;
  place: { township: string | null; village: string | null; group: string | null };
  columns: Record<string, string>;
  invalid: boolean;
  /** What parsing the person's 证件号码 found, so the row rules and the commit do not parse it again. */
  idInfo: IdInfo | null;
}

export function parseRows(
  table: ImportTable,
  settings: ImportSettings,
  places: PlaceResolver,
  catalog?: () => RegionCatalog,
): ParseResult {
  const { issues, issue, missingColumns } = issueCollector(table.sheet);
  const areaWarning = catalog ? addressCodeChecker(catalog) : () => null;
  const constants = Object.entries(settings.constants ?? {});
  const mapped = [
    ...settings.mapping.map((m) => ({ ...m, fixed: null as string | null })),
    // A whole-column value reads like a column whose every cell holds it.
    ...constants.map(([target, value]) => ({ index: -1, letter: '', target, fixed: value })),
  ].flatMap((m) => {
    const target = m.target ? targetByKey(m.target) : undefined;
    if (!target) return [];
    const normalize = target.field ? columnNormalizer(target.field) : null;
    return [
      {
        ...m,
        target,
        normalize,
        isPersonId: target.key === 'person.id_number',
        isBirthDate: target.key === 'person.birth_date',
        // The column's normalised value per distinct cell text (the column store's codes), for the fields whose
        // normaliser caches: no hashing of each cell's text.
        byCode: target.field && normalizerCaches(target.field) ? new Array<Normalized | undefined>() : null,
      },
    ];
  });
  type Mapped = (typeof mapped)[number];
  const has = (key: string) => mapped.some((m) => m.target.key === key);
  // Which column letter each target came from: one object for the whole sheet (not one per row).
  const columns: Record<string, string> = Object.fromEntries(
    mapped.filter((m) => m.fixed === null).map((m) => [m.target.key, m.letter]),
  );
  const keyProblem = keyColumnsProblem(null, has, settings.regionCode !== null);
  if (keyProblem !== null) {
    issue(0, null, null, keyProblem);
    return { households: [], issues, regionCode: settings.regionCode };
  }
  // Required person fields no column feeds (性别 comes from the 证件号码 when missing).
  const noColumn = new Set<string>(
    (PERSON_FIELDS as readonly FieldDef[])
      .filter((f) => f.required === true && f.column !== 'sex' && !has(`person.${f.column}`))
      .map((f) => f.column),
  );

  // Files without 村 columns and without a village chosen: the title or sheet name may say where they belong.
  let regionCode = settings.regionCode;
  const titleText = `${table.title ?? ''} ${table.sheet}`;
  // A township named in the title narrows the search for the 村 column's names.
  const titleTownship =
    regionCode === null && !has('place.township') ? (places.guessTownship(titleText)?.code ?? null) : null;
  // A 乡镇 chosen (本乡镇 by default) still lets the title name the village, within that township.
  const chosenTownship =
    regionCode !== null && places.node(regionCode)?.level === 'township' ? regionCode : null;
  if ((regionCode === null || chosenTownship !== null) && !has('place.village')) {
    const guess = places.guessVillage(titleText, chosenTownship);
    if (guess) {
      regionCode = guess.code;
      issue(
        table.rows.length > 0 ? table.rows.row(0) : 0,
        null,
        '村',
        `文件中没有村列，按标题/工作表名放入“${places.node(guess.parentCode ?? '')?.name ?? ''}${guess.name}”；如不对`,
        'warning',
        'region',
      );
    } else {
      issues.push({
        sheet: table.sheet,
        row: table.rows.length > 0 ? table.rows.row(0) : 0,
        column: null,
        field: '村',
        message: '文件中没有村列，标题和工作表名也看不出是哪个村',
        level: 'error',
        fix: 'region',
      });
      return { households: [], issues, regionCode };
    }
  }

  /** A cell's normalised value into the row, or its problem into the issues. */
  const take = (r: RowValues, m: Mapped, field: FieldDef, n: Normalized): void => {
    if (!n.ok) {
      issue(r.row, m.letter, field.label, n.message);
      r.invalid = true;
      return;
    }
    // A whole-column value's note was said when the clerk gave it.
    if (n.note && m.fixed === null) issue(r.row, m.letter, field.label, n.note, 'warning');
    if (n.value === null) return;
    (m.target.kind === 'household' ? r.household : r.person)[field.column] = n.value;
  };

  // 1. every cell of every row, normalised
  const source = table.rows;
  // Each mapped column's storage, read directly in the loop below (400,000 rows × 30 columns).
  const views = mapped.map((m) => (m.fixed === null ? source.column(m.index) : null));
  const rows: RowValues[] = [];
  for (let i = 0; i < source.length; i++) {
    const row = source.row(i);
    const k = source.index(i);
    const r: RowValues = {
      row,
      household: {},
      person: {},
      place: { township: null, village: null, group: null },
      columns,
      invalid: false,
      idInfo: null,
    };
    // 出生年月 without a day waits for the row's 证件号码, which gives the day.
    let birthMonth: {
      m: Mapped;
      field: FieldDef;
      n: Extract<Normalized, { ok: true }>;
      text: string;
      fromNumber: boolean;
    } | null = null;
    for (let j = 0; j < mapped.length; j++) {
      const m = mapped[j] as Mapped;
      const view = views[j] ?? null;
      let text = view === null ? (m.fixed ?? '') : textIn(view, k);
      if (m.target.kind === 'place') {
        const v = text.trim() === '' ? null : text.trim();
        if (m.target.key === 'place.township') r.place.township = v;
        else if (m.target.key === 'place.village') r.place.village = v;
        else r.place.group = v;
        continue;
      }
      const field = m.target.field;
      if (!field || !m.normalize) continue;
      const fromNumber = view !== null && view.numbers?.[k] === 1;
      if (fromNumber) {
        const digits = numberCellText(field, text);
        if (!digits.ok) {
          take(r, m, field, digits);
          continue;
        }
        text = digits.text;
      }
      let n: Normalized;
      if (m.isPersonId) {
        const id = normalizeIdCell(text);
        if (id.ok) r.idInfo = id.info;
        const area = id.ok && id.info ? areaWarning(id.info) : null;
        if (area !== null) issue(row, m.letter, field.label, area, 'warning');
        n = id;
      } else {
        const code = m.byCode !== null && !fromNumber && view?.codes ? (view.codes[k] ?? 0) : -1;
        n = code < 0 ? m.normalize(text) : (m.byCode?.[code] ?? (m.byCode![code] = m.normalize(text)));
      }
      if (m.isBirthDate && n.ok && n.month !== undefined) birthMonth = { m, field, n, text, fromNumber };
      else take(r, m, field, n);
    }
    if (birthMonth !== null) {
      const { m, field, n, text, fromNumber } = birthMonth;
      take(r, m, field, resolveBirthMonth(field, n, text, r.idInfo?.birthDate ?? null, fromNumber));
    }
    rows.push(r);
  }

  // 2. group into households: by 户编号, else a 户主 row starts the next household
  const groups: RowValues[][] = [];
  const byNo = new Map<string, RowValues[]>();
  let current: RowValues[] | null = null;
  for (const r of rows) {
    const no = r.household.household_no;
    if (typeof no === 'string' || typeof no === 'number') {
      const key = String(no);
      let g = byNo.get(key);
      if (!g) {
        g = [];
        byNo.set(key, g);
        groups.push(g);
      }
      g.push(r);
      continue;
    }
    if (has('household.household_no') && !r.invalid) {
      issue(
        r.row,
        mapped.find((m) => m.target.key === 'household.household_no')?.letter ?? null,
        '户编号',
        '户编号为空',
      );
      r.invalid = true;
    }
    // A row whose 与户主关系 cannot be read may be the next household's 户主: it starts a household of its
    // own, so the rows after it are held back (and listed) rather than added to the household above.
    if (r.person.relation === '01' || r.person.relation === undefined || current === null)
      groups.push((current = []));
    current.push(r);
  }

  // 3. households: repeated values must agree; place; members
  const seenIds = new Map<string, { row: number; id: string }>();
  const households: ParsedHousehold[] = groups.map((g) => {
    const first = g[0] as RowValues;
    const values: Values = {};
    let invalid = false;
    // The first household-level error: the reason the household's other rows are held back.
    let problem: ParsedHousehold['problem'] = null;
    // The 户主's row speaks for the household; other rows must agree with it (or with the first row).
    const lead = g.find((r) => r.person.relation === '01') ?? first;
    const ordered = [lead, ...g.filter((r) => r !== lead)];
    for (const r of ordered) {
      // for…in rather than Object.entries: no [key, value] array per cell (15 × 400,000 of them).
      for (const col in r.household) {
        const v = r.household[col] ?? null;
        if (!(col in values)) values[col] = v;
        else if (values[col] !== v) {
          const key = `household.${col}`;
          const label = targetByKey(key)?.label ?? col;
          const soft = SOFT_HOUSEHOLD_FIELDS.has(col);
          issue(
            r.row,
            r.columns[key] ?? null,
            label,
            `同一户的${label}不一致：第 ${lead.row} 行为“${displayValue('household', col, values[col] ?? null)}”，本行为“${displayValue('household', col, v)}”${soft ? '，按户主所在行导入' : ''}`,
            soft ? 'warning' : 'error',
          );
          if (!soft) {
            invalid = true;
            problem ??= { row: r.row, message: `同一户的${label}不一致` };
          }
        }
      }
    }
    const placeOf = (k: 'township' | 'village' | 'group') =>
      g.map((r) => r.place[k]).find((v) => v !== null) ?? null;
    const place = places.resolve(
      placeOf('township'),
      placeOf('village'),
      placeOf('group'),
      regionCode,
      titleTownship,
    );
    if (!place.ok) {
      issue(first.row, null, '村', place.message, 'error', place.fix);
      invalid = true;
      problem ??= { row: first.row, message: place.message };
    }
    const persons: ParsedPerson[] = g.map((r) => {
      let bad = r.invalid;
      const id = r.person.id_number;
      if (typeof id === 'string') {
        // The first 18 characters name the person: a 残疾人证号 repeats its holder's 身份证号.
        const key = idPersonKey(id);
        const prev = seenIds.get(key);
        if (prev !== undefined) {
          issue(
            r.row,
            r.columns['person.id_number'] ?? null,
            '证件号码',
            prev.id === id
              ? `证件号码与第 ${prev.row} 行重复`
              : `证件号码与第 ${prev.row} 行的前 18 位相同，是同一人的号码（残疾人证号为身份证号加残疾类别、等级），一人只能登记一次`,
          );
          bad = true;
        } else seenIds.set(key, { row: r.row, id });
      }
      if (!r.invalid) {
        fillFromId(r.person, r.idInfo);
        for (const i of checkPerson(r.person as Partial<PersonEntry>, {
          idInfo: r.idInfo,
          normalized: true,
        })) {
          // 出生日期/性别 missing are filled from the ID on commit, so only real contradictions count here.
          if (i.level !== 'error') continue;
          bad = true;
          if (i.field !== null && noColumn.has(i.field) && r.person[i.field] == null) {
            missingColumns.count(targetByKey(`person.${i.field}`)?.label ?? i.field);
            continue;
          }
          const key = i.field ? `person.${i.field}` : null;
          issue(
            r.row,
            key ? (r.columns[key] ?? null) : null,
            i.field ? (targetByKey(`person.${i.field}`)?.label ?? i.field) : null,
            i.message,
          );
        }
      }
      return {
        row: r.row,
        values: r.person,
        columns: r.columns,
        invalid: bad,
        idKind: r.idInfo?.kind ?? null,
        idFlagged: r.idInfo?.flagged ?? false,
      };
    });
    return {
      householdNo: typeof values.household_no === 'string' ? values.household_no : null,
      firstRow: first.row,
      values,
      villageCode: place.ok ? place.villageCode : null,
      groupCode: place.ok ? place.groupCode : null,
      newGroup: place.ok ? place.newGroup : null,
      persons,
      invalid,
      problem,
    };
  });
  missingColumns.report();
  return { households, issues, regionCode };
}

/** 户-level member rule on the final members (ledger members kept + file members), with the row to blame. */
export function memberRuleIssues(
  sheet: string,
  h: ParsedHousehold,
  members: Array<{ name: string; relation: string; sex: string }>,
): ImportIssue[] {
  // A member whose relation is unknown is reported already (blank cell, or no such column): who the
  // 户主 is cannot be judged without it.
  if (members.some((m) => m.relation === '')) return [];
  return checkMembers(members)
    .filter((i) => i.level === 'error')
    .map((i) => ({
      sheet,
      row: h.firstRow,
      column: null,
      field: '与户主关系',
      message: i.message,
      level: 'error' as const,
    }));
}

/** 出生日期 and 性别 left blank in the file come from the ID (the file's own values are checked against it). */
function fillFromId(person: Values, info: IdInfo | null): void {
  // No valid number, nothing to fill; a placeholder (999999…) has neither date nor sex.
  if (info === null) return;
  if (person.birth_date == null && info.birthDate) person.birth_date = info.birthDate;
  if (person.sex == null && info.sex) person.sex = info.sex;
}
