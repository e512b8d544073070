// The 一户一策 ledger's own buttons beside 新增: 「按户生成」 — a household and a 年度, the plan filled in from
// the register and the ledgers, then opened in the record dialog to be checked and edited — and
// 「为本村生成计划」 for the village (group, township) selected in the tree: plans for every household that
// has none for the year; plans that exist, edited or not, are left as they are.
import { useState } from 'react';
import { App, Button, Form, InputNumber, Modal } from 'antd';
import { FileAddOutlined, TeamOutlined } from '@ant-design/icons';
import { api } from '../../api/transport.ts';
import { testIdProps } from '../../lib/test-id.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { HouseholdPicker } from '../households/HouseholdPicker.tsx';
import type { HouseholdRow } from '../households/useHouseholdRows.ts';
import type { LedgerRecord } from '../ledgers/ledger-display.tsx';

export const PLAN_LEDGER_ID = 'household_plans';

const thisYear = () => new Date().getFullYear();

function YearInput(props: { value: number | null; onChange: (y: number | null) => void; testId: string }) {
  return (
    <InputNumber
      id={props.testId}
      min={2014}
      max={2100}
      precision={0}
      value={props.value}
      onChange={(v) => props.onChange(typeof v === 'number' ? v : null)}
      data-testid={props.testId}
      addonAfter="年度"
    />
  );
}

export function PlanActions(props: { onOpen: (record: LedgerRecord) => void; onChanged: () => void }) {
  const { onOpen, onChanged } = props;
  const { message } = App.useApp();
  const { selected } = useRegionSelection();
  const [dialog, setDialog] = useState<'household' | 'region' | null>(null);
  const [household, setHousehold] = useState<HouseholdRow | null>(null);
  const [year, setYear] = useState<number | null>(thisYear());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const place = selected !== undefined && selected.level !== 'county' ? selected : undefined;

  const close = () => {
    setDialog(null);
    setProblem(null);
  };

  const createOne = async () => {
    if (household === null) return setProblem('请选择户');
    if (year === null) return setProblem('请填写年度');
    setBusy(true);
    const made = await api.call('plans.create', { householdId: household.id, year });
    const record = made.ok
      ? await api.call('ledgers.record', { ledgerId: PLAN_LEDGER_ID, id: made.value.planId })
      : made;
    setBusy(false);
    if (!record.ok) return setProblem(record.error.message);
    close();
    onChanged();
    void message.success(
      made.ok && made.value.created
        ? `已生成${household.headName ?? ''}户 ${year} 年度计划（${made.value.measures} 条措施），请核对`
        : `${household.headName ?? '该'}户 ${year} 年度已有计划，已打开`,
    );
    onOpen(record.value);
  };

  const createForRegion = async () => {
    if (place === undefined) return;
    if (year === null) return setProblem('请填写年度');
    setBusy(true);
    const r = await api.call('plans.createForRegion', { regionCode: place.code, year });
    setBusy(false);
    if (!r.ok) return setProblem(r.error.message);
    close();
    onChanged();
    const { households, created, existing } = r.value;
    void message.success(
      `${place.name}共 ${households} 户：新生成 ${created} 户的 ${year} 年度计划${existing > 0 ? `，${existing} 户已有计划未改动` : ''}`,
      6,
    );
  };

  return (
    <>
      <Button icon={<FileAddOutlined />} onClick={() => setDialog('household')} data-testid="plan-create-one">
        按户生成
      </Button>
      <Button
        icon={<TeamOutlined />}
        disabled={place === undefined}
        title={place === undefined ? '请先在左侧选择村（或组、乡镇）' : undefined}
        onClick={() => setDialog('region')}
        data-testid="plan-create-region"
      >
        为本村生成计划
      </Button>
      <Modal
        open={dialog === 'household'}
        title="按户生成一户一策帮扶计划"
        okText="生成并打开"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void createOne()}
        onCancel={close}
        destroyOnHidden
        okButtonProps={testIdProps('plan-create-one-ok')}
      >
        <p className="import-muted">
          按户籍台账（成员、劳动力、致贫原因）和各专项台账（返贫监测的风险，公益岗位、务工、小额信贷、医保、危房改造、低保等）自动填写，生成后可逐项修改。该户该年度已有计划时直接打开，不会覆盖。
        </p>
        <Form layout="vertical" component="div">
          <Form.Item label="户" required validateStatus={problem === '请选择户' ? 'error' : undefined}>
            <HouseholdPicker value={household} onChange={setHousehold} autoFocus testId="plan-household" />
          </Form.Item>
          <Form.Item label="年度" required>
            <YearInput value={year} onChange={setYear} testId="plan-year" />
          </Form.Item>
        </Form>
        {problem !== null && <div className="field-help-error">{problem}</div>}
      </Modal>
      <Modal
        open={dialog === 'region'}
        title={`为${place?.name ?? ''}生成一户一策帮扶计划`}
        okText="生成"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void createForRegion()}
        onCancel={close}
        destroyOnHidden
        okButtonProps={testIdProps('plan-create-region-ok')}
      >
        <p>
          为{place?.name}
          该年度还没有计划的每一户生成计划（按户籍台账和各专项台账自动填写）。已有计划的户不改动，已修改过的内容不会被覆盖。
        </p>
        <Form layout="vertical" component="div">
          <Form.Item label="年度" required>
            <YearInput value={year} onChange={setYear} testId="plan-region-year" />
          </Form.Item>
        </Form>
        {problem !== null && <div className="field-help-error">{problem}</div>}
      </Modal>
    </>
  );
}
