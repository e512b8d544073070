// 新增 / 修改 one record of a thematic ledger in a dialog: what it hangs on (SubjectFields, fixed when the
// dialog comes from a household, a person or a parent record), the ledger's fields in a FieldGrid (derived
// ones read-only, with their help), checked while typing by the ledger's definition. Enter saves, Esc
// closes. An existing record also has 删除, its 历史 and, for a parent ledger, its child records.
import { useMemo, useState } from 'react';
import { App, Button, Modal, Space, Tabs } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { childLedgers, type LedgerDef } from '../../../../shared/ledgers/index.ts';
import type { AppError } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { draftGridProps, FieldGrid, focusField, focusFirstError } from '../../components/FieldGrid.tsx';
import { HistoryView } from '../../components/HistoryList.tsx';
import { FormKeysHint, KeyboardForm } from '../../components/KeyboardForm.tsx';
import { pickFromRegion } from '../../components/RegionPicker.tsx';
import { ledgerDraft, ledgerFormFields, useLedgerForm, valuesToSave } from '../../forms/useLedgerForm.ts';
import { errorIssues } from '../../lib/api-errors.ts';
import { focusOnOpen } from '../../lib/dialog-focus.ts';
import { useConfirmDiscard } from '../../lib/confirm-discard.ts';
import { testIdProps } from '../../lib/test-id.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { ChildRecords } from './ChildRecords.tsx';
import { recordSubjectText, type LedgerRecord } from './ledger-display.tsx';
import {
  emptyChoice,
  OUTSIDE_ID_FIELD,
  OUTSIDE_ID_INPUT,
  SubjectFields,
  subjectFocusId,
  subjectLink,
  type FixedSubject,
  type LinkProblem,
  type SubjectChoice,
} from './SubjectFields.tsx';

export interface RecordDialogProps {
  def: LedgerDef;
  /** Absent: a new record. */
  record?: LedgerRecord;
  fixed?: FixedSubject;
  onSaved: (record: LedgerRecord, created: boolean) => void;
  onDeleted: () => void;
  onClose: () => void;
  /** A child record (入库/出库 of this 物资) was added, changed or deleted: the list's 库存 changes. */
  onChildrenChanged?: () => void;
}

/** The subject as the core's issues name its inputs: the outsider's 证件号码 and name by their columns,
 * the rest as one input — a finding about the subject goes when any of it changes. */
function subjectInputs(c: SubjectChoice): Record<string, string> {
  return {
    [OUTSIDE_ID_FIELD]: c.outside ? c.outsideIdNumber : '',
    person_name: c.outside ? c.outsideName : '',
    subject: JSON.stringify([c.person?.id, c.memberId, c.household?.id, c.place, c.outside, c.parent?.id]),
  };
}

type TabKey = 'fields' | 'history' | `child-${string}`;

/**
 * Lists mask 证件号码 and phone numbers; a record opened for editing is read again in full first, so the
 * form neither shows nor saves back a masked value.
 */
export function RecordDialog(props: RecordDialogProps) {
  const { def, record } = props;
  const full = useLedgerQuery('ledgers.record', { ledgerId: def.id, id: record?.id ?? 1 }, [], {
    enabled: record !== undefined,
  });
  if (record === undefined) return <RecordDialogBody {...props} />;
  if (full.error !== undefined)
    return (
      <Modal open title={def.name} onCancel={props.onClose} footer={null}>
        <ErrorAlert error={full.error} />
      </Modal>
    );
  if (full.data === undefined || full.data.id !== record.id) return null;
  return <RecordDialogBody {...props} record={full.data} />;
}

function RecordDialogBody(props: RecordDialogProps) {
  const { def, record, fixed, onSaved, onDeleted, onClose, onChildrenChanged } = props;
  const { modal, message } = App.useApp();
  const { selectedCode, forest } = useRegionSelection();
  const fields = ledgerFormFields(def);
  const [initial] = useState(() => ledgerDraft(def, record?.values));
  const [initialChoice] = useState<SubjectChoice>(() =>
    emptyChoice(pickFromRegion(selectedCode, forest.byCode)),
  );
  const [choice, setChoice] = useState<SubjectChoice>(initialChoice);
  const form = useLedgerForm(def, initial, subjectInputs(choice));
  const confirmDiscard = useConfirmDiscard();
  const subjectChanged =
    JSON.stringify(subjectInputs(choice)) !== JSON.stringify(subjectInputs(initialChoice));
  const close = () => confirmDiscard(form.dirty || subjectChanged, onClose);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const [tab, setTab] = useState<TabKey>('fields');
  const [historyVersion, setHistoryVersion] = useState(0);
  const history = useLedgerQuery(
    'ledgers.history',
    { ledgerId: def.id, id: record?.id ?? 1 },
    [historyVersion],
    { enabled: record !== undefined && tab === 'history' },
  );

  const derived = useMemo(
    () => new Set(def.fields.filter((f) => f.derived === true).map((f) => f.column)),
    [def],
  );
  const long = useMemo(() => new Set(def.fields.filter((f) => f.long === true).map((f) => f.column)), [def]);
  const helps = useMemo(
    () =>
      Object.fromEntries(
        def.fields.flatMap((f) =>
          f.help === undefined
            ? []
            : [
                [
                  f.column,
                  <div key="help" className="field-help-note">
                    {f.help}
                  </div>,
                ],
              ],
        ),
      ),
    [def],
  );
  const linked = record === undefined ? subjectLink(def, choice, fixed) : null;
  const problem: LinkProblem | null =
    form.submitted && linked !== null && 'problem' in linked ? linked.problem : null;
  const firstEntered = def.fields.find((f) => f.derived !== true)?.column ?? '';

  const save = async () => {
    form.setSubmitted(true);
    if (linked !== null && 'problem' in linked) return focusField(linked.problem.input);
    if (form.hasErrors) return focusFirstError('record', fields, form.issues);
    if (busy) return;
    const values = valuesToSave(def, form.values, record?.values);
    if (record !== undefined && Object.keys(values).length === 0) return onClose();
    setBusy(true);
    setError(undefined);
    const result =
      record === undefined
        ? await api.call('ledgers.create', {
            ledgerId: def.id,
            link: linked !== null && 'link' in linked ? linked.link : {},
            values,
          })
        : await api.call('ledgers.update', { ledgerId: def.id, id: record.id, values });
    setBusy(false);
    if (result.ok) return onSaved(result.value, record === undefined);
    setError(result.error);
    const issues = errorIssues(result.error);
    form.setServerIssues(issues);
    focusFirstError('record', fields, issues, { [OUTSIDE_ID_FIELD]: OUTSIDE_ID_INPUT });
  };

  const remove = () => {
    if (record === undefined) return;
    modal.confirm({
      title: `删除这条${def.name}记录？`,
      content: `${recordSubjectText(def, record)}：删除后从台账中移除，修改历史中保留记录。`,
      okText: '删除',
      okButtonProps: { danger: true, ...testIdProps('record-delete-confirm') },
      cancelText: '取消',
      onOk: async () => {
        const r = await api.call('ledgers.delete', { ledgerId: def.id, id: record.id });
        if (r.ok) onDeleted();
        else void message.error(r.error.message, 6);
      },
    });
  };

  const formBody = (
    <KeyboardForm onSave={() => void save()} testId="record-form">
      {record === undefined ? (
        <SubjectFields
          def={def}
          choice={choice}
          onChange={setChoice}
          fixed={fixed}
          problem={problem}
          outsideIdError={form.serverIssues.find((i) => i.field === OUTSIDE_ID_FIELD)?.message}
        />
      ) : (
        <div className="ledger-record-subject" data-testid="record-subject">
          {recordSubjectText(def, record)}
          <span className="page-heading-path">{record.subject.place}</span>
        </div>
      )}
      <FieldGrid
        fields={fields}
        {...draftGridProps(form)}
        testIdPrefix="record"
        disabled={derived}
        multiline={long}
        below={helps}
      />
      {form.submitted && <FormErrorSummary issues={form.issues} testId="record-form-errors" />}
      <ErrorAlert error={error} testId="record-save-error" />
      <FormKeysHint />
    </KeyboardForm>
  );

  const children = record === undefined ? [] : childLedgers(def);
  const footer = (
    <div className="ledger-dialog-footer">
      {record !== undefined && (
        <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="record-delete">
          删除
        </Button>
      )}
      <Space className="ledger-dialog-footer-main">
        <Button onClick={close} data-testid="record-dialog-cancel">
          {tab === 'fields' ? '取消' : '关闭'}
        </Button>
        {tab === 'fields' && (
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="record-save">
            保存
          </Button>
        )}
      </Space>
    </div>
  );

  return (
    <Modal
      open
      afterOpenChange={focusOnOpen(
        (record === undefined ? subjectFocusId(def, fixed) : null) ?? `record-${firstEntered}`,
      )}
      title={
        record === undefined
          ? `新增${def.name}记录${fixed !== undefined && fixed.members === undefined ? `：${fixed.label}` : ''}`
          : `${def.name}：${recordSubjectText(def, record)}`
      }
      width={960}
      footer={footer}
      onCancel={close}
      maskClosable={false}
      destroyOnHidden
      className="record-dialog"
      style={{ top: 24 }}
      data-testid="record-dialog"
    >
      {record === undefined ? (
        formBody
      ) : (
        <Tabs
          size="small"
          activeKey={tab}
          onChange={(key) => setTab(key as TabKey)}
          items={[
            { key: 'fields', label: <span data-testid="record-tab-fields">内容</span>, children: formBody },
            ...children.map((child) => ({
              key: `child-${child.id}`,
              label: <span data-testid={`record-tab-child-${child.id}`}>{child.name}</span>,
              children: (
                <ChildRecords
                  parentDef={def}
                  childDef={child}
                  parent={record}
                  onChanged={() => {
                    setHistoryVersion((v) => v + 1);
                    onChildrenChanged?.();
                  }}
                />
              ),
            })),
            {
              key: 'history',
              label: <span data-testid="record-tab-history">历史</span>,
              children: tab === 'history' && <HistoryView history={history} />,
            },
          ]}
        />
      )}
    </Modal>
  );
}
