// 注销 instead of delete: the reason (code table 注销原因; 其他 needs a 说明) and the date (today by
// default). The record leaves the lists, stays in the history and can be restored.
import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { CANCEL_REASONS_NEEDING_NOTE } from '../../../shared/code-tables/index.ts';
import { parseDateInput, todayIso } from '../../../shared/date-input.ts';
import type { AppError, Result } from '../../../shared/result.ts';
import { testIdProps } from '../lib/test-id.ts';
import { CodeSelect } from './CodeSelect.tsx';
import { DateInput } from './DateInput.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { KeyboardForm } from './KeyboardForm.tsx';
import { focusOnOpen } from '../lib/dialog-focus.ts';
import { useConfirmDiscard } from '../lib/confirm-discard.ts';

export interface CancelRequest {
  reason: string;
  note: string | null;
  date: string;
}

export interface CancelDialogProps {
  title: string;
  /** One line on what happens (e.g. 本户及其全部成员将从列表中移除). */
  description: string;
  onSubmit: (request: CancelRequest) => Promise<Result<unknown>>;
  onDone: () => void;
  onClose: () => void;
}

/** Mounted only while open, so every opening starts clean. */
export function CancelDialog({ title, description, onSubmit, onDone, onClose }: CancelDialogProps) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [today] = useState(todayIso);
  const [date, setDate] = useState(today);
  const confirmDiscard = useConfirmDiscard();
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();

  const needsNote = CANCEL_REASONS_NEEDING_NOTE.includes(reason);
  const isoDate = parseDateInput(date);
  const problems = {
    reason: reason === '' ? '请选择注销原因' : null,
    note: needsNote && note.trim() === '' ? '注销原因为“其他”时请填写说明' : null,
    date:
      isoDate === null
        ? '请填写有效的注销日期（如 20240307）'
        : isoDate > todayIso()
          ? '注销日期不能晚于今天'
          : null,
  };
  const valid = Object.values(problems).every((p) => p === null);

  const save = async () => {
    setTried(true);
    if (!valid || busy || isoDate === null) return;
    setBusy(true);
    const result = await onSubmit({ reason, note: note.trim() === '' ? null : note.trim(), date: isoDate });
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  };
  const show = (key: keyof typeof problems) => (tried || key !== 'reason' ? problems[key] : null);

  return (
    <Modal
      open
      afterOpenChange={focusOnOpen('cancel-reason')}
      title={title}
      okText="注销"
      okButtonProps={{ danger: true, ...testIdProps('cancel-confirm') }}
      confirmLoading={busy}
      cancelText="取消"
      onOk={() => void save()}
      onCancel={() => confirmDiscard(reason !== '' || note !== '' || date !== today, onClose)}
      destroyOnHidden
      width={480}
    >
      <KeyboardForm onSave={() => void save()} testId="cancel-dialog">
        <p className="dialog-lead">{description}</p>
        <Form layout="vertical" component="div">
          <Form.Item
            label="注销原因"
            required
            htmlFor="cancel-reason"
            validateStatus={show('reason') ? 'error' : undefined}
            help={show('reason')}
          >
            <CodeSelect
              id="cancel-reason"
              table="cancel_reason"
              value={reason}
              onChange={setReason}
              autoFocus
              testId="cancel-reason"
            />
          </Form.Item>
          <Form.Item
            label="说明"
            required={needsNote}
            htmlFor="cancel-note"
            validateStatus={show('note') ? 'error' : undefined}
            help={show('note')}
          >
            <Input
              id="cancel-note"
              value={note}
              maxLength={200}
              onChange={(e) => setNote(e.target.value)}
              placeholder={needsNote ? '请写明原因' : '可不填'}
              data-testid="cancel-note"
            />
          </Form.Item>
          <Form.Item
            label="注销日期"
            required
            htmlFor="cancel-date"
            validateStatus={show('date') ? 'error' : undefined}
            help={show('date')}
          >
            <DateInput id="cancel-date" value={date} onChange={setDate} testId="cancel-date" />
          </Form.Item>
        </Form>
        <ErrorAlert error={error} testId="cancel-error" />
      </KeyboardForm>
    </Modal>
  );
}
