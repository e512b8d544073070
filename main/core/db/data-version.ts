// A token that changes whenever the ledger's data may have changed: total_changes() moves with every
// write on this connection, data_version with every commit by another connection (the import worker,
// the CLI beside the app). Used to reuse computed results safely.
import type { Ledger } from './open-ledger.ts';

export function dataVersion(ledger: Ledger): string {
  const changes = ledger.prepare('SELECT total_changes()').pluck().get() as number;
  const external = ledger.sqlite.pragma('data_version', { simple: true }) as number;
  return `${changes}:${external}`;
}
