// One field of a record as the right input for its type: text, number-as-text, date text, code-table
// type-ahead (one or several codes), 是/否, an amount as clerks write it (NumberInput).
import { Input } from 'antd';
import type { FieldDef } from '../../../shared/fields/define.ts';
import { CodeSelect } from './CodeSelect.tsx';
import { unitOfLabel } from '../../../shared/number-text.ts';
import { DateInput } from './DateInput.tsx';
import { NumberInput } from './NumberInput.tsx';

export interface FieldInputProps {
  field: FieldDef;
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  id: string;
  status: '' | 'error' | 'warning';
  disabled?: boolean;
  autoFocus?: boolean;
  /** Free text in a text area (Enter there is a new line, not 保存). */
  multiline?: boolean;
  testId: string;
}

const PLACEHOLDERS: Partial<Record<FieldDef['type'], string>> = {
  'id-number': '18 位身份证号',
  phone: '手机号或固话',
  year: '如 2019',
  int: '整数',
};

export function FieldInput({
  field,
  value,
  onChange,
  onBlur,
  id,
  status,
  disabled,
  autoFocus,
  multiline,
  testId,
}: FieldInputProps) {
  const common = { id, disabled, autoFocus, onBlur };
  switch (field.type) {
    case 'code':
    case 'codes':
      return (
        <CodeSelect
          {...common}
          table={field.codeTable ?? 'yes_no'}
          value={value}
          onChange={onChange}
          multiple={field.type === 'codes'}
          maxCount={field.maxItems}
          status={status}
          testId={testId}
        />
      );
    case 'bool':
      return (
        <CodeSelect
          {...common}
          table="yes_no"
          value={value}
          onChange={onChange}
          status={status}
          testId={testId}
          placeholder="是 / 否"
        />
      );
    case 'date':
      return <DateInput {...common} value={value} onChange={onChange} status={status} testId={testId} />;
    case 'decimal':
      return (
        <NumberInput
          {...common}
          value={value}
          onChange={onChange}
          unit={unitOfLabel(field.label)}
          status={status}
          testId={testId}
        />
      );
    default:
      if (multiline === true && field.type === 'text')
        return (
          <Input.TextArea
            {...common}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            status={status === '' ? undefined : status}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            spellCheck={false}
            data-testid={testId}
          />
        );
      return (
        <Input
          {...common}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          status={status === '' ? undefined : status}
          placeholder={PLACEHOLDERS[field.type]}
          maxLength={field.type === 'text' ? 200 : field.type === 'id-number' ? 24 : 30}
          inputMode={field.type === 'int' || field.type === 'year' ? 'numeric' : undefined}
          autoComplete="off"
          spellCheck={false}
          data-testid={testId}
        />
      );
  }
}
