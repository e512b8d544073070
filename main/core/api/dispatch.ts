// The one place a request from any host enters the core: validate it against the contract, run the
// handler, and turn every outcome into a Result envelope. Hosts add only transport concerns.
import {
  contract,
  isMethodName,
  type MethodName,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../../shared/contract/index.ts';
import { fail, LedgerError, ok, type Result } from '../../../shared/result.ts';
import { storageFailureMessage } from '../storage-errors.ts';

export type Handlers = {
  [M in MethodName]: (request: ParsedRequestOf<M>) => Promise<ResponseOf<M>> | ResponseOf<M>;
};

export interface DispatchOptions {
  /** Check responses against the contract too (on in tests; catches drift between DB and contract). */
  validateResponses?: boolean;
  log?: (message: string, error?: unknown) => void;
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}：${i.message}` : i.message))
    .join('；');
}

export async function dispatch(
  handlers: Handlers,
  methodName: string,
  rawRequest: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isMethodName(methodName)) return fail('not-found', `没有这个操作：${methodName}`);
  const def = contract[methodName];
  const parsed = def.request.safeParse(rawRequest ?? {});
  if (!parsed.success) {
    return fail('bad-request', `请求格式不正确：${describeIssues(parsed.error.issues)}`);
  }
  try {
    const handler = handlers[methodName] as (req: unknown) => unknown;
    const value = await handler(parsed.data);
    if (options.validateResponses) {
      const checked = def.response.safeParse(value);
      if (!checked.success) {
        options.log?.(`response of ${methodName} does not match the contract`, checked.error);
        return fail(
          'internal',
          `程序内部错误：${methodName} 的返回值与约定不符（${describeIssues(checked.error.issues)}）`,
        );
      }
    }
    return ok(value);
  } catch (e) {
    if (e instanceof LedgerError) return fail(e.code, e.message, e.details);
    options.log?.(`${methodName} failed`, e);
    const storage = storageFailureMessage(e); // a full or read-only disk: say so, not SQLite's English
    if (storage !== null) return fail('internal', storage);
    return fail('internal', `程序内部错误，操作未完成：${(e as Error)?.message ?? String(e)}`);
  }
}

export const typedDispatch = dispatch as <M extends MethodName>(
  handlers: Handlers,
  method: M,
  request: unknown,
  options?: DispatchOptions,
) => Promise<Result<ResponseOf<M>>>;
