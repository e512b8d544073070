// 迁移 (分户/合户): moves a member to another household found by searching; the member's relation to
// that household's 户主 is chosen here. Both households' sizes are recounted by the core.
import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { AppError } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { CodeSelect } from '../../components/CodeSelect.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { KeyboardForm } from '../../components/KeyboardForm.tsx';
import { relationSexMismatch } from '../../lib/relations.ts';
import { testIdProps } from '../../lib/test-id.ts';
import { useCodeTables } from '../../state/code-tables.ts';
import type { PersonDetail } from '../persons/PersonEditDialog.tsx';
import { HouseholdPicker } from './HouseholdPicker.tsx';
import type { HouseholdRow } from './useHouseholdRows.ts';
import { focusOnOpen } from '../../lib/dialog-focus.ts';

export interface MoveMemberDialogProps {
  person: PersonDetail;
  /** Other active members stay behind: a 户主 with family cannot simply leave. */
  othersInHousehold: number;
  onDone: (toHouseholdId: number) => void;
  onClose: () => void;
}

export function MoveMemberDialog({ person, othersInHousehold, onDone, onClose }: MoveMemberDialogProps) {
  const tables = useCodeTables();
  const [target, setTarget] = useState<HouseholdRow | null>(null);
  const [relation, setRelation] = useState(person.entry.relation === '01' ? '' : person.entry.relation);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const isHead = person.entry.relation === '01';
  const mismatch = relationSexMismatch(relation, person.entry.sex);
  const problems = {
    target: target === null ? '请查找并选择要迁入的户' : null,
    relation:
      relation === ''
        ? '请选择在新户中与户主的关系'
        : mismatch !== null
          ? `${person.entry.name}的性别与“${tables.label('relation', relation)}”不符`
          : null,
  };

  const save = async () => {
    setTried(true);
    if (target === null || problems.relation !== null || busy) return;
    setBusy(true);
    const result = await api.call('persons.move', { id: person.id, toHouseholdId: target.id, relation });
    setBusy(false);
    if (result.ok) onDone(target.id);
    else setError(result.error);
  };

  return (
    <Modal
      open
      afterOpenChange={focusOnOpen('move-target')}
      title={`迁移成员：${person.entry.name}（分户/合户）`}
      okText="迁移"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={testIdProps('move-confirm')}
      destroyOnHidden
      width={640}
    >
      <KeyboardForm onSave={() => void save()} testId="move-dialog">
        {isHead && othersInHousehold > 0 && (
          <Alert
            type="warning"
            showIcon
            className="form-summary"
            title={`${person.entry.name} 是本户户主，本户还有 ${othersInHousehold} 名成员。请先把其他成员设为户主，再迁移。`}
          />
        )}
        <Form layout="vertical" component="div">
          <Form.Item
            label="迁入的户"
            required
            htmlFor="move-target"
            validateStatus={tried && problems.target ? 'error' : undefined}
            help={tried ? problems.target : '在全县范围查找'}
          >
            <HouseholdPicker
              id="move-target"
              value={target}
              onChange={setTarget}
              excludeId={person.householdId}
              autoFocus
              status={tried && problems.target ? 'error' : ''}
              testId="move-target"
            />
          </Form.Item>
          <Form.Item
            label={target ? `在新户中与户主（${target.headName ?? ''}）的关系` : '在新户中与户主的关系'}
            required
            htmlFor="move-relation"
            validateStatus={(tried || mismatch !== null) && problems.relation ? 'error' : undefined}
            help={tried || mismatch !== null ? problems.relation : undefined}
          >
            <CodeSelect
              id="move-relation"
              table="relation"
              value={relation}
              onChange={setRelation}
              exclude={['01']}
              testId="move-relation"
            />
          </Form.Item>
        </Form>
        <ErrorAlert error={error} testId="move-error" />
      </KeyboardForm>
    </Modal>
  );
}
