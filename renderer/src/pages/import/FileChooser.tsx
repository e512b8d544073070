// Step 1: the file to import. Browser mode drops or picks it here and uploads it (with progress);
// the desktop program opens its own file dialog (files.pick). Then the analysis starts.
import { useRef, useState } from 'react';
import { Alert, Button, Card, Progress, Select, Upload } from 'antd';
import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import type { AppError } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { uploadFile } from '../../api/upload.ts';
import { ledgerSelectOptions } from '../ledgers/ledger-groups.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { ImportRegionSelect } from './ImportRegionSelect.tsx';
import { formatBytes } from './import-format.ts';

export const ACCEPTED_EXTENSIONS = ['.xlsx', '.xls', '.csv', '.ods'] as const;

/** The select's value for the household register (the contract's null). */
const REGISTER = '';
const INTO_OPTIONS = [{ value: REGISTER, label: '户籍台账（户和人员）' }, ...ledgerSelectOptions()];

const acceptedFile = (name: string): boolean =>
  ACCEPTED_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

interface Uploading {
  name: string;
  loaded: number;
  total: number | null;
}

export interface ChosenFile {
  fileId: string;
  fileName: string | null;
}

export function FileChooser(props: {
  onChosen: (file: ChosenFile, regionCode: string | null, into: string | null) => Promise<void>;
  /** The core is starting the analysis. */
  starting: boolean;
  /** The ledger chosen beforehand (导入 on a ledger's page); null: the household register. */
  initialInto: string | null;
}) {
  const { starting } = props;
  const { homeCode, forest } = useRegionSelection();
  const homeIsVillage = forest.byCode.get(homeCode ?? '')?.level === 'village';
  // 本乡镇 (设置) first: a township's clerk imports its villages' sheets.
  const [regionCode, setRegionCode] = useState<string | null>(homeCode);
  const [into, setInto] = useState<string | null>(props.initialInto);
  const onChosen = (file: ChosenFile) => props.onChosen(file, regionCode, into);
  const [uploading, setUploading] = useState<Uploading | null>(null);
  const [error, setError] = useState<AppError>();
  const abort = useRef<AbortController | null>(null);

  const upload = async (file: File) => {
    setError(undefined);
    if (!acceptedFile(file.name)) {
      setError({
        code: 'bad-request',
        message: `“${file.name}”不是表格文件：只能导入 .xlsx、.xls、.csv、.ods 文件。`,
      });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setUploading({ name: file.name, loaded: 0, total: file.size });
    const r = await uploadFile(
      file,
      (p) => setUploading({ name: file.name, loaded: p.loaded, total: p.total ?? file.size }),
      controller.signal,
    );
    abort.current = null;
    setUploading(null);
    if (!r.ok) {
      if (r.error.code !== 'cancelled') setError(r.error);
      return;
    }
    await onChosen(r.value);
  };

  const pick = async () => {
    setError(undefined);
    const r = await api.call('files.pick', { purpose: 'import' });
    if (!r.ok) setError(r.error);
    else if (r.value.fileId !== null) await onChosen({ fileId: r.value.fileId, fileName: r.value.fileName });
  };

  const busy = uploading !== null || starting;
  const percent =
    uploading === null || uploading.total === null || uploading.total === 0
      ? 0
      : Math.min(100, Math.floor((uploading.loaded * 100) / uploading.total));

  return (
    <Card size="small" title="选择要导入的文件" className="import-card" data-testid="import-chooser">
      {api.host === 'electron' ? (
        <div className="import-pick">
          <Button
            type="primary"
            icon={<FolderOpenOutlined />}
            onClick={() => void pick()}
            loading={starting}
            data-testid="import-pick"
          >
            选择文件……
          </Button>
          <span className="import-muted">Excel 工作簿（.xlsx、.xls）、WPS 表格（.ods）或 .csv 文本</span>
        </div>
      ) : (
        <div data-testid="import-dropzone">
          <Upload.Dragger
            accept={ACCEPTED_EXTENSIONS.join(',')}
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void upload(file);
              return Upload.LIST_IGNORE;
            }}
            className="import-dropzone"
          >
            {uploading !== null ? (
              <div className="import-uploading" data-testid="import-uploading">
                <div>
                  正在上传 {uploading.name}
                  {uploading.total !== null && (
                    <span className="import-muted">
                      （{formatBytes(uploading.loaded)} / {formatBytes(uploading.total)}）
                    </span>
                  )}
                </div>
                <Progress percent={percent} size="small" className="import-upload-progress" />
              </div>
            ) : starting ? (
              <div className="import-uploading">正在打开文件……</div>
            ) : (
              <>
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">把表格文件拖到这里，或点击选择文件</p>
                <p className="ant-upload-hint">
                  Excel 工作簿（.xlsx、.xls）、WPS 表格（.ods）或 .csv 文本，最大 200 MB
                </p>
              </>
            )}
          </Upload.Dragger>
        </div>
      )}
      {uploading !== null && (
        <Button
          size="small"
          className="import-upload-cancel"
          onClick={() => abort.current?.abort()}
          data-testid="import-upload-cancel"
        >
          取消上传
        </Button>
      )}

      <div className="import-chooser-region">
        <span className="import-label">导入到</span>
        <Select<string>
          className="import-into-select"
          value={into ?? REGISTER}
          options={INTO_OPTIONS}
          onChange={(v) => setInto(v === REGISTER ? null : v)}
          disabled={busy}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
          listHeight={360}
          aria-label="导入到"
          data-testid="import-into"
        />
        <span className="import-muted">
          {into === null
            ? '户和人员（户籍台账）'
            : '专项台账的记录：按证件号码、户编号或村组关联到人、户、地点'}
        </span>
      </div>

      <div className="import-chooser-region">
        <span className="import-label">所属村/组</span>
        <ImportRegionSelect
          value={regionCode}
          onChange={setRegionCode}
          disabled={busy}
          testId="import-chooser-region"
        />
        <span className="import-muted">
          {regionCode !== null && regionCode === homeCode
            ? homeIsVillage
              ? '默认为本村（在“设置”中修改）：表中没有村列时放入本村。'
              : '默认为本乡镇（在“设置”中修改）：表中的村名在本乡镇中查找。'
            : '表中没有村、组列，标题里也没写村名时才需要选择；选乡镇时只在该乡镇中查找村名。'}
        </span>
      </div>

      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={error.message}
          className="import-alert"
          data-testid="import-chooser-error"
        />
      )}

      <ul className="import-notes">
        <li>表格的标题行、两行合并的表头、合并的户信息单元格、合计行和签字行会自动识别。</li>
        <li>先分析、后预览：确认列的对应和错误之后才写入台账；每次导入都可以在“导入历史”中撤销。</li>
      </ul>
    </Card>
  );
}
