// A date typed as text: 19850307, 1985.3.7, 1985-03-07, 1985/3/7 or 1985年3月7日. The normalised date is
// shown beside what was typed and replaces it when the field is left.
import type { CSSProperties } from 'react';
import { Input } from 'antd';
import { parseDateInput } from '../../../shared/date-input.ts';

export interface DateInputProps {
  value: string;
  onChange: (text: string) => void;
  id?: string;
  status?: '' | 'error' | 'warning';
  disabled?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
  onBlur?: () => void;
}

export function DateInput({ value, onChange, onBlur, testId, status, ...rest }: DateInputProps) {
  const parsed = value.trim() === '' ? null : parseDateInput(value);
  const showParsed = parsed !== null && parsed !== value.trim();
  return (
    <Input
      {...rest}
      value={value}
      status={status === '' ? undefined : status}
      placeholder={rest.placeholder ?? '如 19850307'}
      maxLength={20}
      autoComplete="off"
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        if (parsed !== null && parsed !== value) onChange(parsed);
        onBlur?.();
      }}
      suffix={
        showParsed ? (
          <span className="date-input-parsed" data-testid={testId ? `${testId}-parsed` : undefined}>
            {parsed}
          </span>
        ) : (
          <span />
        )
      }
      data-testid={testId}
    />
  );
}
