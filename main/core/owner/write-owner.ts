// The one owner of the ledger's writes. Requests run one at a time in arrival order, so a handler's awaits
// never interleave with another handler's transaction. An import commits on its worker's own connection,
// but only under the write lease granted here: while the lease is out, writes wait in this queue (not in
// SQLite's busy_timeout, which failed with SQLITE_BUSY after 5 s) and reads keep being answered; when the
// import ends, the waiting writes run first, in the order they came. So no two connections ever write at
// the same time, and no write ever races the import for SQLite's lock.

import { isMethodName } from '../../../shared/contract/index.ts';
import { writesLedger } from '../../../shared/contract/writes.ts';
import type { Result } from '../../../shared/result.ts';
import { dispatch, type DispatchOptions, type Handlers } from '../api/dispatch.ts';

interface Entry {
  readonly writes: boolean;
  start(done: () => void): void;
}

export interface WriteState {
  /** An import holds the write lease. */
  importCommitting: boolean;
  /** Writes waiting for it. */
  waitingWrites: number;
}

export class WriteOwner {
  readonly #queue: Entry[] = [];
  #running = false;
  #leased = false;
  #idle: Array<() => void> = [];

  /** Runs `task` in turn; a write (`writes`) never runs while the import's lease is out. */
  run<T>(writes: boolean, task: () => Promise<T> | T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        writes,
        start: (done) => {
          Promise.resolve().then(task).then(resolve, reject).finally(done);
        },
      });
      this.#pump();
    });
  }

  /**
   * The exclusive write lease for a connection other than the owner's (the import worker's commit):
   * granted once no write of the owner's is running or waiting ahead of it; the returned function gives it
   * back (calling it again does nothing).
   */
  lease(): Promise<() => void> {
    return this.run(true, () => {
      this.#leased = true;
      let returned = false;
      return () => {
        if (returned) return;
        returned = true;
        this.#leased = false;
        this.#pump();
      };
    });
  }

  state(): WriteState {
    return {
      importCommitting: this.#leased,
      waitingWrites: this.#leased ? this.#queue.filter((e) => e.writes).length : 0,
    };
  }

  /** Settles once nothing is running or waiting (hosts wait for it before closing the ledger). */
  idle(): Promise<void> {
    if (!this.#running && this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #pump(): void {
    if (this.#running) return;
    // The oldest entry that may run now: a write waits out the lease, the reads behind it do not.
    const next = this.#queue.findIndex((e) => !(e.writes && this.#leased));
    if (next === -1) {
      if (this.#queue.length === 0) for (const resolve of this.#idle.splice(0)) resolve();
      return;
    }
    const [entry] = this.#queue.splice(next, 1);
    this.#running = true;
    entry!.start(() => {
      this.#running = false;
      this.#pump();
    });
  }
}

/** A contract call through the owner: dispatched in turn, a write (shared/contract/writes.ts) after the lease. */
export const ownedCall =
  (owner: WriteOwner, handlers: () => Handlers) =>
  (method: string, request: unknown, options?: DispatchOptions): Promise<Result<unknown>> =>
    owner.run(isMethodName(method) && writesLedger(method), () =>
      dispatch(handlers(), method, request, options),
    );
