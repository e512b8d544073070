import { describe, expect, it } from 'vitest';
import {
  countsText,
  formatBytes,
  localTime,
  rowsText,
} from '../../renderer/src/pages/import/import-format.ts';
import { isBusy } from '../../renderer/src/pages/import/import-job-state.ts';

describe('import page display helpers', () => {
  it('formats sizes, counts and rows', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(20 * 1024)).toBe('20 KB');
    expect(formatBytes(15.25 * 1024 * 1024)).toBe('15.3 MB');
    expect(countsText({ created: 3, updated: 1, unchanged: 0 })).toBe('新增 3 · 修改 1 · 未变 0');
    expect(rowsText(120000)).toBe('已读 120,000 行');
  });

  it('shows the core’s UTC times in local time', () => {
    const iso = '2024-05-01T06:03:00.000Z';
    const d = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    expect(localTime(iso)).toBe(local);
    expect(localTime(null)).toBe('');
  });

  it('keeps polling only while the core works', () => {
    expect(['reading', 'analysing', 'committing'].every((s) => isBusy(s as never))).toBe(true);
    expect(['ready', 'done', 'failed', 'cancelled'].some((s) => isBusy(s as never))).toBe(false);
  });
});
