// 新增成员 / 修改成员: the member form in a dialog. Rules run while typing; Enter saves, Esc closes.
// The household's other members are read here so the 户主/配偶 rules see the whole household.
import { useMemo, useState } from 'react';
import { Modal } from 'antd';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import type { PersonEntry } from '../../../../shared/fields/entry-fields.ts';
import type { MemberSummary } from '../../../../shared/rules/person-rules.ts';
import type { AppError } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { focusFirstError } from '../../components/FieldGrid.tsx';
import { FormKeysHint, KeyboardForm } from '../../components/KeyboardForm.tsx';
import { NEW_PERSON_DEFAULTS, PERSON_FORM_FIELDS } from '../../forms/form-fields.ts';
import { usePersonForm } from '../../forms/usePersonForm.ts';
import { errorIssues } from '../../lib/api-errors.ts';
import { testIdProps } from '../../lib/test-id.ts';
import { draftFromEntry, emptyDraft, entryPatch } from '../../lib/draft.ts';
import { PersonFields } from './PersonFields.tsx';
import { focusOnOpen } from '../../lib/dialog-focus.ts';
import { useConfirmDiscard } from '../../lib/confirm-discard.ts';

export type PersonDetail = ResponseOf<'persons.get'>['person'];

const RELATION_ONLY: ReadonlySet<string> = new Set(['relation']);

export interface PersonEditDialogProps {
  householdId: number;
  /** Absent: a new member of the household. */
  person?: PersonDetail;
  onSaved: (person: PersonDetail) => void;
  onClose: () => void;
  onOpenHousehold: (householdId: number) => void;
}

export function PersonEditDialog({
  householdId,
  person,
  onSaved,
  onClose,
  onOpenHousehold,
}: PersonEditDialogProps) {
  const household = useLedgerQuery('households.get', { id: householdId, includeCancelledMembers: false });
  const otherMembers = useMemo<MemberSummary[] | null>(
    () =>
      household.data?.members
        .filter((m) => m.id !== person?.id && m.status === 'active')
        .map((m) => ({ id: m.id, name: m.entry.name, relation: m.entry.relation, sex: m.entry.sex })) ?? null,
    [household.data, person?.id],
  );
  const [initial] = useState(() =>
    person === undefined
      ? emptyDraft(PERSON_FORM_FIELDS, NEW_PERSON_DEFAULTS)
      : draftFromEntry(PERSON_FORM_FIELDS, person.entry),
  );
  const [original] = useState<MemberSummary | undefined>(() =>
    person === undefined
      ? undefined
      : { id: person.id, name: person.entry.name, relation: person.entry.relation, sex: person.entry.sex },
  );
  const form = usePersonForm({ initial, personId: person?.id, otherMembers, original });
  const confirmDiscard = useConfirmDiscard();
  const close = () => confirmDiscard(form.dirty, onClose);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();

  const save = async () => {
    form.setSubmitted(true);
    if (form.hasErrors) {
      focusFirstError('person', PERSON_FORM_FIELDS, form.issues);
      return;
    }
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const result =
      person === undefined
        ? await api.call('persons.create', { householdId, person: form.entry })
        : await api.call('persons.update', {
            id: person.id,
            patch: entryPatch(
              PERSON_FORM_FIELDS,
              person.entry,
              form.entry as unknown as Record<string, string | number | null>,
            ) as Partial<PersonEntry>,
          });
    setBusy(false);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    setError(result.error);
    const issues = errorIssues(result.error);
    form.setServerIssues(issues);
    focusFirstError('person', PERSON_FORM_FIELDS, issues);
  };

  const name = person?.entry.name;
  const householdNo = household.data?.household.householdNo;
  return (
    <Modal
      open
      afterOpenChange={focusOnOpen('person-name')}
      title={
        person === undefined
          ? `新增成员${householdNo ? `（${householdNo} 户）` : ''}`
          : `修改成员：${name ?? ''}`
      }
      width={920}
      okText="保存"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={close}
      confirmLoading={busy}
      okButtonProps={{ disabled: busy, ...testIdProps('person-save') }}
      cancelButtonProps={testIdProps('person-dialog-cancel')}
      maskClosable={false}
      destroyOnHidden
      className="record-dialog"
      style={{ top: 24 }}
    >
      <KeyboardForm onSave={() => void save()} testId="person-form">
        {form.submitted && <FormErrorSummary issues={form.issues} testId="person-form-errors" />}
        {person?.entry.relation === '01' && (
          <div className="form-keys-hint">
            户主的“与户主关系”不能在这里修改：要换户主，请在成员列表中把新户主“设为户主”。
          </div>
        )}
        <PersonFields
          form={form}
          disabled={person?.entry.relation === '01' ? RELATION_ONLY : undefined}
          onOpenHousehold={(id) =>
            confirmDiscard(form.dirty, () => {
              onClose();
              onOpenHousehold(id);
            })
          }
        />
        <ErrorAlert
          error={error}
          onOpenHousehold={(id) =>
            confirmDiscard(form.dirty, () => {
              onClose();
              onOpenHousehold(id);
            })
          }
          testId="person-save-error"
        />
        <FormKeysHint />
      </KeyboardForm>
    </Modal>
  );
}
