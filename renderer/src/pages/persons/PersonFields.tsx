// The member form's fields: the grid plus, under 证件号码, the duplicate check (with a link to the
// household that already has this ID). 性别 and 出生日期 fill themselves from a valid ID (usePersonForm);
// a value against the ID has its own 按证件号码填写 under the field.
import { Button } from 'antd';
import { FieldGrid, type Fix } from '../../components/FieldGrid.tsx';
import { PERSON_FORM_FIELDS, PERSON_WIDE } from '../../forms/form-fields.ts';
import type { PersonForm } from '../../forms/usePersonForm.ts';

export interface PersonFieldsProps {
  form: PersonForm;
  testIdPrefix?: string;
  disabled?: ReadonlySet<string>;
  onOpenHousehold: (householdId: number) => void;
  autoFocus?: boolean;
}

export function PersonFields({
  form,
  testIdPrefix = 'person',
  disabled,
  onOpenHousehold,
  autoFocus = true,
}: PersonFieldsProps) {
  const applyFix = (fix: Fix) => form.setField(fix.field, fix.value);
  const below = (
    <>
      {form.checkingId && <div className="field-help-note">正在核对全县是否已登记此证件号码……</div>}
      {form.conflict !== null && (
        <Button
          type="link"
          size="small"
          className="field-help-fix"
          onClick={() => form.conflict !== null && onOpenHousehold(form.conflict.householdId)}
          data-testid={`${testIdPrefix}-id-conflict-open`}
        >
          打开 {form.conflict.householdNo} 户查看
        </Button>
      )}
    </>
  );
  const hasBelow = form.checkingId || form.conflict !== null;
  return (
    <FieldGrid
      fields={PERSON_FORM_FIELDS}
      draft={form.draft}
      onChange={form.setField}
      onBlurField={form.touch}
      issues={form.shown}
      onFix={applyFix}
      testIdPrefix={testIdPrefix}
      disabled={disabled}
      below={hasBelow ? { id_number: below } : undefined}
      wide={PERSON_WIDE}
      autoFocusColumn={autoFocus ? 'name' : undefined}
    />
  );
}
