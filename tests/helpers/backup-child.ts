// The 备份与恢复 screen's operations in a program of their own, to be killed: `node backup-child.ts
// LEDGER to-folder DIR` or `… restore FILE` opens the core as the hosts do, says `go`, runs the one
// contract call (the screen's path: backups.toFolder, or backups.restore, which closes, swaps and reopens
// the ledger), and says `done`. tests/integration/crash-kill-backup.test.ts kills it with SIGKILL between.
import { dispatch } from '../../main/core/api/dispatch.ts';
import { openCore } from '../../main/core/index.ts';

const [ledgerPath, op, arg] = process.argv.slice(2);
if (!ledgerPath || !arg || (op !== 'to-folder' && op !== 'restore'))
  throw new Error('usage: backup-child.ts LEDGER to-folder DIR | restore FILE');
const core = await openCore({ ledgerPath, host: 'browser' });
try {
  process.stdout.write('go\n');
  const r =
    op === 'to-folder'
      ? await dispatch(core.handlers, 'backups.toFolder', { folder: arg })
      : await dispatch(core.handlers, 'backups.restore', { source: { path: arg } });
  if (!r.ok) throw new Error(r.error.message);
  process.stdout.write('done\n');
} finally {
  await core.close();
}
