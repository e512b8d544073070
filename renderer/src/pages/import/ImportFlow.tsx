// The 导入文件 tab: choose a file → analysis (progress) → preview → written (result). Which of these
// shows follows the job's state as polled from the core.
import { useState } from 'react';
import { Alert, App, Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { FileChooser } from './FileChooser.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import { ImportResult } from './ImportResult.tsx';
import { JobProgress } from './JobProgress.tsx';
import { SheetChoice } from './SheetChoice.tsx';
import { useImportJob } from './useImportJob.ts';

export function ImportFlow({
  onHistory,
  into,
}: {
  onHistory: (batchId: number | null) => void;
  /** The ledger preselected as the target (from a ledger's page). */
  into: string | null;
}) {
  const { message } = App.useApp();
  const job = useImportJob();
  const [cancelling, setCancelling] = useState(false);
  const { jobId, status, fileName } = job;

  const cancel = async () => {
    setCancelling(true);
    const stopped = await job.cancel();
    setCancelling(false);
    if (stopped) {
      job.reset();
      void message.info('已取消导入，台账未改动。');
    }
  };
  const backToChooser = () => {
    // A preview nobody will commit: let the core drop it now rather than in 30 minutes.
    if (status?.state === 'ready' || status?.state === 'choose-sheet') void job.cancel();
    job.reset();
  };

  if (jobId === null) {
    return (
      <>
        {job.callError !== undefined && (
          <Alert
            type="error"
            showIcon
            className="import-alert"
            title={job.callError.message}
            data-testid="import-start-error"
          />
        )}
        <FileChooser
          starting={job.sending}
          initialInto={into}
          onChosen={(file, regionCode, target) =>
            job.start({ fileId: file.fileId, sheet: null, regionCode, into: target }, file.fileName)
          }
        />
      </>
    );
  }

  const ended = status?.state === 'failed' || status?.state === 'cancelled';
  if (ended || (status === undefined && job.callError !== undefined)) {
    return (
      <Alert
        type="error"
        showIcon
        className="import-card"
        title={fileName === null ? '文件未能导入' : `“${fileName}”未能导入`}
        description={status?.error?.message ?? job.callError?.message ?? '导入任务已结束。'}
        action={
          <Button icon={<FileExcelOutlined />} onClick={job.reset} data-testid="import-choose-again">
            重新选择文件
          </Button>
        }
        data-testid="import-failed"
      />
    );
  }

  if (status?.state === 'done' && status.result !== null) {
    const { batchId } = status.result;
    return (
      <ImportResult
        result={status.result}
        fileName={fileName}
        onHistory={() => onHistory(batchId)}
        onNext={job.reset}
      />
    );
  }

  if (status?.state === 'choose-sheet' && status.sheetChoice !== null) {
    return (
      <>
        {job.callError !== undefined && (
          <Alert type="error" showIcon className="import-alert" title={job.callError.message} />
        )}
        <SheetChoice
          fileName={fileName}
          choice={status.sheetChoice}
          busy={job.sending}
          onChoose={(sheet) => void job.remap({ sheet })}
          onCancel={backToChooser}
        />
      </>
    );
  }

  if (status === undefined || status.preview === null) {
    return (
      <JobProgress
        status={status}
        fileName={fileName}
        onCancel={() => void cancel()}
        cancelling={cancelling}
      />
    );
  }

  const preview = status.preview;
  return (
    <ImportPreview
      job={job}
      jobId={jobId}
      status={status}
      preview={preview}
      onCancel={status.state === 'committing' ? () => void cancel() : backToChooser}
      cancelling={cancelling}
    />
  );
}
