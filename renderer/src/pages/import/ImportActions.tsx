// The preview's buttons: 导入 (only without errors), 跳过有错误的行并导入 (after a confirmation that
// says how many rows stay out and why, with the same numbers the result will show), 下载错误报告 and 取消.
import { useState } from 'react';
import { App, Button } from 'antd';
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { api } from '../../api/transport.ts';
import { saveGeneratedFile, savedMessage } from '../../api/save-file.ts';
import { testIdProps } from '../../lib/test-id.ts';
import type { ImportPreviewData } from './import-job-state.ts';

export function ImportActions(props: {
  jobId: string;
  preview: ImportPreviewData;
  /** The core is working (remap, commit) or a request is on its way. */
  working: boolean;
  onCommit: (skipInvalid: boolean) => void;
  onCancel: () => void;
}) {
  const { jobId, preview, working, onCommit, onCancel } = props;
  const { message, modal } = App.useApp();
  const [reporting, setReporting] = useState(false);
  const hasErrors = preview.errorCount > 0;
  const issues = preview.errorCount + preview.warningCount;
  // The plan's own numbers: rows written + rows not imported = data rows.
  const importable = preview.written;
  const heldShown = preview.notImported.filter((u) => u.kind === 'held').slice(0, 5);

  const confirmSkip = () =>
    modal.confirm({
      title: '跳过有错误的行并导入？',
      width: 460,
      content: (
        <div data-testid="import-skip-dialog">
          <p>
            共 <b>{preview.rows}</b> 行：<b>{importable}</b> 行写入台账，<b>{preview.notImportedCount}</b>{' '}
            行不导入——其中 <b>{preview.invalidRows}</b> 行有错误
            {preview.heldRows > 0 && (
              <>
                ，<b>{preview.heldRows}</b> 行因同户的户主行（或户的信息）有错误整户暂未导入
              </>
            )}
            。
          </p>
          {heldShown.length > 0 && (
            <ul className="import-skip-held">
              {heldShown.map((u) => (
                <li key={u.row}>
                  第 {u.row} 行{u.name ? `（${u.name}）` : ''}：{u.reason}
                </li>
              ))}
              {preview.heldRows > heldShown.length && <li>……见“不导入的行”</li>}
            </ul>
          )}
          <p className="import-muted">可以先下载错误报告，改好这些行后再单独导入。</p>
        </div>
      ),
      okText: '跳过并导入',
      cancelText: '返回检查',
      okButtonProps: testIdProps('import-skip-confirm'),
      cancelButtonProps: testIdProps('import-skip-back'),
      onOk: () => onCommit(true),
    });

  const downloadReport = async () => {
    setReporting(true);
    const r = await api.call('import.errorReport', { jobId });
    if (!r.ok) {
      setReporting(false);
      void message.error(r.error.message, 6);
      return;
    }
    const saved = await saveGeneratedFile(r.value);
    if (!saved.ok) void message.error(saved.error.message, 6);
    else {
      const text = savedMessage(r.value.fileName, '错误报告', saved.value);
      if (text !== null) void message.success(text);
    }
    setReporting(false);
  };

  return (
    <div className="import-actions" data-testid="import-actions">
      <Button
        type="primary"
        icon={<CloudUploadOutlined />}
        disabled={hasErrors || working || importable === 0}
        onClick={() => onCommit(false)}
        data-testid="import-commit"
      >
        导入
      </Button>
      {hasErrors && (
        <Button disabled={working || importable === 0} onClick={confirmSkip} data-testid="import-commit-skip">
          跳过有错误的行并导入
        </Button>
      )}
      <Button
        icon={<DownloadOutlined />}
        disabled={issues === 0 || working}
        loading={reporting}
        onClick={() => void downloadReport()}
        data-testid="import-error-report"
      >
        下载错误报告
      </Button>
      <Button onClick={onCancel} data-testid="import-cancel">
        取消
      </Button>
      <span className="import-actions-note">
        {hasErrors
          ? importable === 0
            ? '没有可以写入的行：请按上面的说明改正。'
            : `有 ${preview.errorCount} 处错误：改正原表后重新选择文件，或跳过不能导入的 ${preview.notImportedCount} 行。`
          : importable === 0
            ? '没有可导入的数据行。'
            : `共 ${importable} 行可以导入；导入后可在“导入历史”中撤销。`}
      </span>
    </div>
  );
}
