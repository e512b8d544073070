// 编辑户信息: the household's own fields and where it lives (moving it to another village or group).
// 人数 is counted by the core from the members and is not edited here.
import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { HouseholdEntry } from '../../../../shared/fields/entry-fields.ts';
import type { AppError } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { draftGridProps, FieldGrid, focusFirstError } from '../../components/FieldGrid.tsx';
import { FormKeysHint, KeyboardForm } from '../../components/KeyboardForm.tsx';
import { RegionPicker, type RegionPick } from '../../components/RegionPicker.tsx';
import { HOUSEHOLD_FORM_FIELDS, HOUSEHOLD_WIDE } from '../../forms/form-fields.ts';
import { useHouseholdForm } from '../../forms/useHouseholdForm.ts';
import { errorIssues } from '../../lib/api-errors.ts';
import { testIdProps } from '../../lib/test-id.ts';
import { draftFromEntry, entryPatch } from '../../lib/draft.ts';
import type { HouseholdDetail } from './HouseholdInfo.tsx';
import { focusOnOpen } from '../../lib/dialog-focus.ts';
import { useConfirmDiscard } from '../../lib/confirm-discard.ts';

export interface HouseholdEditDialogProps {
  household: HouseholdDetail;
  onDone: () => void;
  onClose: () => void;
}

export function HouseholdEditDialog({ household, onDone, onClose }: HouseholdEditDialogProps) {
  const [initial] = useState(() => draftFromEntry(HOUSEHOLD_FORM_FIELDS, household.entry));
  const form = useHouseholdForm(initial);
  const original: RegionPick = {
    village: household.place.villageCode,
    group: household.place.groupCode ?? '',
  };
  const [place, setPlace] = useState<RegionPick>(original);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const moved = place.village !== original.village || place.group !== original.group;
  const confirmDiscard = useConfirmDiscard();

  const save = async () => {
    form.setSubmitted(true);
    if (place.village === '') return;
    if (form.hasErrors) return focusFirstError('household', HOUSEHOLD_FORM_FIELDS, form.issues);
    if (busy) return;
    const patch = entryPatch(
      HOUSEHOLD_FORM_FIELDS,
      household.entry,
      form.entry as unknown as Record<string, string | number | null>,
    );
    if (!moved && Object.keys(patch).length === 0) return onClose();
    setBusy(true);
    setError(undefined);
    const result = await api.call('households.update', {
      id: household.id,
      ...(moved ? { regionCode: place.group !== '' ? place.group : place.village } : {}),
      patch: patch as Partial<HouseholdEntry>,
    });
    setBusy(false);
    if (result.ok) return onDone();
    setError(result.error);
    const issues = errorIssues(result.error);
    form.setServerIssues(issues);
    focusFirstError('household', HOUSEHOLD_FORM_FIELDS, issues);
  };

  return (
    <Modal
      open
      afterOpenChange={focusOnOpen('household-poverty_attribute')}
      title={`编辑户信息：${household.householdNo}`}
      width={920}
      okText="保存"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={() => confirmDiscard(form.dirty || moved, onClose)}
      confirmLoading={busy}
      okButtonProps={testIdProps('household-save')}
      maskClosable={false}
      destroyOnHidden
      className="record-dialog"
      style={{ top: 24 }}
    >
      <KeyboardForm onSave={() => void save()} testId="household-form">
        <Form layout="vertical" component="div">
          <Form.Item
            label="所在村、组"
            required
            htmlFor="household-place"
            validateStatus={place.village === '' ? 'error' : undefined}
            help={
              place.village === ''
                ? '请选择所在村'
                : moved
                  ? '保存后本户将迁到所选村组（户编号不变）'
                  : undefined
            }
          >
            <RegionPicker
              id="household-place"
              value={place}
              onChange={setPlace}
              status={place.village === '' ? 'error' : ''}
              testId="household-place"
            />
          </Form.Item>
        </Form>
        <FieldGrid
          fields={HOUSEHOLD_FORM_FIELDS}
          {...draftGridProps(form)}
          testIdPrefix="household"
          wide={HOUSEHOLD_WIDE}
          autoFocusColumn="poverty_attribute"
        />
        {form.submitted && form.hasErrors && (
          <Alert type="error" showIcon className="form-summary" title="还有需要改正的内容，改正后才能保存" />
        )}
        <ErrorAlert error={error} testId="household-save-error" />
        <FormKeysHint />
      </KeyboardForm>
    </Modal>
  );
}
