// 操作员姓名: asked once when the ledger has none (every change is recorded under it), changeable in 设置.
import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api/transport.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { KeyboardForm } from '../components/KeyboardForm.tsx';
import { testIdProps } from '../lib/test-id.ts';
import { focusOnOpen } from '../lib/dialog-focus.ts';
import { useConfirmDiscard } from '../lib/confirm-discard.ts';

export interface OperatorDialogProps {
  current: string | null;
  /** False on first start: the name must be given before anything else. */
  closable: boolean;
  onSaved: (name: string) => void;
  onClose: () => void;
}

export function OperatorDialog({ current, closable, onSaved, onClose }: OperatorDialogProps) {
  const [name, setName] = useState(current ?? '');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const trimmed = name.trim();
  const confirmDiscard = useConfirmDiscard();
  const problem = trimmed === '' ? '请填写操作员姓名' : trimmed.length > 20 ? '姓名不能超过 20 个字' : null;

  const save = async () => {
    setTried(true);
    if (problem !== null || busy) return;
    setBusy(true);
    const result = await api.call('settings.setOperator', { name: trimmed });
    setBusy(false);
    if (result.ok) onSaved(result.value.operator);
    else setError(result.error);
  };

  return (
    <Modal
      open
      afterOpenChange={focusOnOpen('operator-name')}
      title={closable ? '更换操作员' : '请填写操作员姓名'}
      okText="确定"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={closable ? () => confirmDiscard(name !== (current ?? ''), onClose) : undefined}
      closable={closable}
      keyboard={closable}
      maskClosable={false}
      cancelButtonProps={closable ? undefined : { style: { display: 'none' } }}
      okButtonProps={testIdProps('operator-save')}
      confirmLoading={busy}
      destroyOnHidden
      width={440}
    >
      <KeyboardForm onSave={() => void save()} testId="operator-dialog">
        <p className="dialog-lead">
          台账的每一处修改都会记下操作员姓名，便于日后查对。
          {closable ? '' : '只需填写一次，以后可在“设置”中更换。'}
        </p>
        <Form layout="vertical" component="div">
          <Form.Item
            label="操作员姓名"
            required
            htmlFor="operator-name"
            validateStatus={tried && problem ? 'error' : undefined}
            help={tried ? problem : undefined}
          >
            <Input
              id="operator-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={20}
              autoFocus
              autoComplete="off"
              placeholder="如：张文书"
              data-testid="operator-name-input"
            />
          </Form.Item>
        </Form>
        <ErrorAlert error={error} testId="operator-error" />
      </KeyboardForm>
    </Modal>
  );
}
