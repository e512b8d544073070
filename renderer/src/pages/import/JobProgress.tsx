// While the core reads, analyses or writes: the phase, the rows read so far, a percentage when the
// core knows one, and 取消. Polling runs in useImportJob; nothing here waits.
import { Button, Card, Progress, Spin } from 'antd';
import { phaseLabel } from '../../../../shared/import/phases.ts';
import { rowsText } from './import-format.ts';
import { queueText, type ImportStatus } from './import-job-state.ts';

export function JobProgress(props: {
  status: ImportStatus | undefined;
  fileName: string | null;
  onCancel: () => void;
  cancelling: boolean;
}) {
  const { status, fileName, onCancel, cancelling } = props;
  const committing = status?.state === 'committing';
  const queued = queueText(status);
  const phase = status === undefined ? '正在开始' : (queued ?? phaseLabel(status.phase));
  const percent = queued === null ? (status?.percent ?? null) : null;
  return (
    <Card
      size="small"
      title={committing ? '正在写入台账' : queued !== null ? '等待开始' : '正在分析文件'}
      className="import-card"
      data-testid="import-progress"
      data-state={status?.state ?? 'starting'}
    >
      <div className="import-progress-line">
        <Spin size="small" />
        <span data-testid="import-phase">{phase}</span>
        {fileName !== null && <span className="import-muted">{fileName}</span>}
        {status !== undefined && status.rowsRead > 0 && (
          <span className="import-muted" data-testid="import-rows-read">
            {rowsText(status.rowsRead)}
          </span>
        )}
      </div>
      {percent !== null ? (
        <Progress
          percent={Math.floor(percent)}
          status="active"
          className="import-progress-bar"
          data-testid="import-percent"
        />
      ) : queued !== null ? (
        <div className="import-progress-bar import-muted" data-testid="import-queued">
          为了不占满电脑内存，同时最多进行两个导入；前面的导入结束后自动开始，可以先去做别的事。
        </div>
      ) : (
        <div className="import-progress-bar import-muted">正在{phase}，行数多时需要一些时间……</div>
      )}
      <div className="import-progress-foot">
        <span className="import-muted">
          {committing
            ? '写入在一次事务中完成：取消或出错时台账保持原样。'
            : '分析在后台进行，可以先去做别的事，回到“导入”即可看到结果。'}
        </span>
        <Button onClick={onCancel} loading={cancelling} data-testid="import-cancel-job">
          取消
        </Button>
      </div>
    </Card>
  );
}
