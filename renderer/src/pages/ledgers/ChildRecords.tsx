// The records of a child ledger under one parent record (入库/出库 of a 物资, 劝返记录 of a 控辍保学
// student), with 新增; a click opens one.
import { useState } from 'react';
import { App, Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { LedgerDef } from '../../../../shared/ledgers/index.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { recordSubjectText, type LedgerRecord } from './ledger-display.tsx';
import { RecordDialog } from './RecordDialog.tsx';
import { RecordTable } from './RecordTable.tsx';

export function ChildRecords(props: {
  parentDef: LedgerDef;
  childDef: LedgerDef;
  parent: LedgerRecord;
  onChanged: () => void;
}) {
  const { parentDef, childDef, parent, onChanged } = props;
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<LedgerRecord | 'new' | null>(null);
  const rows = useLedgerQuery(
    'ledgers.records',
    { ledgerId: childDef.id, regionCode: null, filters: {}, parentId: parent.id, offset: 0, limit: 500 },
    [version],
  );
  const changed = (text: string) => {
    setOpen(null);
    setVersion((v) => v + 1);
    onChanged();
    void message.success(text);
  };

  return (
    <div className="ledger-children" data-testid={`child-records-${childDef.id}`}>
      <div className="ledger-children-toolbar">
        <span className="import-muted">{rows.data === undefined ? '' : `共 ${rows.data.total} 条`}</span>
        <Button
          size="small"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setOpen('new')}
          data-testid={`child-add-${childDef.id}`}
        >
          新增{childDef.name}
        </Button>
      </div>
      <LoadErrorAlert title="记录读取失败" error={rows.error} onRetry={rows.reload} />
      <RecordTable
        def={childDef}
        rows={rows.data?.rows ?? []}
        loading={rows.loading && rows.data === undefined}
        options={{ hideParent: true }}
        onOpen={setOpen}
        testId={`child-table-${childDef.id}`}
      />
      {open !== null && (
        <RecordDialog
          def={childDef}
          record={open === 'new' ? undefined : open}
          fixed={
            open === 'new'
              ? {
                  label: recordSubjectText(parentDef, parent),
                  parent,
                }
              : undefined
          }
          onSaved={(_, created) => changed(created ? `已新增${childDef.name}记录` : '已保存')}
          onDeleted={() => changed('已删除')}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
