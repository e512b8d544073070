// Saving a generated file (台账导出, 错误报告) where the clerk chose, through the desktop program's save
// dialog. The usual trouble on Windows: the clerk exports again while the last export (same name, same
// day) is still open in Excel or WPS, which lock it. Then the clerk is told so in Chinese and offered
// another name, instead of an English EBUSY. The dialogs are passed in, so this runs without Electron.
import fs from 'node:fs';
import nodePath from 'node:path';
import { LedgerError } from '../../../shared/result.ts';
import { errnoOf, isFileBusy, retryTransient, writeFailureReason, type RetryOptions } from './file-io.ts';

/** File types the program generates, for the save dialog's filter (it also adds the extension). */
const FILE_TYPES: Record<string, string> = { xlsx: 'Excel 工作簿', csv: 'CSV 文件' };

export interface SaveFilter {
  name: string;
  extensions: string[];
}

/** The save dialog's filters for a suggested name: its own type first, so the dialog adds the extension. */
export function saveFilters(suggestedName: string): SaveFilter[] {
  const ext = nodePath.extname(suggestedName).slice(1).toLowerCase();
  const name = FILE_TYPES[ext];
  return name ? [{ name, extensions: [ext] }] : [{ name: '所有文件', extensions: ['*'] }];
}

/**
 * The chosen path with the suggested name's extension when the clerk typed a name without one (the
 * Linux dialogs do not add it), so the file opens with a double click.
 */
export function withExtensionOf(chosen: string, suggestedName: string, path = nodePath): string {
  const ext = path.extname(suggestedName);
  return ext !== '' && path.extname(chosen) === '' ? `${chosen}${ext}` : chosen;
}

/** `name (2).xlsx`, `name (3).xlsx`, … : the first name in the same folder that is not taken. */
export function alternativeName(
  file: string,
  exists: (p: string) => boolean = fs.existsSync,
  path = nodePath,
): string {
  const ext = path.extname(file);
  const stem = path.basename(file, ext).replace(/ \(\d+\)$/, '');
  for (let n = 2; ; n++) {
    const candidate = path.join(path.dirname(file), `${stem} (${n})${ext}`);
    if (!exists(candidate)) return candidate;
  }
}

/** Copies `source` over `target`, retrying brief holds; a lasting refusal becomes a Chinese LedgerError. */
export async function copyIntoPlace(
  source: string,
  target: string,
  copy: (from: string, to: string) => Promise<void> = (from, to) => fs.promises.copyFile(from, to),
  retry: RetryOptions = {},
): Promise<void> {
  try {
    await retryTransient(() => copy(source, target), retry);
  } catch (e) {
    throw new LedgerError(
      isFileBusy(e) ? 'conflict' : 'internal',
      `无法保存“${target}”：${writeFailureReason(e)}。`,
      {
        errno: errnoOf(e),
      },
    );
  }
}

export interface SaveAsDialogs {
  /** The save dialog: the path chosen, or null when cancelled. */
  chooseTarget(defaultPath: string, filters: SaveFilter[]): Promise<string | null>;
  /** Tells the clerk the file is held; true to choose another name, false to give up. */
  offerOtherName(message: string): Promise<boolean>;
}

export interface SaveAsOptions {
  copy?: (from: string, to: string) => Promise<void>;
  retry?: RetryOptions;
  path?: typeof nodePath;
  exists?: (p: string) => boolean;
}

/**
 * Asks where to save `source` (default: `dir`/`suggestedName`) and copies it there. Returns the saved
 * path, or null when the clerk cancels. When the target is held by Excel/WPS the clerk is offered
 * another name; declining that throws the Chinese error, so the page says nothing was saved.
 */
export async function saveAs(
  source: string,
  suggestedName: string,
  dir: string,
  dialogs: SaveAsDialogs,
  options: SaveAsOptions = {},
): Promise<string | null> {
  const path = options.path ?? nodePath;
  const filters = saveFilters(suggestedName);
  let defaultPath = path.join(dir, suggestedName);
  for (;;) {
    const chosen = await dialogs.chooseTarget(defaultPath, filters);
    if (chosen === null) return null;
    const target = withExtensionOf(chosen, suggestedName, path);
    try {
      await copyIntoPlace(source, target, options.copy, options.retry);
      return target;
    } catch (e) {
      if (!(e instanceof LedgerError) || e.code !== 'conflict') throw e;
      if (!(await dialogs.offerOtherName(e.message))) throw e;
      defaultPath = alternativeName(target, options.exists, path);
    }
  }
}
