// Several sheets of the workbook could be the one to import (two villages' rosters, say): nothing is
// guessed, the clerk picks one here and the analysis goes on with it.
import { Alert, Button, Card, Space } from 'antd';
import { TableOutlined } from '@ant-design/icons';

export function SheetChoice(props: {
  fileName: string | null;
  choice: { sheets: string[]; message: string };
  busy: boolean;
  onChoose: (sheet: string) => void;
  onCancel: () => void;
}) {
  const { fileName, choice, busy, onChoose, onCancel } = props;
  return (
    <Card
      size="small"
      className="import-card"
      title={fileName === null ? '选择工作表' : `“${fileName}”：选择要导入的工作表`}
      data-testid="import-sheet-choice"
    >
      <Alert type="info" showIcon className="import-alert" title={choice.message} />
      <Space wrap>
        {choice.sheets.map((sheet) => (
          <Button
            key={sheet}
            icon={<TableOutlined />}
            onClick={() => onChoose(sheet)}
            disabled={busy}
            data-testid={`import-sheet-choice-${sheet}`}
          >
            {sheet}
          </Button>
        ))}
        <Button type="link" onClick={onCancel} disabled={busy} data-testid="import-sheet-choice-cancel">
          重新选择文件
        </Button>
      </Space>
    </Card>
  );
}
