// 打印: every paper form, for the region picked in the tree — a village prints whole (花名册, 公示名单, one
// page per household for the household forms), a township village by village. One household's forms are
// printed from its page.
import { useState } from 'react';
import { Alert, Button, Card, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { RegionScope } from '../../nav/RegionScope.tsx';
import { useRegionSelection } from '../../state/region-context.ts';
import { PrintDialog } from './PrintDialog.tsx';
import './print.css';

type FormInfo = ResponseOf<'print.forms'>[number];

export function PrintPage() {
  const { selectedCode, selected } = useRegionSelection();
  const forms = useLedgerQuery('print.forms', {});
  const [open, setOpen] = useState<FormInfo | null>(null);
  const subject = selected?.name ?? '全县';
  const regionForms = (forms.data ?? []).filter((f) => f.targets.includes('region'));
  return (
    <div className="print-page" data-testid="page-print">
      <div className="page-heading">
        <Typography.Title level={4}>打印</Typography.Title>
        <RegionScope testId="print-region" />
      </div>
      <Alert
        type="info"
        showIcon
        title="在左侧选择村（或乡镇）后打印：选村打印全村，选乡镇逐村打印，每村从第 1 页编号。单户的表在该户页面上打印。"
      />
      <LoadErrorAlert title="表单目录读取失败" error={forms.error} onRetry={forms.reload} />
      <div className="print-cards">
        {regionForms.map((f) => (
          <Card
            key={f.id}
            size="small"
            title={f.title}
            extra={<Tag>{f.orientation === 'landscape' ? 'A4 横向' : 'A4 纵向'}</Tag>}
            data-testid={`print-form-${f.id}`}
          >
            <p className="print-card-text">{f.description}</p>
            <Button icon={<PrinterOutlined />} onClick={() => setOpen(f)} data-testid={`print-open-${f.id}`}>
              打印{subject}…
            </Button>
          </Card>
        ))}
      </div>
      {open && (
        <PrintDialog
          open
          onClose={() => setOpen(null)}
          request={{ form: open.id, regionCode: selectedCode }}
          subject={subject}
        />
      )}
    </div>
  );
}
