// Step 2: what the file holds and what importing it would do, before anything is written. The clerk can
// switch the sheet, say which 村/组 the rows belong to, change what a column is imported as, read the
// errors, and then import (or skip the rows with errors).
import { useState } from 'react';
import { Alert, Badge, Select, Spin, Tabs, Tag } from 'antd';
import { phaseLabel } from '../../../../shared/import/phases.ts';
import { ConstantValues } from './ConstantValues.tsx';
import { ImportActions } from './ImportActions.tsx';
import { ImportRegionSelect } from './ImportRegionSelect.tsx';
import { IssueTable } from './IssueTable.tsx';
import { JobProgress } from './JobProgress.tsx';
import { MappingTable } from './MappingTable.tsx';
import { PreviewCounts } from './PreviewCounts.tsx';
import { ChangedRecords, NewGroups, NotImportedRows, SkippedRows } from './PreviewDetails.tsx';
import type { ImportPreviewData, ImportStatus } from './import-job-state.ts';
import type { ImportJob } from './useImportJob.ts';

type TabKey = 'issues' | 'not-imported' | 'mapping' | 'changes' | 'skipped' | 'groups';

const tabLabel = (text: string, count: number | string, tone: 'error' | 'plain' = 'plain') => (
  <span className="import-tab-label">
    {text}
    {typeof count === 'string' ? (
      <span className="import-tab-count">{count}</span>
    ) : (
      count > 0 && (
        <Badge
          count={count}
          overflowCount={9999}
          color={tone === 'error' ? '#cf1322' : '#8c8c8c'}
          size="small"
        />
      )
    )}
  </span>
);

const updatedCount = (p: ImportPreviewData): number =>
  p.households.updated + p.persons.updated + p.records.updated;

export function ImportPreview(props: {
  job: ImportJob;
  jobId: string;
  status: ImportStatus;
  preview: ImportPreviewData;
  onCancel: () => void;
  cancelling: boolean;
}) {
  const { job, jobId, status, preview, onCancel, cancelling } = props;
  const [tab, setTab] = useState<TabKey>(preview.errorCount > 0 ? 'issues' : 'mapping');
  const analysing = status.state === 'analysing';
  const committing = status.state === 'committing';
  const working = status.state !== 'ready' || job.sending;
  const visibleSheets = preview.sheets.filter((s) => !s.hidden || s.name === preview.sheet);

  return (
    <div className="import-preview" data-testid="import-preview" data-state={status.state}>
      <div className="import-summary" data-testid="import-summary">
        <div className="import-summary-item import-summary-file">
          <span className="import-label">文件</span>
          <b data-testid="import-file-name" title={preview.fileName}>
            {preview.fileName}
          </b>
        </div>
        <div className="import-summary-item">
          <span className="import-label">工作表</span>
          <Select<string>
            size="small"
            className="import-sheet-select"
            value={preview.sheet}
            options={visibleSheets.map((s) => ({
              value: s.name,
              label: s.rowCount === null ? s.name : `${s.name}（${s.rowCount} 行）`,
            }))}
            onChange={(sheet) => void job.remap({ sheet })}
            disabled={working || visibleSheets.length < 2}
            popupMatchSelectWidth={false}
            aria-label="工作表"
            data-testid="import-sheet"
          />
        </div>
        <div className="import-summary-item">
          <span className="import-label">所属村/组</span>
          <ImportRegionSelect
            value={preview.regionCode}
            onChange={(regionCode) => void job.remap({ regionCode })}
            disabled={working}
            testId="import-region"
          />
        </div>
        <div className="import-summary-item import-summary-title">
          <span className="import-label">表格标题</span>
          <span data-testid="import-title" title={preview.title ?? ''}>
            {preview.title ?? <span className="import-muted">（无标题行）</span>}
          </span>
          {preview.templateUsed !== null && (
            <Tag color="blue" title="列的对应取自上次导入同样表头的文件">
              沿用“{preview.templateUsed}”的列对应
            </Tag>
          )}
        </div>
      </div>

      {preview.nothingWritten !== null && (
        <Alert
          type="warning"
          showIcon
          className="import-alert"
          title={preview.nothingWritten}
          data-testid="import-nothing-written"
        />
      )}
      {status.error !== null && status.state === 'ready' && (
        <Alert
          type="error"
          showIcon
          className="import-alert"
          title="未导入"
          description={status.error.message}
          data-testid="import-commit-error"
        />
      )}
      {job.callError !== undefined && (
        <Alert
          type="error"
          showIcon
          className="import-alert"
          title={job.callError.message}
          data-testid="import-call-error"
        />
      )}

      {committing ? (
        <JobProgress status={status} fileName={null} onCancel={onCancel} cancelling={cancelling} />
      ) : (
        analysing && (
          <div className="import-reanalysing" data-testid="import-reanalysing">
            <Spin size="small" /> {phaseLabel(status.phase)}：按新的设置重新校验……
          </div>
        )
      )}

      <Spin spinning={analysing} delay={150}>
        <PreviewCounts preview={preview} />
        <Tabs
          size="small"
          activeKey={tab}
          onChange={(key) => setTab(key as TabKey)}
          className="import-tabs"
          items={[
            {
              key: 'issues',
              label: tabLabel(
                '错误与提示',
                preview.errorCount + preview.warningCount,
                preview.errorCount > 0 ? 'error' : 'plain',
              ),
              children: <IssueTable preview={preview} />,
            },
            {
              key: 'not-imported',
              label: tabLabel('不导入的行', preview.notImportedCount, 'error'),
              children: (
                <NotImportedRows
                  rows={preview.notImported}
                  count={preview.notImportedCount}
                  lead="这些数据行不会写入台账：有错误的行，以及因同户的户主行（或户的信息）有错误而整户暂未导入的行。改好原表后可再导入。"
                />
              ),
            },
            {
              key: 'mapping',
              label: tabLabel(
                '列对应',
                `${preview.mapping.filter((m) => m.target !== null).length}/${preview.mapping.length}`,
              ),
              children: (
                <>
                  <MappingTable
                    mapping={preview.mapping}
                    into={preview.into}
                    disabled={working}
                    onChange={(header, target) => void job.remap({ mapping: { [header]: target } })}
                  />
                  <ConstantValues
                    preview={preview}
                    disabled={working}
                    onChange={(constants) => void job.remap({ constants })}
                  />
                </>
              ),
            },
            {
              key: 'changes',
              label: tabLabel('将修改的记录', updatedCount(preview)),
              children: <ChangedRecords changes={preview.changes} updated={updatedCount(preview)} />,
            },
            {
              key: 'skipped',
              label: tabLabel('略过的行', preview.skipped.length),
              children: <SkippedRows skipped={preview.skipped} />,
            },
            {
              key: 'groups',
              label: tabLabel('新建的组', preview.newGroups.length),
              children: <NewGroups groups={preview.newGroups} />,
            },
          ]}
        />
      </Spin>

      {!committing && (
        <ImportActions
          jobId={jobId}
          preview={preview}
          working={working}
          onCommit={(skipInvalid) => void job.commit(skipInvalid)}
          onCancel={onCancel}
        />
      )}
    </div>
  );
}
