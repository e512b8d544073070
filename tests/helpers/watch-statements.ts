// A ledger whose prepared statements are recorded (both `ledger.prepare` and `ledger.sqlite.prepare`), so a
// test can check which SQL a read ran — and its query plan — instead of timing it.
import type { Ledger } from '../../main/core/db/open-ledger.ts';

export function watchStatements(ledger: Ledger): { watched: Ledger; statements: string[] } {
  const statements: string[] = [];
  const watched: Ledger = {
    ...ledger,
    prepare: (text: string) => {
      statements.push(text);
      return ledger.prepare(text);
    },
    sqlite: new Proxy(ledger.sqlite, {
      get(target, prop) {
        if (prop === 'prepare')
          return (text: string) => {
            statements.push(text);
            return target.prepare(text);
          };
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    }),
  };
  return { watched, statements };
}
