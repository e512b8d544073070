// Step 3: the import is written. What it did, its batch number, the rows it did not write (and why),
// and the way to 导入历史 (where it can be undone) or to the next file. An import that wrote nothing
// (every row already in the ledger, unchanged) says so, without a batch and without a green tick.
import { Button, Descriptions, Result } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { countsText } from './import-format.ts';
import type { ImportStatus } from './import-job-state.ts';
import { NotImportedRows } from './PreviewDetails.tsx';

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
  const { notImported } = result;
  return (
    <div
      className="import-card import-result"
      data-testid="import-result"
      data-batch={result.batchId ?? ''}
      data-written={result.written}
    >
      <Result
        status={result.batchId === null ? 'info' : 'success'}
        title={
          result.batchId === null
            ? (result.nothingWritten ?? '没有写入任何记录')
            : `导入完成：第 ${result.batchId} 批，写入 ${result.written} 行${notImported.count > 0 ? `，${notImported.count} 行未导入` : ''}`
        }
        subTitle={fileName ?? undefined}
        extra={[
          ...(result.batchId === null
            ? []
            : [
                <Button
                  key="history"
                  icon={<HistoryOutlined />}
                  onClick={onHistory}
                  data-testid="import-open-history"
                >
                  查看导入历史（可撤销）
                </Button>,
              ]),
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
        {result.quality && (
          <p className="import-result-quality" data-testid="import-result-quality">
            数据质量：本次导入涉及 {result.quality.households} 户，发现问题 {result.quality.findings}{' '}
            条，其中新增 {result.quality.newFindings} 条（到“数据质量”查看和处理）。
          </p>
        )}
        {notImported.count > 0 && (
          <div className="import-result-not-imported">
            <NotImportedRows
              rows={notImported.rows}
              count={notImported.count}
              lead={`这 ${notImported.count} 行没有写入台账（导入历史中也记着）：改好原表后再导入即可。`}
              testId="import-result-not-imported"
            />
          </div>
        )}
      </Result>
    </div>
  );
}
