// Step 3: the import is written. What it did, its batch number, and the way to 导入历史 (where it can
// be undone) or to the next file.
import { Button, Descriptions, Result } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { countsText } from './import-format.ts';
import type { ImportStatus } from './import-job-state.ts';

type Done = NonNullable<ImportStatus['result']>;

/** An import into a thematic ledger writes records, never households or persons. */
const isLedgerResult = (r: Done): boolean =>
  r.records.created + r.records.updated + r.records.unchanged > 0 &&
  r.households.created + r.households.updated + r.persons.created + r.persons.updated === 0;

const CountsText = ({ id, counts }: { id: string; counts: Done['records'] }) => (
  <span data-testid={`import-result-${id}`}>{countsText(counts)}</span>
);

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
          items={
            isLedgerResult(result)
              ? [
                  {
                    key: 'records',
                    label: '记录',
                    children: <CountsText id="records" counts={result.records} />,
                  },
                ]
              : [
                  {
                    key: 'households',
                    label: '户',
                    children: <CountsText id="households" counts={result.households} />,
                  },
                  {
                    key: 'persons',
                    label: '人',
                    children: <CountsText id="persons" counts={result.persons} />,
                  },
                ]
          }
        />
      </Result>
    </div>
  );
}
