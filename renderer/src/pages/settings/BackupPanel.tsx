// 备份与恢复: the backups beside the ledger (time, why, size, checked), 立即备份, 备份到文件夹或U盘 (the
// copy is read back and checked before 可以拔出U盘), and 恢复 from a listed backup or a chosen file after
// a confirmation in plain words. A restore first saves the current ledger as a 恢复前 backup; after it
// the page reloads (every screen then reads the restored ledger) and offers 撤销恢复.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Input, Modal, Space, Spin, Table, Tag, Upload } from 'antd';
import {
  DownloadOutlined,
  FolderOpenOutlined,
  HistoryOutlined,
  SafetyCertificateOutlined,
  UsbOutlined,
} from '@ant-design/icons';
import type { RequestOf } from '../../../../shared/contract/index.ts';
import type { AppError } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { downloadFile, uploadFile } from '../../api/upload.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatBytes } from '../import/import-format.ts';
import {
  backupTime,
  forgetRestore,
  holding,
  lastRestore,
  rememberRestore,
  restoreSentences,
  type BackupCheck,
  type BackupItem,
} from './backup-actions.ts';

type Source = RequestOf<'backups.restore'>['source'];

interface Confirming {
  source: Source;
  /** “2026-12-06 08:30:15（启动时）的备份”, “文件 台账备份-….db”. */
  what: string;
  check: BackupCheck;
}

const browser = api.host === 'browser';

/** A path typed on this PC (browser mode: the server is this PC) and the button that uses it. */
function PathField(props: {
  placeholder: string;
  button: string;
  icon?: ReactNode;
  testId: string;
  onUse: (path: string) => void;
}) {
  const [value, setValue] = useState('');
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        placeholder={props.placeholder}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        data-testid={`${props.testId}-input`}
      />
      <Button
        icon={props.icon}
        disabled={value.trim() === ''}
        onClick={() => props.onUse(value.trim())}
        data-testid={`${props.testId}-use`}
      >
        {props.button}
      </Button>
    </Space.Compact>
  );
}

export function BackupPanel() {
  const { message } = App.useApp();
  const list = useLedgerQuery('backups.list', {});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError>();
  const [copied, setCopied] = useState<string | null>(null);
  const [folderDialog, setFolderDialog] = useState(false);
  const [fileDialog, setFileDialog] = useState(false);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [checks, setChecks] = useState<Record<string, BackupCheck>>({});
  const [restored, setRestored] = useState(lastRestore);

  const run = async <T,>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
    setError(undefined);
    setBusy(label);
    try {
      return await work();
    } finally {
      setBusy(null);
    }
  };

  const backupNow = () =>
    run('正在备份并检查……', async () => {
      const r = await api.call('backups.create', {});
      if (!r.ok) return setError(r.error);
      void message.success(`已备份（${holding(r.value.check)}，已通过完整性检查）`);
      list.reload();
    });

  const toFolder = (chosen: string | null) =>
    run('正在备份，写完后从U盘重新读取检查……', async () => {
      setCopied(null);
      const r = await api.call('backups.toFolder', { folder: chosen });
      if (!r.ok) return setError(r.error);
      setFolderDialog(false);
      const c = r.value.check;
      if (c === null) return; // the folder dialog was closed
      if (r.value.downloadPath !== null) {
        const d = await downloadFile(r.value.downloadPath, r.value.fileName);
        if (!d.ok) return setError(d.error);
        setCopied(
          `已下载 ${r.value.fileName}（${holding(c)}，已通过完整性检查）。请把它保存到U盘或其他电脑。`,
        );
      } else
        setCopied(
          `已备份到 ${r.value.savedTo ?? ''}（${holding(c)}），写完后重新读取检查通过。可以拔出U盘。`,
        );
    });

  /** Checks the source first: the confirmation says what it holds, a bad file is refused here. */
  const askRestore = (source: Source, what: string) =>
    run('正在检查备份……', async () => {
      const r = await api.call('backups.verify', { source });
      if (!r.ok) return setError(r.error);
      if (!r.value.ok) {
        setError({ code: 'validation', message: `不能用它恢复：${r.value.problems.join('；')}` });
        return;
      }
      setFileDialog(false);
      setConfirming({ source, what, check: r.value });
    });

  const restore = (source: Source) =>
    run('正在恢复，请不要关闭程序……', async () => {
      setConfirming(null);
      const r = await api.call('backups.restore', { source });
      if (!r.ok) return setError(r.error);
      rememberRestore({
        from: r.value.restored.fileName,
        households: r.value.restored.households,
        persons: r.value.restored.persons,
        savedCurrent: r.value.savedCurrent?.fileName ?? null,
        at: new Date().toISOString(),
      });
      // Every screen, cache and the region tree read the restored ledger from scratch.
      window.location.reload();
    });

  const checkOne = (b: BackupItem) =>
    run('正在检查……', async () => {
      const r = await api.call('backups.verify', { source: { backup: b.fileName } });
      if (!r.ok) return setError(r.error);
      setChecks((all) => ({ ...all, [b.fileName]: r.value }));
    });

  const chooseFile = async () => {
    if (browser) return setFileDialog(true);
    const r = await api.call('backups.pickFile', {});
    if (!r.ok) return setError(r.error);
    if (r.value.fileId !== null)
      await askRestore({ fileId: r.value.fileId }, `文件“${r.value.fileName ?? ''}”`);
  };

  const upload = (file: File) =>
    run(`正在上传 ${file.name}……`, async () => {
      const r = await uploadFile(file);
      if (!r.ok) return setError(r.error);
      await askRestore({ fileId: r.value.fileId }, `文件“${file.name}”`);
    });

  const items = list.data?.items ?? [];
  const columns = [
    { title: '时间', dataIndex: 'at', width: 180, render: (at: string) => backupTime(at) },
    { title: '原因', dataIndex: 'reasonLabel', width: 90 },
    { title: '大小', dataIndex: 'bytes', width: 100, render: (b: number) => formatBytes(b) },
    {
      title: '检查',
      key: 'check',
      render: (_: unknown, b: BackupItem) => {
        const c = checks[b.fileName];
        if (!c) return <Tag color="green">已校验</Tag>;
        return c.ok ? (
          <Tag color="green">刚检查：完好，{holding(c)}</Tag>
        ) : (
          <Tag color="red">有问题：{c.problems[0]}</Tag>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_: unknown, b: BackupItem) => (
        <Space size={4}>
          <Button size="small" onClick={() => void checkOne(b)} data-testid={`backup-check-${b.fileName}`}>
            检查
          </Button>
          <Button
            size="small"
            onClick={() =>
              void askRestore({ backup: b.fileName }, ` ${backupTime(b.at)}（${b.reasonLabel}）的备份`)
            }
            data-testid={`backup-restore-${b.fileName}`}
          >
            恢复
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title="备份与恢复" className="record-card" data-testid="backup-panel">
      <p className="dialog-lead">
        程序在启动时、每使用 4 小时、每次导入之前自动备份到台账旁的备份文件夹
        {list.data ? (
          <code className="backup-folder" translate="no">
            {list.data.folder}
          </code>
        ) : null}
        ，每份都经过完整性检查才保留（最新 10 份，另留最近 7 天、4 周各一份）。
      </p>
      {restored && (
        <Alert
          type="success"
          showIcon
          className="backup-alert"
          data-testid="backup-restored"
          message={`已恢复台账：${restored.from}（${holding(restored)}）。`}
          description={
            restored.savedCurrent
              ? `恢复前的台账已另存为 ${restored.savedCurrent}。如果恢复错了，点“撤销恢复”换回来。`
              : undefined
          }
          action={
            <Space direction="vertical">
              {restored.savedCurrent && (
                <Button
                  size="small"
                  danger
                  data-testid="backup-undo-restore"
                  onClick={() => void askRestore({ backup: restored.savedCurrent ?? '' }, '恢复前另存的台账')}
                >
                  撤销恢复
                </Button>
              )}
              <Button
                size="small"
                onClick={() => {
                  forgetRestore();
                  setRestored(null);
                }}
              >
                知道了
              </Button>
            </Space>
          }
        />
      )}
      {copied && (
        <Alert
          type="success"
          showIcon
          closable
          className="backup-alert"
          data-testid="backup-copied"
          message={copied}
          onClose={() => setCopied(null)}
        />
      )}
      <ErrorAlert error={error} testId="backup-error" />
      <Space wrap className="backup-actions">
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          onClick={() => void backupNow()}
          data-testid="backup-now"
        >
          立即备份
        </Button>
        <Button
          icon={<UsbOutlined />}
          onClick={() => (browser ? setFolderDialog(true) : void toFolder(null))}
          data-testid="backup-to-folder"
        >
          备份到文件夹或U盘……
        </Button>
        <Button
          icon={<HistoryOutlined />}
          onClick={() => void chooseFile()}
          data-testid="backup-restore-file"
        >
          从文件恢复……
        </Button>
      </Space>
      <Table<BackupItem>
        size="small"
        rowKey="fileName"
        columns={columns}
        dataSource={items}
        loading={list.loading && !list.data}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有备份' }}
        data-testid="backup-list"
      />

      <Modal
        open={busy !== null}
        closable={false}
        footer={null}
        maskClosable={false}
        keyboard={false}
        width={380}
      >
        <Space data-testid="backup-busy">
          <Spin />
          {busy}
        </Space>
      </Modal>

      <Modal
        open={folderDialog && busy === null}
        title="备份到文件夹或U盘"
        onCancel={() => setFolderDialog(false)}
        footer={null}
        destroyOnHidden
      >
        <p className="dialog-lead">
          下载一份检查过的备份文件（浏览器会问保存到哪里，可直接选U盘），或填写本机上的文件夹路径（例如 E:\ 或
          /media/用户名/U盘）。
        </p>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            onClick={() => void toFolder(null)}
            data-testid="backup-download"
          >
            下载备份文件
          </Button>
          <PathField
            placeholder="文件夹路径"
            button="备份到此文件夹"
            icon={<FolderOpenOutlined />}
            testId="backup-folder"
            onUse={(p) => void toFolder(p)}
          />
        </Space>
      </Modal>

      <Modal
        open={fileDialog && busy === null}
        title="从文件恢复"
        onCancel={() => setFileDialog(false)}
        footer={null}
        destroyOnHidden
      >
        <p className="dialog-lead">选择备份文件（.db），或填写它在本机上的路径（很大的文件请填写路径）。</p>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Upload
            accept=".db,.bak"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<FolderOpenOutlined />} data-testid="backup-upload">
              选择备份文件……
            </Button>
          </Upload>
          <PathField
            placeholder="备份文件路径"
            button="检查并恢复"
            testId="backup-path"
            onUse={(p) => void askRestore({ path: p }, `文件“${p}”`)}
          />
        </Space>
      </Modal>

      <Modal
        open={confirming !== null && busy === null}
        title="恢复台账"
        okText="恢复"
        okButtonProps={{ danger: true, 'data-testid': 'backup-confirm-restore' }}
        cancelText="取消"
        onOk={() => confirming && void restore(confirming.source)}
        onCancel={() => setConfirming(null)}
        destroyOnHidden
      >
        <div data-testid="backup-confirm">
          {confirming &&
            restoreSentences(confirming.what, confirming.check).map((s) => (
              <p key={s} className="dialog-lead">
                {s}
              </p>
            ))}
          {confirming && confirming.check.auditProblems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message="这份备份的操作日志被改动过（仍可恢复，已作为证据保留）"
              description={confirming.check.auditProblems.slice(0, 3).join('；')}
            />
          )}
        </div>
      </Modal>
    </Card>
  );
}
