// A code-table field with type-ahead: the clerk may type the label, an alias, the code or the pinyin
// initials (`dbpk` → 低保贫困户), then Enter picks the first match. Several codes are stored comma-joined.
// Options show the label only: the code is for typing and for the 设置 page, not a word on the form.
import { useMemo, type CSSProperties } from 'react';
import { Select } from 'antd';
import type { CodeTableKey } from '../../../shared/code-tables/index.ts';
import { matchRank, type IndexedOption } from '../lib/search-index.ts';
import { useCodeTables } from '../state/code-tables.ts';

export interface CodeSelectProps {
  table: CodeTableKey;
  /** One code, or comma-joined codes when `multiple`; '' for none. */
  value: string;
  onChange: (value: string) => void;
  multiple?: boolean;
  maxCount?: number;
  /** Codes not offered (e.g. 户主 when choosing what the former 户主 becomes). */
  exclude?: readonly string[];
  id?: string;
  placeholder?: string;
  status?: '' | 'error' | 'warning';
  disabled?: boolean;
  allowClear?: boolean;
  autoFocus?: boolean;
  style?: CSSProperties;
  className?: string;
  testId?: string;
  'aria-label'?: string;
  onBlur?: () => void;
}

type Option = IndexedOption & { title: string };

const splitCodes = (v: string): string[] => (v === '' ? [] : v.split(','));

export function CodeSelect(props: CodeSelectProps) {
  const { table, value, onChange, multiple = false, maxCount, exclude, testId } = props;
  const tables = useCodeTables();
  const all = tables.options(table);
  const chosen = useMemo(() => splitCodes(value), [value]);
  const options = useMemo<Option[]>(
    () =>
      all
        // retired items only when the record already has them; they cannot be picked anew
        .filter((o) => (!o.disabled || chosen.includes(o.value)) && !exclude?.includes(o.value))
        .map((o) => ({ ...o, title: o.label })),
    [all, chosen, exclude],
  );

  return (
    <Select<string | string[], Option>
      id={props.id}
      className={props.className}
      style={props.style ?? { width: '100%' }}
      mode={multiple ? 'multiple' : undefined}
      maxCount={maxCount}
      value={multiple ? chosen : value === '' ? undefined : value}
      onChange={(v) => onChange(Array.isArray(v) ? v.join(',') : (v ?? ''))}
      options={options}
      placeholder={props.placeholder ?? '输入文字、代码或拼音首字母'}
      status={props.status === '' ? undefined : props.status}
      disabled={props.disabled}
      allowClear={props.allowClear ?? true}
      autoFocus={props.autoFocus}
      onBlur={props.onBlur}
      onKeyDown={(e) => {
        // A single code is cleared from the keyboard with Delete/Backspace (nothing typed yet).
        const typed = (e.target as HTMLInputElement).value ?? '';
        if (!multiple && (e.key === 'Delete' || e.key === 'Backspace') && typed === '' && value !== '') {
          onChange('');
        }
      }}
      aria-label={props['aria-label']}
      showSearch={{
        filterOption: (input, option) => option !== undefined && matchRank(input, option.keys) !== null,
        filterSort: (a, b, { searchValue }) =>
          (matchRank(searchValue, a.keys) ?? 99) - (matchRank(searchValue, b.keys) ?? 99),
      }}
      maxTagCount={multiple ? 'responsive' : undefined}
      popupMatchSelectWidth={false}
      listHeight={280}
      data-testid={testId}
    />
  );
}
