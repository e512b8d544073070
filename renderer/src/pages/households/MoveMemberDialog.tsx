// 迁移 (分户/合户): moves a member either into another household found by searching (his relation to that
// household's 户主 is chosen here) or into a new household of his own (新立一户: he becomes its 户主, in
// the chosen village or group, under the village's next 户编号 or one the clerk types). Both households'
// sizes are recounted by the core.
import { useState } from 'react';
import { Alert, Form, Modal, Segmented } from 'antd';
import type { AppError } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { CodeSelect } from '../../components/CodeSelect.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { KeyboardForm } from '../../components/KeyboardForm.tsx';
import { RegionPicker, type RegionPick } from '../../components/RegionPicker.tsx';
import { useConfirmDiscard } from '../../lib/confirm-discard.ts';
import { focusOnOpen } from '../../lib/dialog-focus.ts';
import { relationSexMismatch } from '../../lib/relations.ts';
import { testIdProps } from '../../lib/test-id.ts';
import { useCodeTables } from '../../state/code-tables.ts';
import type { PersonDetail } from '../persons/PersonEditDialog.tsx';
import { HouseholdPicker } from './HouseholdPicker.tsx';
import type { HouseholdRow } from './useHouseholdRows.ts';
import { HouseholdNoField } from './HouseholdNoField.tsx';
import { useHouseholdNo } from './useHouseholdNo.ts';

export interface MoveMemberDialogProps {
  person: PersonDetail;
  /** Other active members stay behind: a 户主 with family cannot simply leave. */
  othersInHousehold: number;
  /** Where the member's household is: the new household's place to start from. */
  place: RegionPick;
  /** `created`: the new household of a 新立一户. */
  onDone: (toHouseholdId: number, created?: { householdNo: string }) => void;
  onClose: () => void;
}

type Mode = 'existing' | 'new';

export function MoveMemberDialog({
  person,
  othersInHousehold,
  place,
  onDone,
  onClose,
}: MoveMemberDialogProps) {
  const tables = useCodeTables();
  const [mode, setMode] = useState<Mode>('existing');
  const [target, setTarget] = useState<HouseholdRow | null>(null);
  const [initialRelation] = useState(person.entry.relation === '01' ? '' : person.entry.relation);
  const [relation, setRelation] = useState(initialRelation);
  const [newPlace, setNewPlace] = useState<RegionPick>(place);
  const householdNo = useHouseholdNo(newPlace.village);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const confirmDiscard = useConfirmDiscard();
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
    place: newPlace.village === '' ? '请选择新户所在的村' : null,
  };
  const changed =
    target !== null ||
    relation !== initialRelation ||
    newPlace.village !== place.village ||
    newPlace.group !== place.group ||
    householdNo.edited;

  const moveToExisting = async () => {
    if (target === null || problems.relation !== null) return;
    setBusy(true);
    const result = await api.call('persons.move', { id: person.id, toHouseholdId: target.id, relation });
    setBusy(false);
    if (result.ok) onDone(target.id);
    else setError(result.error);
  };
  const moveToNew = async () => {
    if (problems.place !== null) return;
    setBusy(true);
    const no = householdNo.shown.trim();
    const result = await api.call('persons.split', {
      id: person.id,
      regionCode: newPlace.group !== '' ? newPlace.group : newPlace.village,
      ...(no !== '' ? { householdNo: no } : {}),
    });
    setBusy(false);
    if (result.ok) onDone(result.value.householdId, { householdNo: result.value.householdNo });
    else setError(result.error);
  };
  const save = () => {
    setTried(true);
    if (busy) return;
    setError(undefined);
    void (mode === 'new' ? moveToNew() : moveToExisting());
  };

  return (
    <Modal
      open
      afterOpenChange={focusOnOpen('move-target')}
      title={`迁移成员：${person.entry.name}（分户/合户）`}
      okText={mode === 'new' ? '新立一户' : '迁移'}
      cancelText="取消"
      onOk={save}
      onCancel={() => confirmDiscard(changed, onClose)}
      confirmLoading={busy}
      okButtonProps={testIdProps('move-confirm')}
      destroyOnHidden
      width={640}
    >
      <KeyboardForm onSave={save} testId="move-dialog">
        {isHead && othersInHousehold > 0 && (
          <Alert
            type="warning"
            showIcon
            className="form-summary"
            title={`${person.entry.name} 是本户户主，本户还有 ${othersInHousehold} 名成员。请先把其他成员设为户主，再迁移。`}
          />
        )}
        <Segmented<Mode>
          block
          className="move-mode"
          value={mode}
          onChange={(m) => {
            setMode(m);
            setTried(false);
          }}
          options={[
            { value: 'existing', label: <span data-testid="move-mode-existing">迁入已有的户（合户）</span> },
            { value: 'new', label: <span data-testid="move-mode-new">新立一户（分户）</span> },
          ]}
        />
        {mode === 'existing' ? (
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
        ) : (
          <Form layout="vertical" component="div">
            <p className="dialog-lead" data-testid="move-new-lead">
              {person.entry.name} 迁出本户，成为新户的户主。新户的住址（同村时）和联系电话取自原户和本人，
              贫困户属性、户类型等请在新户页面“编辑户信息”中填写。
            </p>
            <div className="place-row">
              <Form.Item
                label="新户所在村、组"
                required
                htmlFor="move-new-place"
                validateStatus={tried && problems.place ? 'error' : undefined}
                help={tried ? problems.place : undefined}
                className="place-row-region"
              >
                <RegionPicker
                  id="move-new-place"
                  value={newPlace}
                  onChange={setNewPlace}
                  status={tried && problems.place ? 'error' : ''}
                  testId="move-new-place"
                />
              </Form.Item>
              <HouseholdNoField id="move-new-no" label="新户编号" householdNo={householdNo} />
            </div>
          </Form>
        )}
        <ErrorAlert error={error} testId="move-error" />
      </KeyboardForm>
    </Modal>
  );
}
