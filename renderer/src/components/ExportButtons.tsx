// 导出 and 脱敏导出 of a list (花名册), one click each. An export with more than 100 persons' full
// 证件号码 is refused by the core until confirmed: the dialog says how many and offers the masked
// variant instead. The file then goes where files go (save dialog, or a download in browser mode).
import { useState } from 'react';
import { App, Button, Dropdown, Modal, Space } from 'antd';
import { DownloadOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../shared/contract/index.ts';
import type { Result } from '../../../shared/result.ts';
import { saveGeneratedFile, savedMessage } from '../api/save-file.ts';

export type ExportAnswer = ResponseOf<'households.export'>;
export interface ExportChoice {
  key: string;
  /** 户花名册, 人员花名册, a ledger's name. */
  label: string;
  run(options: { masked: boolean; confirmFullIds: boolean }): Promise<Result<ExportAnswer>>;
}

interface Pending {
  choice: ExportChoice;
  message: string;
}

export function ExportButtons({
  choices,
  disabled,
  testId,
}: {
  choices: readonly ExportChoice[];
  disabled?: boolean;
  testId: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);

  const run = async (choice: ExportChoice, masked: boolean, confirmFullIds: boolean) => {
    setPending(null);
    setBusy(true);
    const r = await choice.run({ masked, confirmFullIds });
    if (!r.ok) {
      setBusy(false);
      if ((r.error.details as { confirmFullIds?: boolean } | undefined)?.confirmFullIds) {
        setPending({ choice, message: r.error.message });
      } else void message.error(r.error.message, 6);
      return;
    }
    const saved = await saveGeneratedFile(r.value);
    setBusy(false);
    if (!saved.ok) void message.error(saved.error.message, 6);
    else {
      const what = `${choice.label}（${r.value.rows} 行${r.value.masked ? '，已脱敏' : ''}）`;
      const text = savedMessage(r.value.fileName, what, saved.value);
      if (text !== null) void message.success(text);
    }
  };

  const button = (masked: boolean) => {
    const label = masked ? '脱敏导出' : '导出';
    const icon = masked ? <EyeInvisibleOutlined /> : <DownloadOutlined />;
    const id = `${testId}${masked ? '-masked' : ''}`;
    const first = choices[0];
    if (choices.length === 1 && first) {
      return (
        <Button
          icon={icon}
          loading={busy && !masked}
          disabled={disabled === true || busy}
          onClick={() => void run(first, masked, false)}
          data-testid={id}
        >
          {label}
        </Button>
      );
    }
    return (
      <Dropdown
        disabled={disabled === true || busy}
        menu={{
          items: choices.map((c) => ({ key: c.key, label: c.label, 'data-testid': `${id}-${c.key}` })),
          onClick: ({ key }) => {
            const c = choices.find((x) => x.key === key);
            if (c) void run(c, masked, false);
          },
        }}
      >
        <Button icon={icon} loading={busy && !masked} data-testid={id}>
          {label}
        </Button>
      </Dropdown>
    );
  };

  return (
    <>
      <Space.Compact>
        {button(false)}
        {button(true)}
      </Space.Compact>
      <Modal
        open={pending !== null}
        title="导出完整证件号码？"
        onCancel={() => setPending(null)}
        footer={[
          <Button key="cancel" onClick={() => setPending(null)}>
            取消
          </Button>,
          <Button
            key="masked"
            icon={<EyeInvisibleOutlined />}
            onClick={() => pending && void run(pending.choice, true, false)}
            data-testid="export-confirm-masked"
          >
            改为脱敏导出
          </Button>,
          <Button
            key="full"
            type="primary"
            danger
            onClick={() => pending && void run(pending.choice, false, true)}
            data-testid="export-confirm-full"
          >
            确认导出完整号码
          </Button>,
        ]}
        data-testid="export-confirm"
      >
        <p data-testid="export-confirm-message">{pending?.message}</p>
        <p>导出的文件将记入操作日志（文件名、行数和文件校验值），请妥善保管，用后删除。</p>
      </Modal>
    </>
  );
}
