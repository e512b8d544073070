// 新增户: where the household lives and its 户编号 (suggested per village), its 户主 and its own fields,
// saved together by households.create. Further members are added on the household page.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Typography } from 'antd';
import type { Issue } from '../../../../shared/rules/issue.ts';
import type { MemberSummary } from '../../../../shared/rules/person-rules.ts';
import type { AppError } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { draftGridProps, FieldGrid, focusFirstError } from '../../components/FieldGrid.tsx';
import { KeyboardForm } from '../../components/KeyboardForm.tsx';
import { pickFromRegion, RegionPicker, type RegionPick } from '../../components/RegionPicker.tsx';
import {
  HOUSEHOLD_FORM_FIELDS,
  HOUSEHOLD_WIDE,
  NEW_PERSON_DEFAULTS,
  PERSON_FORM_FIELDS,
} from '../../forms/form-fields.ts';
import { useHouseholdForm } from '../../forms/useHouseholdForm.ts';
import { usePersonForm } from '../../forms/usePersonForm.ts';
import { errorIssues } from '../../lib/api-errors.ts';
import { useConfirmDiscard } from '../../lib/confirm-discard.ts';
import { emptyDraft } from '../../lib/draft.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { useRoute } from '../../state/route.ts';
import { PersonFields } from '../persons/PersonFields.tsx';
import { HouseholdNoField } from './HouseholdNoField.tsx';
import { useHouseholdNo } from './useHouseholdNo.ts';

const HEAD_ONLY = new Set(['relation']);
/** The 户主 of a new household has no other members to be checked against. */
const NO_MEMBERS: readonly MemberSummary[] = [];
const PERSON_COLUMNS = new Set(PERSON_FORM_FIELDS.map((f) => f.column));
const HOUSEHOLD_COLUMNS = new Set(HOUSEHOLD_FORM_FIELDS.map((f) => f.column));

/** Splits the core's findings between the 户主 and the household form. */
function splitIssues(issues: readonly Issue[]): { head: Issue[]; household: Issue[] } {
  const head: Issue[] = [];
  const household: Issue[] = [];
  for (const i of issues) {
    const field = i.field ?? '';
    if (field.startsWith('head.')) head.push({ ...i, field: field.slice(5) });
    else if (field.startsWith('household.')) household.push({ ...i, field: field.slice(10) });
    else if (HOUSEHOLD_COLUMNS.has(field) && !PERSON_COLUMNS.has(field)) household.push(i);
    else if (PERSON_COLUMNS.has(field)) head.push(i);
  }
  return { head, household };
}

export function NewHouseholdPage() {
  const { selectedCode, forest } = useRegionSelection();
  const { replace, open, back } = useRoute();
  const confirmDiscard = useConfirmDiscard({ title: '放弃新增户？', content: '已填写的内容不会保存。' });

  const [initialPlace] = useState<RegionPick>(() => pickFromRegion(selectedCode, forest.byCode));
  const [place, setPlace] = useState<RegionPick>(initialPlace);
  const [startAtPlace] = useState(() => place.village === '');
  const householdNo = useHouseholdNo(place.village);
  const head = usePersonForm({
    initial: useMemo(() => emptyDraft(PERSON_FORM_FIELDS, { ...NEW_PERSON_DEFAULTS, relation: '01' }), []),
    otherMembers: NO_MEMBERS,
  });
  const household = useHouseholdForm(useMemo(() => emptyDraft(HOUSEHOLD_FORM_FIELDS), []));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();

  const placeError = head.submitted && place.village === '' ? '请选择所在村' : null;

  const save = async () => {
    head.setSubmitted(true);
    household.setSubmitted(true);
    if (place.village === '') {
      document.getElementById('new-household-place')?.focus();
      return;
    }
    if (head.hasErrors) return focusFirstError('head', PERSON_FORM_FIELDS, head.issues);
    if (household.hasErrors) return focusFirstError('household', HOUSEHOLD_FORM_FIELDS, household.issues);
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const no = householdNo.shown.trim();
    const result = await api.call('households.create', {
      regionCode: place.group !== '' ? place.group : place.village,
      ...(no !== '' ? { householdNo: no } : {}),
      household: household.entry,
      head: head.entry,
    });
    setBusy(false);
    if (result.ok) {
      replace({ page: 'household', id: result.value.id }, `户 ${result.value.householdNo}`);
      return;
    }
    setError(result.error);
    const split = splitIssues(errorIssues(result.error));
    head.setServerIssues(split.head);
    household.setServerIssues(split.household);
    if (split.head.length > 0) focusFirstError('head', PERSON_FORM_FIELDS, split.head);
    else focusFirstError('household', HOUSEHOLD_FORM_FIELDS, split.household);
  };

  const placeChanged = place.village !== initialPlace.village || place.group !== initialPlace.group;
  const dirty = head.dirty || household.dirty || placeChanged || householdNo.edited;
  const cancel = () => confirmDiscard(dirty, () => back());
  /** Leaving for the household that already has this 证件号码 also leaves this page. */
  const openHousehold = (id: number) => confirmDiscard(dirty, () => open({ page: 'household', id }));

  return (
    <KeyboardForm
      onSave={() => void save()}
      onCancel={cancel}
      className="record-page"
      testId="page-new-household"
    >
      <div className="page-heading">
        <Typography.Title level={4}>新增户</Typography.Title>
        <span className="page-heading-path">先填户主，保存后在户页面添加其他成员</span>
      </div>

      <Card size="small" title="所在村组与户编号" className="record-card">
        <Form layout="vertical" component="div">
          <div className="place-row">
            <Form.Item
              label="所在村、组"
              required
              htmlFor="new-household-place"
              validateStatus={placeError ? 'error' : undefined}
              help={placeError}
              className="place-row-region"
            >
              <RegionPicker
                id="new-household-place"
                autoFocus={startAtPlace}
                value={place}
                onChange={setPlace}
                status={placeError ? 'error' : ''}
                testId="new-household-place"
              />
            </Form.Item>
            <HouseholdNoField id="new-household-no" label="户编号" householdNo={householdNo} />
          </div>
        </Form>
      </Card>

      <Card size="small" title="户主" className="record-card">
        <PersonFields
          form={head}
          testIdPrefix="head"
          disabled={HEAD_ONLY}
          onOpenHousehold={openHousehold}
          autoFocus={!startAtPlace}
        />
      </Card>

      <Card size="small" title="户信息" className="record-card">
        <FieldGrid
          fields={HOUSEHOLD_FORM_FIELDS}
          {...draftGridProps(household)}
          testIdPrefix="household"
          wide={HOUSEHOLD_WIDE}
        />
      </Card>

      {head.submitted && (head.hasErrors || household.hasErrors) && (
        <Alert
          type="error"
          showIcon
          className="form-summary"
          title="还有需要改正的内容，改正后才能保存"
          data-testid="new-household-errors"
        />
      )}
      <ErrorAlert error={error} onOpenHousehold={openHousehold} testId="new-household-save-error" />

      <div className="record-page-actions">
        <Button type="primary" onClick={() => void save()} loading={busy} data-testid="new-household-save">
          保存（Ctrl+Enter）
        </Button>
        <Button onClick={cancel} data-testid="new-household-cancel">
          取消（Esc）
        </Button>
      </div>
    </KeyboardForm>
  );
}
