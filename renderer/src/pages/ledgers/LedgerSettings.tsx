// 设置: the ledger's county settings (补助标准, 隔离天数 …), each with its default and its own 保存.
import { useState } from 'react';
import { App, Button, InputNumber, Table, type TableColumnsType } from 'antd';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import type { LedgerDef } from '../../../../shared/ledgers/index.ts';
import { api } from '../../api/transport.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { parseNumberText } from '../../../../shared/number-text.ts';

/** InputNumber's parser: NaN tells it the text is not a number. */
const numberOrNaN = (text: string, unit: string | null): number => {
  const r = parseNumberText(text, unit);
  return r.ok ? r.value : Number.NaN;
};

type Setting = ResponseOf<'ledgers.settings'>[number];

export function LedgerSettings({ def, onChanged }: { def: LedgerDef; onChanged: () => void }) {
  const { message } = App.useApp();
  const settings = useLedgerQuery('ledgers.settings', { ledgerId: def.id });
  const [edits, setEdits] = useState<Readonly<Record<string, number | null>>>({});
  const [saving, setSaving] = useState<string | null>(null);

  const save = async (s: Setting) => {
    const value = edits[s.key];
    if (value === undefined || value === null) return;
    setSaving(s.key);
    const r = await api.call('ledgers.setSetting', { ledgerId: def.id, key: s.key, value });
    setSaving(null);
    if (!r.ok) {
      void message.error(r.error.message, 6);
      return;
    }
    setEdits(({ [s.key]: _, ...rest }) => rest);
    settings.reload();
    onChanged();
    void message.success(`已保存：${s.label} ${r.value.value}${s.unit ?? ''}`);
  };

  const columns: TableColumnsType<Setting> = [
    { title: '设置项', dataIndex: 'label', key: 'label', width: 220 },
    {
      title: '数值',
      key: 'value',
      width: 220,
      render: (_, s) => (
        <InputNumber<number>
          value={edits[s.key] === undefined ? s.value : edits[s.key]}
          min={0}
          max={1e9}
          suffix={s.unit ?? undefined}
          // 18,000 / 1.8万 / １８０００ read as clerks write them (shared/number-text.ts)
          parser={(text) => numberOrNaN(text ?? '', s.unit ?? null)}
          onChange={(v) => setEdits((e) => ({ ...e, [s.key]: v }))}
          onPressEnter={() => void save(s)}
          style={{ width: 180 }}
          aria-label={s.label}
          data-testid={`ledger-setting-${s.key}`}
        />
      ),
    },
    {
      title: '默认值',
      key: 'default',
      width: 120,
      render: (_, s) => `${s.default.toLocaleString('zh-CN')} ${s.unit ?? ''}`,
    },
    {
      title: '',
      key: 'save',
      render: (_, s) => (
        <Button
          size="small"
          type="primary"
          disabled={edits[s.key] === undefined || edits[s.key] === null || edits[s.key] === s.value}
          loading={saving === s.key}
          onClick={() => void save(s)}
          data-testid={`ledger-setting-save-${s.key}`}
        >
          保存
        </Button>
      ),
    },
  ];

  return (
    <div className="ledger-settings" data-testid="ledger-settings">
      <div className="import-muted ledger-settings-lead">
        全县统一的标准，保存后用于之后新增、修改和导入的记录（已有记录在下次修改时按新标准重新计算）。
      </div>
      <LoadErrorAlert title="设置读取失败" error={settings.error} onRetry={settings.reload} />
      <Table<Setting>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={settings.data ?? []}
        loading={settings.loading && settings.data === undefined}
        pagination={false}
        tableLayout="fixed"
      />
    </div>
  );
}
