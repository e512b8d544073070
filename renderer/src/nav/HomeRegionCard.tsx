// 设置 → 本乡镇: the township (or village) this clerk works in. The tree, the lists and reports open
// there, 清除 goes back to it, and the import page offers it as 所属乡镇/村.
import { useState } from 'react';
import { Alert, Button, Card, Space } from 'antd';
import { useRegionSelection } from '../state/region-context.ts';
import { regionPath } from '../state/region-tree-data.ts';
import { regionPlaceName } from './region-label.ts';
import { RegionTreeSelect } from './RegionTreeSelect.tsx';

const LEVELS = ['township', 'village'] as const;

export function HomeRegionCard() {
  const { homeCode, setHome, forest } = useRegionSelection();
  const [draft, setDraft] = useState<string | null>(homeCode);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const shown = homeCode === null ? '未设置（全县）' : regionPlaceName(regionPath(forest.byCode, homeCode));

  const save = async (code: string | null) => {
    setSaving(true);
    setSaved(false);
    const message = await setHome(code);
    setSaving(false);
    setError(message);
    if (message === null) {
      setDraft(code);
      setSaved(true);
    }
  };

  return (
    <Card size="small" title="本乡镇" className="record-card" data-testid="settings-home-region">
      <p className="dialog-lead">
        当前：<b data-testid="settings-home-region-current">{shown}</b>
      </p>
      <p className="dialog-lead">
        设置后，左侧区划树、户籍台账、专项台账和报表都从本乡镇（或本村）打开，“清除”回到这里；导入时“所属村/组”默认为本乡镇。
      </p>
      <Space wrap>
        <RegionTreeSelect
          value={draft}
          onChange={(code) => {
            setDraft(code);
            setSaved(false);
          }}
          levels={LEVELS}
          openAt={draft}
          placeholder="选择乡镇或村（可输入名称查找）"
          ariaLabel="本乡镇"
          className="home-region-select"
          style={{ minWidth: 280 }}
          testId="settings-home-region-select"
        />
        <Button
          type="primary"
          loading={saving}
          disabled={draft === homeCode}
          onClick={() => void save(draft)}
          data-testid="settings-home-region-save"
        >
          保存
        </Button>
        {homeCode !== null && (
          <Button onClick={() => void save(null)} disabled={saving} data-testid="settings-home-region-clear">
            不设置（全县）
          </Button>
        )}
      </Space>
      {saved && (
        <Alert
          type="success"
          showIcon
          title={`已保存。本乡镇：${shown}`}
          style={{ marginTop: 8 }}
          data-testid="settings-home-region-saved"
        />
      )}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginTop: 8 }}
          data-testid="settings-home-region-error"
        />
      )}
    </Card>
  );
}
