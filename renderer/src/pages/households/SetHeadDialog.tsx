// 设为户主: the chosen member becomes 户主; the former 户主 takes the relation chosen here (suggested
// from how the two are related). Other members' relations are not changed automatically.
import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { AppError } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { CodeSelect } from '../../components/CodeSelect.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { KeyboardForm } from '../../components/KeyboardForm.tsx';
import { relationSexMismatch, suggestFormerHeadRelation } from '../../lib/relations.ts';
import { testIdProps } from '../../lib/test-id.ts';
import { useCodeTables } from '../../state/code-tables.ts';
import type { PersonDetail } from '../persons/PersonEditDialog.tsx';
import { focusOnOpen } from '../../lib/dialog-focus.ts';
import { useConfirmDiscard } from '../../lib/confirm-discard.ts';

export interface SetHeadDialogProps {
  householdId: number;
  person: PersonDetail;
  formerHead: PersonDetail | undefined;
  onDone: () => void;
  onClose: () => void;
}

export function SetHeadDialog({ householdId, person, formerHead, onDone, onClose }: SetHeadDialogProps) {
  const tables = useCodeTables();
  const [suggested] = useState(
    () => (formerHead ? suggestFormerHeadRelation(person.entry.relation, formerHead.entry.sex) : null) ?? '',
  );
  const [relation, setRelation] = useState(suggested);
  const confirmDiscard = useConfirmDiscard();
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const mismatch = formerHead ? relationSexMismatch(relation, formerHead.entry.sex) : null;
  const problem =
    formerHead === undefined
      ? null
      : relation === ''
        ? '请选择原户主的新关系'
        : mismatch !== null
          ? `${formerHead.entry.name}的性别与“${tables.label('relation', relation)}”不符`
          : null;

  const save = async () => {
    setTried(true);
    if (problem !== null || busy) return;
    setBusy(true);
    const result = await api.call('households.setHead', {
      householdId,
      personId: person.id,
      formerHeadRelation: relation === '' ? '99' : relation,
    });
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  };

  return (
    <Modal
      open
      afterOpenChange={focusOnOpen('set-head-relation')}
      title={`将 ${person.entry.name} 设为户主`}
      okText="确定"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={() => confirmDiscard(relation !== suggested, onClose)}
      confirmLoading={busy}
      okButtonProps={testIdProps('set-head-confirm')}
      destroyOnHidden
      width={520}
    >
      <KeyboardForm onSave={() => void save()} testId="set-head-dialog">
        {formerHead === undefined ? (
          <p className="dialog-lead">本户目前没有户主，{person.entry.name} 将成为户主。</p>
        ) : (
          <Form layout="vertical" component="div">
            <p className="dialog-lead">
              {person.entry.name}（现为{tables.label('relation', person.entry.relation)}）将成为户主。原户主{' '}
              {formerHead.entry.name} 与新户主的关系改为：
            </p>
            <Form.Item
              label={`${formerHead.entry.name} 是新户主的`}
              required
              htmlFor="set-head-relation"
              validateStatus={tried && problem ? 'error' : undefined}
              help={tried || mismatch !== null ? problem : undefined}
            >
              <CodeSelect
                id="set-head-relation"
                table="relation"
                value={relation}
                onChange={setRelation}
                exclude={['01']}
                autoFocus
                testId="set-head-relation"
              />
            </Form.Item>
          </Form>
        )}
        <Alert type="info" showIcon title="其他成员与户主的关系不会自动改变，设完后请逐一核对。" />
        <ErrorAlert error={error} testId="set-head-error" />
      </KeyboardForm>
    </Modal>
  );
}
