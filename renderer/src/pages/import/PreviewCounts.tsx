// What the import would do, in numbers: households and persons new / changed / unchanged, the rows
// set aside (合计, 签字 …), the groups that would be created and the rows with errors.
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

export function PreviewCounts({ preview }: { preview: ImportPreviewData }) {
  const { households: h, persons: p } = preview;
  return (
    <div className="import-counts" data-testid="import-counts">
      <div className="import-count-group">
        <span className="import-count-title">户</span>
        <Cell label="新增" value={h.created} tone="new" testId="import-households-created" />
        <Cell label="修改" value={h.updated} tone="changed" testId="import-households-updated" />
        <Cell label="未变" value={h.unchanged} testId="import-households-unchanged" />
      </div>
      <div className="import-count-group">
        <span className="import-count-title">人</span>
        <Cell label="新增" value={p.created} tone="new" testId="import-persons-created" />
        <Cell label="修改" value={p.updated} tone="changed" testId="import-persons-updated" />
        <Cell label="未变" value={p.unchanged} testId="import-persons-unchanged" />
      </div>
      <div className="import-count-group">
        <span className="import-count-title">行</span>
        <Cell label="数据行" value={preview.rows} testId="import-rows" />
        <Cell label="有错误" value={preview.invalidRows} tone="error" testId="import-invalid-rows" />
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
