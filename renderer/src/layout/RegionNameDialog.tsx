// 新增村民小组 under a village, or 修改名称 of a township, village or group (the official name is kept
// by the core). The tree reloads afterwards.
import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import type { ResponseOf } from '../../../shared/contract/index.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api/transport.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { KeyboardForm } from '../components/KeyboardForm.tsx';
import { testIdProps } from '../lib/test-id.ts';
import type { RegionNode } from '../state/region-tree-data.ts';
import { focusOnOpen } from '../lib/dialog-focus.ts';
import { useConfirmDiscard } from '../lib/confirm-discard.ts';

export type RegionAction =
  { kind: 'add-group'; village: RegionNode; groupCount: number } | { kind: 'rename'; node: RegionNode };

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (group names run to a few dozen). */
export function chineseNumber(n: number): string {
  if (n <= 0 || n >= 100 || !Number.isInteger(n)) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return NUMERALS[ones] ?? String(n);
  return `${tens === 1 ? '' : (NUMERALS[tens] ?? '')}十${NUMERALS[ones] ?? ''}`;
}

export function RegionNameDialog({
  action,
  onDone,
  onClose,
}: {
  action: RegionAction;
  onDone: (node: ResponseOf<'regions.rename'>) => void;
  onClose: () => void;
}) {
  const [suggested] = useState(
    // Renaming starts from the name as stored (五星村村委会), not the short one the tree shows.
    action.kind === 'rename' ? action.node.officialName : `${chineseNumber(action.groupCount + 1)}组`,
  );
  const [name, setName] = useState(suggested);
  const confirmDiscard = useConfirmDiscard();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const trimmed = name.trim();
  const limit = action.kind === 'rename' ? 30 : 20;
  const problem =
    trimmed === '' ? '请填写名称' : trimmed.length > limit ? `名称不能超过 ${limit} 个字` : null;

  const save = async () => {
    if (problem !== null || busy) return;
    if (action.kind === 'rename' && trimmed === action.node.officialName) return onClose();
    setBusy(true);
    const result =
      action.kind === 'rename'
        ? await api.call('regions.rename', { code: action.node.code, name: trimmed })
        : await api.call('regions.addGroup', { villageCode: action.village.code, name: trimmed });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  return (
    <Modal
      open
      afterOpenChange={focusOnOpen('region-name')}
      title={
        action.kind === 'rename'
          ? `修改名称：${action.node.officialName}`
          : `在 ${action.village.name} 新增村民小组`
      }
      okText="保存"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={() => confirmDiscard(name !== suggested, onClose)}
      okButtonProps={{ disabled: problem !== null, ...testIdProps('region-name-save') }}
      confirmLoading={busy}
      destroyOnHidden
      width={420}
    >
      <KeyboardForm onSave={() => void save()} testId="region-name-dialog">
        <Form layout="vertical" component="div">
          <Form.Item
            label={action.kind === 'rename' ? '新名称' : '小组名称'}
            required
            htmlFor="region-name"
            validateStatus={problem ? 'error' : undefined}
            help={problem ?? (action.kind === 'rename' ? '官方区划名称仍会保留，用于对照' : undefined)}
          >
            <Input
              id="region-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
              onFocus={(e) => e.target.select()}
              maxLength={limit + 5}
              autoComplete="off"
              data-testid="region-name-input"
            />
          </Form.Item>
        </Form>
        <ErrorAlert error={error} testId="region-name-error" />
      </KeyboardForm>
    </Modal>
  );
}
