// Disk and file-system failures (SQLite result codes, Node errno codes) in words a clerk can act on.
// The one table every error path uses: the API dispatch (Electron and browser mode), the import
// worker, the CLI, browser-mode uploads and the xlsx writer.

const REASONS: Readonly<Record<string, string>> = {
  SQLITE_FULL: '磁盘空间不足',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘空间不足（超出磁盘配额）',
  EFBIG: '文件超过系统允许的大小',
  EROFS: '磁盘是只读的',
  SQLITE_READONLY: '台账文件是只读的（或所在磁盘只读）',
  EACCES: '没有读写权限',
  EPERM: '没有读写权限',
  EBUSY: '文件正被其他程序占用',
  SQLITE_BUSY: '台账文件正被其他程序占用',
  SQLITE_IOERR: '读写磁盘出错（磁盘可能已拔出或损坏）',
  EIO: '读写磁盘出错（磁盘可能已拔出或损坏）',
  SQLITE_CORRUPT: '台账文件已损坏',
  SQLITE_NOTADB: '文件不是台账数据库',
};

/**
 * Why a disk operation failed, in Chinese, or null when `error` is not such a failure.
 * SQLite's extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, …) fall back to their base code.
 */
export function storageReason(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const exact = REASONS[code];
  if (exact !== undefined) return exact;
  const base = /^SQLITE_[A-Z]+/.exec(code)?.[0];
  return base === undefined ? null : (REASONS[base] ?? null);
}

/** The message for an operation that a storage failure stopped, or null when `error` is something else. */
export function storageFailureMessage(error: unknown): string | null {
  const reason = storageReason(error);
  return reason === null ? null : `${reason}，操作未完成。`;
}
