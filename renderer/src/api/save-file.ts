// A file the core has generated (错误报告, 台账导出) into the clerk's hands: browser mode downloads it,
// the desktop program asks where to save it (files.saveAs). Never throws.
import type { Result } from '../../../shared/result.ts';
import { api } from './transport.ts';
import { downloadFile } from './upload.ts';

export interface GeneratedFile {
  fileId: string;
  fileName: string;
  downloadPath: string | null;
}

/** Where the file went: 'downloaded', the path it was saved to, or null when the clerk cancelled. */
export async function saveGeneratedFile(
  file: GeneratedFile,
): Promise<Result<{ savedTo: string | null; downloaded: boolean }>> {
  if (file.downloadPath !== null) {
    const d = await downloadFile(file.downloadPath, file.fileName);
    return d.ok ? { ok: true, value: { savedTo: null, downloaded: true } } : d;
  }
  const saved = await api.call('files.saveAs', { fileId: file.fileId });
  return saved.ok ? { ok: true, value: { savedTo: saved.value.savedTo, downloaded: false } } : saved;
}

/** The sentence that tells the clerk where the file is, or null when nothing was saved. */
export function savedMessage(
  fileName: string,
  what: string,
  saved: { savedTo: string | null; downloaded: boolean },
): string | null {
  if (saved.downloaded) return `已下载 ${fileName}`;
  return saved.savedTo === null ? null : `${what}已保存到 ${saved.savedTo}`;
}
