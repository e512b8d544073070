// A form's fields in a grid, each with its label and its issues (errors red, warnings orange) and, where
// a rule offers one, a button that applies the fix (出生日期/性别 from the 证件号码).
import type { ReactNode } from 'react';
import { Button, Col, Form, Row } from 'antd';
import type { FieldDef } from '../../../shared/fields/define.ts';
import type { Issue } from '../../../shared/rules/issue.ts';
import type { RecordDraft } from '../forms/useRecordDraft.ts';
import type { Draft } from '../lib/draft.ts';
import { useCodeTables } from '../state/code-tables.ts';
import { FieldInput } from './FieldInput.tsx';

export type Fix = NonNullable<Issue['fix']>;

export interface FieldGridProps {
  fields: readonly FieldDef[];
  draft: Draft;
  onChange: (column: string, text: string) => void;
  onBlurField?: (column: string) => void;
  /** Issues to show (already limited to touched fields by the caller). */
  issues: readonly Issue[];
  onFix: (fix: Fix) => void;
  /** data-testid of each input: `${testIdPrefix}-${column}`. */
  testIdPrefix: string;
  disabled?: ReadonlySet<string>;
  /** Extra content under a field (the 证件号码's duplicate check). */
  below?: Partial<Record<string, ReactNode>>;
  /** Fields given a whole row (住址). */
  wide?: ReadonlySet<string>;
  /** Free-text fields given a whole row and a text area (情况说明). */
  multiline?: ReadonlySet<string>;
  autoFocusColumn?: string;
}

export function fieldStatus(issues: readonly Issue[]): '' | 'error' | 'warning' {
  if (issues.some((i) => i.level === 'error')) return 'error';
  return issues.length > 0 ? 'warning' : '';
}

export function FieldGrid(props: FieldGridProps) {
  const { fields, draft, onChange, onBlurField, issues, onFix, testIdPrefix, disabled, below } = props;
  const whole = (column: string) => props.wide?.has(column) === true || props.multiline?.has(column) === true;
  const tables = useCodeTables();
  return (
    <Form layout="vertical" component="div" className="field-grid" requiredMark>
      <Row gutter={[12, 0]}>
        {fields.map((f) => {
          const mine = issues.filter((i) => i.field === f.column);
          const status = fieldStatus(mine);
          const id = `${testIdPrefix}-${f.column}`;
          const fixes = mine.flatMap((i) => (i.fix !== undefined && i.fix.field === f.column ? [i.fix] : []));
          const help =
            mine.length > 0 || below?.[f.column] !== undefined ? (
              <div className="field-help" data-testid={`${id}-help`}>
                {mine.map((i, n) => (
                  <div key={n} className={i.level === 'error' ? 'field-help-error' : 'field-help-warning'}>
                    {i.message}
                  </div>
                ))}
                {fixes.slice(0, 1).map((fix) => (
                  <Button
                    key={fix.field}
                    size="small"
                    type="link"
                    className="field-help-fix"
                    onClick={() => onFix(fix)}
                    data-testid={`${id}-fix`}
                  >
                    {fix.label}（{f.codeTable ? tables.label(f.codeTable, fix.value) : fix.value}）
                  </Button>
                ))}
                {below?.[f.column]}
              </div>
            ) : undefined;
          return (
            <Col key={f.column} xs={24} sm={whole(f.column) ? 24 : 12} lg={whole(f.column) ? 24 : 8}>
              <Form.Item
                label={f.label}
                htmlFor={id}
                required={f.required === true}
                validateStatus={status === '' ? undefined : status}
                help={help}
              >
                <FieldInput
                  field={f}
                  id={id}
                  value={draft[f.column] ?? ''}
                  onChange={(text) => onChange(f.column, text)}
                  onBlur={onBlurField ? () => onBlurField(f.column) : undefined}
                  status={status}
                  disabled={disabled?.has(f.column)}
                  autoFocus={props.autoFocusColumn === f.column}
                  multiline={props.multiline?.has(f.column)}
                  testId={id}
                />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </Form>
  );
}

/** What a form built on useRecordDraft gives its FieldGrid: the draft, typing, leaving a field, the
 * issues to show and applying a rule's fix. */
export function draftGridProps(form: RecordDraft & { shown: readonly Issue[] }) {
  return {
    draft: form.draft,
    onChange: form.setField,
    onBlurField: form.touch,
    issues: form.shown,
    onFix: (fix: Fix) => form.setField(fix.field, fix.value),
  };
}

/**
 * Puts the cursor into the first field (in form order) that has an error and scrolls it to the middle of
 * the dialog or page, so its red box and message are in sight on a 768-pixel-high screen. `before` names
 * inputs above the grid (a record's subject) by the field the core's issues give them: issue field →
 * element id.
 */
export function focusFirstError(
  testIdPrefix: string,
  fields: readonly FieldDef[],
  issues: readonly Issue[],
  before: Readonly<Record<string, string>> = {},
): void {
  const bad = new Set(issues.filter((i) => i.level === 'error').map((i) => i.field ?? ''));
  const id =
    Object.entries(before).find(([field]) => bad.has(field))?.[1] ??
    fields.filter((f) => bad.has(f.column)).map((f) => `${testIdPrefix}-${f.column}`)[0];
  if (id !== undefined) focusField(id);
}

/** Scrolls an input to the middle of its dialog or page and puts the cursor into it. */
export function focusField(elementId: string): void {
  const el = document.getElementById(elementId);
  if (el === null) return;
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}
