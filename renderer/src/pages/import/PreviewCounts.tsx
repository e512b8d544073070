// What the import would do, in numbers: households and persons (or, into a thematic ledger, its records)
// new / changed / unchanged; the data rows written, with errors, and held back with their household
// (数据行 = 写入 + 有错误 + 暂未导入); the rows set aside (合计, 签字 …) and the groups to be created.
import type { ImportPreviewData } from './import-job-state.ts';

function Cell(props: { label: string; value: number; tone?: 'new' | 'changed' | 'error'; testId: string }) {
  const { label, value, tone, testId } = props;
  return (
    <div className="import-count">
      <span className="import-count-label">{label}</span>
      <span
        className={`import-count-value${tone !== undefined && value > 0 ? ` import-count-${tone}` : ''}`}
        data-testid={testId}
        data-value={value}
      >
        {value.toLocaleString('zh-CN')}
      </span>
    </div>
  );
}

function CountGroup(props: { title: string; counts: ImportPreviewData['records']; testId: string }) {
  const { title, counts: c, testId } = props;
  return (
    <div className="import-count-group">
      <span className="import-count-title">{title}</span>
      <Cell label="新增" value={c.created} tone="new" testId={`${testId}-created`} />
      <Cell label="修改" value={c.updated} tone="changed" testId={`${testId}-updated`} />
      <Cell label="未变" value={c.unchanged} testId={`${testId}-unchanged`} />
    </div>
  );
}

export function PreviewCounts({ preview }: { preview: ImportPreviewData }) {
  return (
    <div className="import-counts" data-testid="import-counts">
      {preview.into !== null ? (
        <CountGroup title="记录" counts={preview.records} testId="import-records" />
      ) : (
        <>
          <CountGroup title="户" counts={preview.households} testId="import-households" />
          <CountGroup title="人" counts={preview.persons} testId="import-persons" />
        </>
      )}
      <div className="import-count-group">
        <span className="import-count-title">行</span>
        <Cell label="数据行" value={preview.rows} testId="import-rows" />
        <Cell label="写入" value={preview.written} testId="import-written" />
        <Cell label="有错误" value={preview.invalidRows} tone="error" testId="import-invalid-rows" />
        <Cell label="暂未导入" value={preview.heldRows} tone="error" testId="import-held-rows" />
        <Cell label="已略过" value={preview.skipped.length} testId="import-skipped-count" />
        <Cell
          label="新建组"
          value={preview.newGroups.length}
          tone="changed"
          testId="import-new-groups-count"
        />
      </div>
    </div>
  );
}
