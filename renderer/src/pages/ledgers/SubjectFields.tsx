// What a new record hangs on, chosen by the ledger's subject: a person (search the county, or one of the
// household's members when opened from a household; with personOptional also someone outside the
// register), a household, a village/group (optionally a household of it), and the parent record of a
// child ledger. `subjectLink` turns the choice into the contract's link, or says what is missing.
import { useMemo } from 'react';
import { Form, Input, Select, Switch } from 'antd';
import type { RequestOf, ResponseOf } from '../../../../shared/contract/index.ts';
import { ledgerDef, type LedgerDef } from '../../../../shared/ledgers/index.ts';
import { api } from '../../api/transport.ts';
import { RegionPicker, type RegionPick } from '../../components/RegionPicker.tsx';
import { SearchSelect } from '../../components/SearchSelect.tsx';
import { HouseholdPicker } from '../households/HouseholdPicker.tsx';
import type { HouseholdRow } from '../households/useHouseholdRows.ts';
import { recordSubjectText, type LedgerRecord } from './ledger-display.tsx';

type PersonRow = ResponseOf<'persons.search'>['rows'][number];
export type RecordLink = RequestOf<'ledgers.create'>['link'];

/** A subject given by the page the form was opened from. */
export interface FixedSubject {
  /** Shown instead of a chooser ('户 4206…（张三）'). */
  label: string;
  personId?: number;
  householdId?: number;
  /** Opened from a household for a person ledger: the clerk picks one of these. */
  members?: readonly { id: number; name: string }[];
  /** Opened under a parent record. */
  parent?: LedgerRecord;
}

export interface SubjectChoice {
  person: PersonRow | null;
  memberId: number | null;
  household: HouseholdRow | null;
  place: RegionPick;
  outside: boolean;
  outsideName: string;
  outsideIdNumber: string;
  parent: LedgerRecord | null;
}

export const emptyChoice = (place: RegionPick): SubjectChoice => ({
  person: null,
  memberId: null,
  household: null,
  place,
  outside: false,
  outsideName: '',
  outsideIdNumber: '',
  parent: null,
});

const regionOf = (p: RegionPick): string | undefined =>
  p.group !== '' ? p.group : p.village !== '' ? p.village : undefined;

/** Where a problem with the choice is shown ('subject' or 'parent') and the input it is about. */
export type LinkProblem = { at: 'subject' | 'parent'; message: string; input: string };

/** The core's name for the 证件号码 of someone outside the register (in its issues). */
export const OUTSIDE_ID_FIELD = 'person_id_number';
export const OUTSIDE_ID_INPUT = 'record-outside-id';
const OUTSIDE_NAME_INPUT = 'record-outside-name';

export function subjectLink(
  def: LedgerDef,
  c: SubjectChoice,
  fixed: FixedSubject | undefined,
): { link: RecordLink } | { problem: LinkProblem } {
  const link: RecordLink = {};
  if (def.parent !== undefined) {
    const parentId = fixed?.parent?.id ?? c.parent?.id;
    if (parentId === undefined)
      return {
        problem: {
          at: 'parent',
          message: `请选择所属${ledgerDef(def.parent.ledger)?.name ?? '记录'}`,
          input: 'record-parent',
        },
      };
    link.parentId = parentId;
    if (def.parent.key === 'subject') return { link };
  }
  const householdId = fixed?.householdId ?? c.household?.id;
  switch (def.subject) {
    case 'person': {
      if (fixed?.personId !== undefined) return { link: { ...link, personId: fixed.personId } };
      if (fixed?.members !== undefined) {
        if (c.memberId === null)
          return { problem: { at: 'subject', message: '请选择本户的成员', input: 'record-member' } };
        return { link: { ...link, personId: c.memberId } };
      }
      if (def.personOptional === true && c.outside) {
        const name = c.outsideName.trim();
        const idNumber = c.outsideIdNumber.trim();
        if (name === '' || idNumber === '')
          return {
            problem: {
              at: 'subject',
              message: '请填写此人的姓名和证件号码',
              input: name === '' ? OUTSIDE_NAME_INPUT : OUTSIDE_ID_INPUT,
            },
          };
        const regionCode = regionOf(c.place);
        return {
          link: {
            ...link,
            personName: name,
            personIdNumber: idNumber,
            ...(regionCode ? { regionCode } : {}),
          },
        };
      }
      if (c.person === null)
        return { problem: { at: 'subject', message: '请选择人员', input: 'record-person' } };
      return { link: { ...link, personId: c.person.id } };
    }
    case 'household':
      if (householdId === undefined)
        return { problem: { at: 'subject', message: '请选择户', input: 'record-household' } };
      return { link: { ...link, householdId } };
    case 'region':
    case 'none': {
      const regionCode = regionOf(c.place);
      if (def.subject === 'region' && regionCode === undefined && householdId === undefined)
        return { problem: { at: 'subject', message: '请选择所在村（组）', input: 'record-place' } };
      return {
        link: {
          ...link,
          ...(regionCode !== undefined ? { regionCode } : {}),
          ...(householdId !== undefined ? { householdId } : {}),
        },
      };
    }
  }
}

/** The input the cursor starts in for a new record, or null when nothing is to be chosen. */
export function subjectFocusId(def: LedgerDef, fixed: FixedSubject | undefined): string | null {
  if (def.parent !== undefined && fixed?.parent === undefined) return 'record-parent';
  if (def.parent?.key === 'subject' || isFixed(fixed) || placedByParent(def)) return null;
  if (def.subject === 'person') return fixed?.members !== undefined ? 'record-member' : 'record-person';
  return def.subject === 'household' ? 'record-household' : 'record-place';
}

/** A free-standing child record (入库/出库 of a 物资) is where its parent is: no place of its own to pick. */
const placedByParent = (def: LedgerDef): boolean => def.parent !== undefined && def.subject === 'none';

/** The subject is given outright (a person, or a household for a non-person ledger). */
const isFixed = (fixed: FixedSubject | undefined): boolean =>
  fixed !== undefined &&
  (fixed.personId !== undefined || (fixed.householdId !== undefined && fixed.members === undefined));

const searchPersons = async (q: string) => {
  const r = await api.call('persons.search', { q, regionCode: null, status: 'active', offset: 0, limit: 30 });
  return r.ok ? { ok: true as const, value: r.value.rows } : r;
};

const describePerson = (p: PersonRow) =>
  `${p.name}  ${p.idMasked}  ${p.villageName}  ${p.householdNo} 户（户主 ${p.headName ?? '—'}）`;

export function SubjectFields(props: {
  def: LedgerDef;
  choice: SubjectChoice;
  onChange: (c: SubjectChoice) => void;
  fixed?: FixedSubject;
  /** Shown once the clerk tried to save. */
  problem: LinkProblem | null;
  /** The core's refusal of the 证件号码 of someone outside the register, while it is unchanged. */
  outsideIdError?: string;
}) {
  const { def, choice, onChange, fixed, problem, outsideIdError } = props;
  const set = (patch: Partial<SubjectChoice>) => onChange({ ...choice, ...patch });
  const parentDef = def.parent === undefined ? undefined : ledgerDef(def.parent.ledger);
  const status = (at: LinkProblem['at']) => (problem?.at === at ? 'error' : undefined);
  // Only the 证件号码 box turns red for the core's refusal of it (a status on the Form.Item would redden
  // the name and the place too); its message is red text of its own.
  const help = (at: LinkProblem['at']) =>
    problem?.at === at ? (
      problem.message
    ) : at === 'subject' && outsideIdError !== undefined ? (
      <span className="field-help-error">{outsideIdError}</span>
    ) : undefined;
  const inputStatus = (input: string) => (problem?.input === input ? 'error' : undefined);

  const searchParents = useMemo(
    () => async (q: string) => {
      if (parentDef === undefined) return { ok: true as const, value: [] };
      const r = await api.call('ledgers.records', {
        ledgerId: parentDef.id,
        regionCode: null,
        filters: {},
        ...(q !== '' ? { search: q } : {}),
        offset: 0,
        limit: 30,
      });
      return r.ok ? { ok: true as const, value: r.value.rows } : r;
    },
    [parentDef],
  );
  const parentKey = def.parent?.key;
  const describeParent = (r: LedgerRecord) => {
    const key = parentKey !== undefined && parentKey !== 'subject' ? r.values[parentKey] : null;
    const who = parentDef === undefined ? '' : recordSubjectText(parentDef, r);
    const parts = [key === null || key === undefined ? '' : String(key), who, r.subject.place].filter(
      (s) => s !== '',
    );
    return [...new Set(parts)].join('  '); // a 物资 is named by its key already
  };

  const parentItem = parentDef !== undefined && (
    <Form.Item
      label={`所属${parentDef.name}`}
      required
      htmlFor="record-parent"
      validateStatus={status('parent')}
      help={help('parent')}
    >
      {fixed?.parent !== undefined ? (
        <span className="ledger-fixed-subject" data-testid="record-parent-fixed">
          {describeParent(fixed.parent)}
        </span>
      ) : (
        <SearchSelect<LedgerRecord>
          id="record-parent"
          value={choice.parent}
          onChange={(parent) => set({ parent })}
          search={searchParents}
          searchEmpty
          rowKey={(r) => r.id}
          describe={describeParent}
          placeholder={`输入${parentDef.name}的名称、姓名或证件号码查找`}
          notFound={`没有找到相符的${parentDef.name}记录`}
          status={problem?.at === 'parent' ? 'error' : ''}
          testId="record-parent"
        />
      )}
    </Form.Item>
  );
  if (def.parent?.key === 'subject' || placedByParent(def))
    return (
      <Form layout="vertical" component="div">
        {parentItem}
      </Form>
    );

  const householdPicker = (
    <HouseholdPicker
      id="record-household"
      value={choice.household}
      onChange={(household) => set({ household })}
      status={problem?.at === 'subject' && def.subject === 'household' ? 'error' : ''}
      testId="record-household"
    />
  );

  let chooser;
  if (fixed !== undefined && isFixed(fixed)) {
    chooser = (
      <span className="ledger-fixed-subject" data-testid="record-subject-fixed">
        {fixed.label}
      </span>
    );
  } else if (def.subject === 'person' && fixed?.members !== undefined) {
    chooser = (
      <Select<number>
        id="record-member"
        value={choice.memberId ?? undefined}
        options={fixed.members.map((m) => ({ value: m.id, label: m.name }))}
        onChange={(memberId) => set({ memberId })}
        placeholder={`${fixed.label} 的成员`}
        status={status('subject')}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="record-member"
      />
    );
  } else if (def.subject === 'person') {
    chooser = (
      <div className="ledger-subject-person">
        {def.personOptional === true && (
          <label className="switch-label ledger-outside-switch">
            <Switch
              size="small"
              checked={choice.outside}
              onChange={(outside) => set({ outside })}
              data-testid="record-outside"
            />
            不在户籍台账中
          </label>
        )}
        {choice.outside ? (
          <div className="ledger-outside-fields">
            <Input
              id={OUTSIDE_NAME_INPUT}
              value={choice.outsideName}
              onChange={(e) => set({ outsideName: e.target.value })}
              placeholder="姓名"
              maxLength={50}
              status={inputStatus(OUTSIDE_NAME_INPUT)}
              aria-label="姓名"
              data-testid="record-outside-name"
            />
            <Input
              id={OUTSIDE_ID_INPUT}
              value={choice.outsideIdNumber}
              onChange={(e) => set({ outsideIdNumber: e.target.value })}
              placeholder="证件号码"
              maxLength={40}
              className="mono"
              status={inputStatus(OUTSIDE_ID_INPUT) ?? (outsideIdError !== undefined ? 'error' : undefined)}
              aria-label="证件号码"
              aria-invalid={outsideIdError !== undefined || problem?.input === OUTSIDE_ID_INPUT}
              data-testid="record-outside-id"
            />
            <RegionPicker
              value={choice.place}
              onChange={(place) => set({ place })}
              testId="record-outside-place"
            />
          </div>
        ) : (
          <SearchSelect<PersonRow>
            id="record-person"
            value={choice.person}
            onChange={(person) => set({ person })}
            search={searchPersons}
            rowKey={(p) => p.id}
            describe={describePerson}
            placeholder="输入姓名、证件号码（可只输后几位）查找"
            notFound="户籍台账中没有找到此人"
            status={problem?.at === 'subject' ? 'error' : ''}
            testId="record-person"
          />
        )}
      </div>
    );
  } else if (def.subject === 'household') {
    chooser = householdPicker;
  } else {
    chooser = (
      <div className="ledger-subject-place">
        <RegionPicker
          id="record-place"
          value={choice.place}
          onChange={(place) => set({ place })}
          status={problem?.at === 'subject' ? 'error' : ''}
          testId="record-place"
        />
        {fixed?.householdId === undefined && householdPicker}
      </div>
    );
  }

  const label =
    def.subject === 'person'
      ? '人员'
      : def.subject === 'household'
        ? '户'
        : def.subject === 'region'
          ? '所在村组（可选一户）'
          : '所在村组（可不填）';
  return (
    <Form layout="vertical" component="div" className="ledger-subject">
      {parentItem}
      <Form.Item
        label={label}
        required={def.subject !== 'none'}
        validateStatus={status('subject')}
        help={help('subject') && <span data-testid="record-subject-help">{help('subject')}</span>}
      >
        {chooser}
      </Form.Item>
    </Form>
  );
}
