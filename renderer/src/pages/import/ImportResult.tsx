// Step 3: the import is written. What it did, its batch number, and the way to 导入历史 (where it can
// be undone) or to the next file.
import { Button, Descriptions, Result } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { countsText } from './import-format.ts';
import type { ImportStatus } from './import-job-state.ts';

type Done = NonNullable<ImportStatus['result']>;

export function ImportResult(props: {
  result: Done;
  fileName: string | null;
  onHistory: () => void;
  onNext: () => void;
}) {
  const { result, fileName, onHistory, onNext } = props;
  return (
    <div className="import-card import-result" data-testid="import-result" data-batch={result.batchId}>
      <Result
        status="success"
        title={`导入完成：第 ${result.batchId} 批`}
        subTitle={fileName ?? undefined}
        extra={[
          <Button
            key="history"
            icon={<HistoryOutlined />}
            onClick={onHistory}
            data-testid="import-open-history"
          >
            查看导入历史（可撤销）
          </Button>,
          <Button
            key="next"
            type="primary"
            icon={<PlusOutlined />}
            onClick={onNext}
            data-testid="import-next"
          >
            导入其他文件
          </Button>,
        ]}
      >
        <Descriptions
          size="small"
          column={1}
          bordered
          className="import-result-counts"
          items={[
            {
              key: 'households',
              label: '户',
              children: <span data-testid="import-result-households">{countsText(result.households)}</span>,
            },
            {
              key: 'persons',
              label: '人',
              children: <span data-testid="import-result-persons">{countsText(result.persons)}</span>,
            },
          ]}
        />
      </Result>
    </div>
  );
}
