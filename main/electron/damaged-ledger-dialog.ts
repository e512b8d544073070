// The window program when the ledger fails its start-up check: a dialog (before any window) saying what
// is wrong and offering the newest sound backup — 恢复此备份 / 打开文件夹 / 退出 — instead of a crash.
import { dialog, shell } from 'electron';
import {
  damagedLedgerOffer,
  offerSentences,
  restoreDamagedLedger,
  type DamagedLedger,
} from '../core/backup/damaged-ledger.ts';

/** True once a backup was restored (the caller opens the ledger again); false: the clerk chose 退出. */
export async function offerDamagedLedgerRestore(
  damaged: DamagedLedger,
  log: (message: string, error?: unknown) => void,
): Promise<boolean> {
  const { title, lines } = offerSentences(damaged);
  let note = '';
  for (;;) {
    const buttons = damaged.backup ? ['恢复此备份', '打开文件夹', '退出'] : ['打开文件夹', '退出'];
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: '台账文件已损坏',
      message: title,
      detail: [...lines, note].filter((l) => l !== '').join('\n\n'),
      buttons,
      defaultId: 0,
      cancelId: buttons.length - 1,
      noLink: true,
    });
    const choice = buttons[response];
    if (choice === '退出') return false;
    if (choice === '打开文件夹') {
      const failed = await shell.openPath(damaged.folder);
      note = failed ? `无法打开文件夹 ${damaged.folder}：${failed}` : `已打开备份文件夹：${damaged.folder}`;
      continue;
    }
    try {
      await restoreDamagedLedger(damaged, '县域统筹台账（恢复）');
      return true;
    } catch (e) {
      log('restore at start failed', e);
      note = `恢复失败：${(e as Error)?.message ?? String(e)}`;
    }
  }
}

/** The clerk chose 退出 on the damaged-ledger dialog: nothing more to say. */
export class DamagedLedgerQuit extends Error {}

/** Opens the core; on a damaged ledger offers the restore first and opens again after it. */
export async function openCoreOrRecover<T>(
  open: () => Promise<T>,
  ledgerPath: string,
  log: (message: string, error?: unknown) => void,
): Promise<T> {
  try {
    return await open();
  } catch (e) {
    const damaged = damagedLedgerOffer(ledgerPath, e);
    if (damaged === null) throw e;
    log(`ledger damaged at start: ${ledgerPath}`, e);
    if (!(await offerDamagedLedgerRestore(damaged, log))) throw new DamagedLedgerQuit();
    return open();
  }
}
