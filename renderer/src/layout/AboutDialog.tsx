// 关于: what a clerk or the county's IT officer asks when something needs checking — which program and
// version this is, where the ledger file lives and how the program runs here. It replaces the version
// text that used to sit in the header.
import { Descriptions, Modal, Typography } from 'antd';
import type { ResponseOf } from '../../../shared/contract/index.ts';

type AppInfo = ResponseOf<'app.info'>;

export const PROGRAM_NAME = '县域统筹台账';

/** How the program runs, in the clerk's words. */
export function hostText(host: AppInfo['host']): string {
  return host === 'electron'
    ? '窗口程序（安装在这台电脑上）'
    : '浏览器模式（程序在这台电脑上运行，只有这台电脑的浏览器能打开）';
}

/** The ledger file's format as a plain number: migration '2026_12_06_0011_audit_chain' → 11 (null if unknown). */
export function formatNumber(schemaVersion: string): number | null {
  const m = /^\d{4}_\d{2}_\d{2}_(\d{4})_/.exec(schemaVersion);
  return m?.[1] === undefined ? null : Number(m[1]);
}

export function AboutDialog({ info, onClose }: { info: AppInfo; onClose: () => void }) {
  const format = formatNumber(info.schemaVersion);
  const items = [
    { key: 'program', label: '程序', children: PROGRAM_NAME },
    {
      key: 'version',
      label: '版本',
      children: (
        <span translate="no" data-testid="about-version">
          {info.version}
        </span>
      ),
    },
    ...(info.county !== null ? [{ key: 'county', label: '本县', children: info.county.fullName }] : []),
    {
      key: 'file',
      label: '台账文件',
      children: (
        <span translate="no">
          <Typography.Text copyable={{ tooltips: ['复制位置', '已复制'] }} data-testid="about-ledger-path">
            {info.ledgerPath}
          </Typography.Text>
        </span>
      ),
    },
    ...(format !== null ? [{ key: 'format', label: '台账格式', children: `第 ${format} 版` }] : []),
    { key: 'host', label: '运行方式', children: <span data-testid="about-host">{hostText(info.host)}</span> },
  ];
  return (
    <Modal
      open
      title={`关于${PROGRAM_NAME}`}
      onCancel={onClose}
      onOk={onClose}
      okText="关闭"
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
      width={560}
    >
      <div data-testid="about-dialog">
        <Descriptions column={1} size="small" bordered items={items} styles={{ label: { width: 96 } }} />
        <p className="dialog-lead about-note">
          自己备份或搬到另一台电脑时，请先关闭程序，再复制上面这个台账文件。
          {info.isSample ? '本台账是示例数据，人员信息均为虚构。' : ''}
        </p>
      </div>
    </Modal>
  );
}
