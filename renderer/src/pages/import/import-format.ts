// Small display helpers of the 导入 page (pure; tests/unit/renderer-import-format.test.ts).
import dayjs from 'dayjs';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An ISO time from the core in the clerk's local time: '2024-05-01 14:03'. */
export const localTime = (iso: string | null): string =>
  iso === null || iso === '' ? '' : dayjs(iso).format('YYYY-MM-DD HH:mm');

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** '新增 3 · 修改 0 · 未变 1' */
export const countsText = (c: Counts): string =>
  `新增 ${c.created} · 修改 ${c.updated} · 未变 ${c.unchanged}`;

/** The analysis progress line: '读取工作表 · 已读 12,000 行'. */
export const rowsText = (rows: number): string => `已读 ${rows.toLocaleString('zh-CN')} 行`;
