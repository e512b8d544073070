// 整列填同一个值 (in 列对应): a field the file has no column for gets one value for every row — a village's
// 外出务工 sheet without 务工状态 is 已外出 throughout. The core checks the value like a cell (a bad one is
// refused and the preview stays) and keeps it in the template with the column choices.
import { useMemo, useState } from 'react';
import { Button, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { CodeSelect } from '../../components/CodeSelect.tsx';
import { useCodeTables } from '../../state/code-tables.ts';
import { constantChoices, targetText } from './import-targets.ts';
import type { ImportPreviewData } from './import-job-state.ts';

const BOOL_OPTIONS = [
  { value: '是', label: '是' },
  { value: '否', label: '否' },
];

export function ConstantValues(props: {
  preview: ImportPreviewData;
  disabled: boolean;
  /** target key → value; null removes. */
  onChange: (constants: Record<string, string | null>) => void;
}) {
  const { preview, disabled, onChange } = props;
  const tables = useCodeTables();
  const choices = useMemo(
    () => constantChoices(preview.into, preview.mapping, preview.constants),
    [preview.into, preview.mapping, preview.constants],
  );
  const [target, setTarget] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const chosen = choices.find((c) => c.value === target);
  const field = chosen?.field ?? null;
  const given = Object.entries(preview.constants);

  const add = () => {
    if (target === null || value.trim() === '') return;
    // Codes go as their labels, the way a cell would hold them (and the preview shows them).
    const text =
      field?.codeTable !== undefined && (field.type === 'code' || field.type === 'codes')
        ? tables.label(field.codeTable, value)
        : value.trim();
    onChange({ [target]: text });
    setTarget(null);
    setValue('');
  };

  return (
    <div className="import-constants" data-testid="import-constants">
      <div className="import-constants-title">
        整列填同一个值
        <span className="import-muted">文件中没有某一列时，给所有行填同一个值（如 务工状态＝已外出）</span>
      </div>
      {given.length > 0 && (
        <div className="import-constants-list">
          {given.map(([key, text]) => (
            <Tag
              key={key}
              closable={!disabled}
              onClose={(e) => {
                e.preventDefault();
                onChange({ [key]: null });
              }}
              color="blue"
              data-testid={`import-constant-${key}`}
            >
              {targetText(key, preview.into)} ＝ {text}
            </Tag>
          ))}
        </div>
      )}
      <div className="import-constants-add">
        <Select<string>
          size="small"
          className="import-constant-target"
          placeholder="选择字段"
          value={target ?? undefined}
          options={choices.map((c) => ({ value: c.value, label: c.label }))}
          onChange={(v) => {
            setTarget(v);
            setValue('');
          }}
          showSearch={{ optionFilterProp: 'label' }}
          disabled={disabled}
          popupMatchSelectWidth={false}
          listHeight={320}
          aria-label="整列填值的字段"
          data-testid="import-constant-target"
        />
        <span className="import-muted">＝</span>
        {field?.codeTable !== undefined && (field.type === 'code' || field.type === 'codes') ? (
          <CodeSelect
            table={field.codeTable}
            value={value}
            onChange={setValue}
            multiple={field.type === 'codes'}
            disabled={disabled}
            style={{ width: 200 }}
            testId="import-constant-value"
            aria-label="整列填的值"
          />
        ) : field?.type === 'bool' ? (
          <Select<string>
            size="small"
            className="import-constant-value"
            value={value === '' ? undefined : value}
            options={BOOL_OPTIONS}
            onChange={setValue}
            disabled={disabled}
            aria-label="整列填的值"
            data-testid="import-constant-value"
          />
        ) : (
          <Input
            size="small"
            className="import-constant-value"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onPressEnter={add}
            disabled={disabled || target === null}
            placeholder={field?.type === 'date' ? '如 2020-03-01' : '值'}
            aria-label="整列填的值"
            data-testid="import-constant-value"
          />
        )}
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={add}
          disabled={disabled || target === null || value.trim() === ''}
          data-testid="import-constant-add"
        >
          填入
        </Button>
      </div>
    </div>
  );
}
