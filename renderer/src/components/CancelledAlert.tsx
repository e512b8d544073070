// The banner on a 注销 record's page: why and when it was cancelled, and the way back (恢复).
import { Alert, Button } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useCodeTables } from '../state/code-tables.ts';

export interface CancelledInfo {
  cancelReason: string | null;
  cancelDate: string | null;
  cancelNote: string | null;
}

export function CancelledAlert(props: {
  prefix: string;
  record: CancelledInfo;
  restoreLabel: string;
  onRestore: () => void;
  testId: string;
  restoreTestId: string;
}) {
  const tables = useCodeTables();
  const { cancelReason, cancelDate, cancelNote } = props.record;
  return (
    <Alert
      type="warning"
      showIcon
      className="record-alert"
      title={`${props.prefix}：${tables.label('cancel_reason', cancelReason)}${cancelDate ? `（${cancelDate}）` : ''}${cancelNote ? `，${cancelNote}` : ''}`}
      action={
        <Button
          size="small"
          icon={<UndoOutlined />}
          onClick={props.onRestore}
          data-testid={props.restoreTestId}
        >
          {props.restoreLabel}
        </Button>
      }
      data-testid={props.testId}
    />
  );
}
