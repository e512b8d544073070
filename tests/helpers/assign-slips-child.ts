// A second program printing 三联单 into the same ledger file: `node assign-slips-child.ts FILE ID…` opens
// the file with its own connection, says `ready` and waits for a line on stdin, then assigns each record's
// serial in its own transaction, as printing one slip at a time would. Two of these started together by
// tests/integration/migrant-slips.test.ts print into one file at the same moment.
import { once } from 'node:events';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { assignSlipSerials } from '../../main/core/migrant-slips/assign-serials.ts';

const [file, ...ids] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: assign-slips-child.ts FILE ID…');
const ledger = await openLedger(file);
try {
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  process.stdin.pause();
  for (const id of ids) assignSlipSerials(ledger, [Number(id)], { operator: `打印进程 ${process.pid}` });
} finally {
  await ledger.close();
}
