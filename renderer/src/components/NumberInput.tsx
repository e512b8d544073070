// An amount typed as clerks write it: 4,500 / 4500元 / 0.45万 / ４５００ (shared/number-text.ts). What was
// read is shown beside the text (已读作 4500 元) and replaces it when the field is left, like DateInput.
import { Input } from 'antd';
import { parseNumberText, readAs } from '../../../shared/number-text.ts';

export interface NumberInputProps {
  value: string;
  onChange: (text: string) => void;
  /** The field's unit (unitOfLabel): 元, 元/月, 公斤 … */
  unit: string | null;
  id?: string;
  status?: '' | 'error' | 'warning';
  disabled?: boolean;
  autoFocus?: boolean;
  testId?: string;
  onBlur?: () => void;
}

export function NumberInput({ value, onChange, onBlur, unit, testId, status, ...rest }: NumberInputProps) {
  const parsed = value.trim() === '' ? null : parseNumberText(value, unit);
  const read = parsed !== null && parsed.ok && parsed.rewritten ? parsed.value : null;
  return (
    <Input
      {...rest}
      value={value}
      status={status === '' ? undefined : status}
      placeholder={unit !== null && unit.startsWith('元') ? '如 4500 或 0.45万' : undefined}
      maxLength={30}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        if (read !== null) onChange(String(read));
        onBlur?.();
      }}
      suffix={
        read !== null ? (
          <span className="number-input-read" data-testid={testId ? `${testId}-read` : undefined}>
            {readAs(read, unit)}
          </span>
        ) : (
          <span />
        )
      }
      data-testid={testId}
    />
  );
}
