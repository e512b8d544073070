// 导出 Excel of a report or a ledger's 汇总: the core writes the county's workbook (same numbers as on
// screen, written to the audit log); the file then goes where files go (save dialog, or a download).
import { useState } from 'react';
import { App, Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { Result } from '../../../../shared/result.ts';
import { saveGeneratedFile, savedMessage } from '../../api/save-file.ts';
import type { ExportAnswer } from '../../components/ExportButtons.tsx';

export function ExportExcelButton({
  what,
  run,
  disabled,
  size,
  testId,
}: {
  /** What the message calls the file: the report's title. */
  what: string;
  run: () => Promise<Result<ExportAnswer>>;
  disabled?: boolean;
  size?: 'small' | 'middle';
  testId: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    const r = await run();
    const saved = r.ok ? await saveGeneratedFile(r.value) : r;
    setBusy(false);
    if (!saved.ok) return void message.error(saved.error.message, 6);
    if (!r.ok) return;
    const text = savedMessage(r.value.fileName, what, saved.value);
    if (text !== null) void message.success(text);
  };
  return (
    <Button
      size={size}
      icon={<FileExcelOutlined />}
      loading={busy}
      disabled={disabled === true || busy}
      onClick={() => void click()}
      data-testid={testId}
    >
      导出 Excel
    </Button>
  );
}
