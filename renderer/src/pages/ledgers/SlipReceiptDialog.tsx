// 登记回执 of 外出务工: the 用工回执单 comes back by post; the clerk types the 三联单编号 printed on it, sees
// whose slip it is (name, masked 证件号码, place, employer) and records 回执日期 (today by default), 到岗日期,
// the employer and its phone and whether it gave a 用工证明. The core checks the dates against 备案日期
// (migrantSlips.receipt). After saving, the number field is cleared for the next slip of the pile.
import { useState } from 'react';
import { App, Button, Descriptions, Form, Input, Modal, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { parseDateInput, todayIso } from '../../../../shared/date-input.ts';
import type { AppError } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { KeyboardForm } from '../../components/KeyboardForm.tsx';
import { focusOnOpen } from '../../lib/dialog-focus.ts';
import { testIdProps } from '../../lib/test-id.ts';

type Slip = ResponseOf<'migrantSlips.find'>;

const PROOF_OPTIONS = [
  { value: '', label: '不变' },
  { value: 'yes', label: '有' },
  { value: 'no', label: '无' },
];

/** Mounted only while open, so every opening starts clean. */
export function SlipReceiptDialog({ onSaved, onClose }: { onSaved: () => void; onClose: () => void }) {
  const { message } = App.useApp();
  const [serial, setSerial] = useState('');
  const [slip, setSlip] = useState<Slip | null>(null);
  const [receiptDate, setReceiptDate] = useState(todayIso);
  const [arrivalDate, setArrivalDate] = useState('');
  const [employer, setEmployer] = useState('');
  const [employerPhone, setEmployerPhone] = useState('');
  const [proof, setProof] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();

  const find = async () => {
    if (serial.trim() === '' || busy) return;
    setBusy(true);
    const r = await api.call('migrantSlips.find', { serial });
    setBusy(false);
    setError(r.ok ? undefined : r.error);
    const found = r.ok ? r.value : null;
    setSlip(found);
    setArrivalDate(found?.arrivalDate ?? '');
    setEmployer(found?.employer ?? '');
    setEmployerPhone(found?.employerPhone ?? '');
    setProof('');
    if (found?.receiptDate) setReceiptDate(found.receiptDate);
  };

  const receipt = parseDateInput(receiptDate);
  const arrival = arrivalDate.trim() === '' ? null : parseDateInput(arrivalDate);
  const problems = {
    receipt: receipt === null ? '请填写有效的回执日期（如 20260312）' : null,
    arrival: arrivalDate.trim() !== '' && arrival === null ? '到岗日期不是有效日期' : null,
  };

  const save = async () => {
    if (slip === null) return void find();
    if (busy || receipt === null || problems.arrival !== null) return;
    setBusy(true);
    const r = await api.call('migrantSlips.receipt', {
      serial: slip.serial,
      receiptDate: receipt,
      arrivalDate: arrival,
      employer: employer.trim() === '' ? null : employer.trim(),
      employerPhone: employerPhone.trim() === '' ? null : employerPhone.trim(),
      ...(proof === '' ? {} : { employmentProof: proof === 'yes' }),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    void message.success(`已登记 ${r.value.name} 的回执（${r.value.serial}）`);
    onSaved();
    // Next slip of the pile: the dates the clerk typed stay, the person goes.
    setSlip(null);
    setSerial('');
    setError(undefined);
    setArrivalDate('');
    setEmployer('');
    setEmployerPhone('');
    setProof('');
  };

  return (
    <Modal
      open
      afterOpenChange={focusOnOpen('slip-serial')}
      title="登记回执（外出务工三联单）"
      okText="登记回执"
      okButtonProps={{ disabled: slip === null, ...testIdProps('slip-receipt-save') }}
      confirmLoading={busy}
      cancelText="关闭"
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <KeyboardForm onSave={() => void save()} testId="slip-receipt-dialog">
        <p className="dialog-lead">输入回执单上的三联单编号（如 100-2026-00042），核对是谁的三联单后登记。</p>
        <Form layout="vertical" component="div">
          <Form.Item label="三联单编号" required htmlFor="slip-serial">
            <Space.Compact style={{ width: '100%' }}>
              <Input
                id="slip-serial"
                value={serial}
                autoFocus
                maxLength={40}
                autoComplete="off"
                placeholder="乡镇代码后3位-年度-序号"
                onChange={(e) => {
                  setSerial(e.target.value);
                  setSlip(null);
                }}
                onPressEnter={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  void find();
                }}
                // Enter here looks the slip up (it does not move on to the slip's fields)
                data-enter-ignore
                data-testid="slip-serial"
              />
              <Button icon={<SearchOutlined />} onClick={() => void find()} data-testid="slip-find">
                查找
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
        {slip !== null && (
          <>
            <Descriptions
              size="small"
              column={2}
              bordered
              styles={{ label: { whiteSpace: 'nowrap' } }}
              data-testid="slip-person"
              items={[
                { key: 'name', label: '姓名', children: slip.name },
                { key: 'id', label: '证件号码', children: slip.idNumber },
                { key: 'no', label: '户编号', children: slip.householdNo },
                { key: 'year', label: '年度', children: slip.year ?? '' },
                { key: 'place', label: '所在地', children: slip.place, span: 2 },
                { key: 'work', label: '务工地点', children: slip.workPlace ?? '' },
                { key: 'filed', label: '备案日期', children: slip.filedDate ?? '' },
                ...(slip.receiptDate
                  ? [
                      {
                        key: 'done',
                        label: '已登记回执',
                        children: `${slip.receiptDate}（再次登记将覆盖）`,
                        span: 2,
                      },
                    ]
                  : []),
              ]}
            />
            <Form layout="vertical" component="div" className="slip-receipt-form">
              <div className="slip-receipt-row">
                <Form.Item
                  label="回执日期"
                  required
                  htmlFor="slip-receipt-date"
                  validateStatus={problems.receipt ? 'error' : undefined}
                  help={problems.receipt}
                >
                  <DateInput
                    id="slip-receipt-date"
                    value={receiptDate}
                    onChange={setReceiptDate}
                    testId="slip-receipt-date"
                  />
                </Form.Item>
                <Form.Item
                  label="到岗日期"
                  htmlFor="slip-arrival-date"
                  validateStatus={problems.arrival ? 'error' : undefined}
                  help={problems.arrival}
                >
                  <DateInput
                    id="slip-arrival-date"
                    value={arrivalDate}
                    onChange={setArrivalDate}
                    testId="slip-arrival-date"
                  />
                </Form.Item>
                <Form.Item label="用工证明" htmlFor="slip-proof">
                  <Select
                    id="slip-proof"
                    value={proof}
                    onChange={setProof}
                    options={PROOF_OPTIONS}
                    data-testid="slip-proof"
                  />
                </Form.Item>
              </div>
              <div className="slip-receipt-row slip-receipt-employer">
                <Form.Item label="用工单位" htmlFor="slip-employer">
                  <Input
                    id="slip-employer"
                    value={employer}
                    maxLength={200}
                    onChange={(e) => setEmployer(e.target.value)}
                    data-testid="slip-employer"
                  />
                </Form.Item>
                <Form.Item label="用工单位联系电话" htmlFor="slip-employer-phone">
                  <Input
                    id="slip-employer-phone"
                    value={employerPhone}
                    maxLength={40}
                    onChange={(e) => setEmployerPhone(e.target.value)}
                    data-testid="slip-employer-phone"
                  />
                </Form.Item>
              </div>
            </Form>
          </>
        )}
        <ErrorAlert error={error} testId="slip-receipt-error" />
      </KeyboardForm>
    </Modal>
  );
}
