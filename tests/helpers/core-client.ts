// Drives the core through the contract exactly as a host does (request validation, envelopes), with
// response validation on so that drift between the database and the contract fails tests.
import { openCore, type Core } from '../../main/core/index.ts';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract/index.ts';
import type { AppError, Result } from '../../shared/result.ts';
import { tempLedgerPath } from './temp-ledger.ts';

export interface TestClient {
  core: Core;
  ok<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
  fail<M extends MethodName>(method: M, request: RequestOf<M>): Promise<AppError>;
  close(): Promise<void>;
}

/** Whatever answers contract calls: an open core, a core over the link, a browser-mode host. */
export interface CallsCore {
  call(method: string, request: unknown, options: { validateResponses: boolean }): Promise<Result<unknown>>;
}

/** ok/fail over a core's call (through its one owner, as the hosts call it), with response validation. */
export function clientOf(core: CallsCore): Pick<TestClient, 'ok' | 'fail'> {
  const call = (method: string, request: unknown) => core.call(method, request, { validateResponses: true });
  return {
    async ok(method, request) {
      const r = await call(method, request);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    },
    async fail(method, request) {
      const r = await call(method, request);
      if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
      return r.error;
    },
  };
}

export async function openTestClient(path = tempLedgerPath()): Promise<TestClient> {
  const core = await openCore({ ledgerPath: path, host: 'browser' });
  return { core, ...clientOf(core), close: () => core.close() };
}

/** A new ledger of 保康县 (420626) with its township and villages, and an operator for the audit log. */
export async function openCountyLedger(operator = '导入员'): Promise<TestClient> {
  const c = await openTestClient();
  await c.ok('ledger.create', { countyCode: '420626' });
  await c.ok('settings.setOperator', { name: operator });
  return c;
}
