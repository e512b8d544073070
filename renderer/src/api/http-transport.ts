// Browser mode: each contract method is `POST /api/<method>` with the session token in a header; the
// server answers with the same Result envelope as Electron's IPC. Kept free of DOM globals (fetch is
// passed in) so tests/unit can run it under Node.
import { API_PATH_PREFIX, TOKEN_HEADER, type LedgerTransport } from '../../../shared/api.ts';
import type { MethodName, RequestOf, ResponseOf } from '../../../shared/contract/index.ts';
import type { ErrorCode, Result } from '../../../shared/result.ts';

export const NETWORK_ERROR_MESSAGE = '无法连接台账服务，请重新启动程序';
export const MISSING_TOKEN_MESSAGE =
  '缺少访问凭据，无法读取台账。请从台账程序重新打开本页面（刷新页面后也需要重新打开）。';

export const failure = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for `{ ok: true, value }` and `{ ok: false, error: { code, message } }`. */
export function isResultEnvelope(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !isRecord(value.error)) return false;
  return typeof value.error.code === 'string' && typeof value.error.message === 'string';
}

/** The error for an HTTP answer that is not a Result envelope (a proxy, a crashed server, an old build). */
export function httpStatusError(status: number, method: string): Result<never> {
  if (status === 401) return failure('unauthorized', '访问凭据无效或已过期，请从台账程序重新打开本页面。');
  if (status === 403) return failure('forbidden', '没有权限执行此操作。');
  if (status === 404) return failure('not-found', `台账服务不认识此操作（${method}），请确认程序版本一致。`);
  if (status === 413) return failure('bad-request', '提交的数据过大，台账服务拒绝接收。');
  if (status >= 500) return failure('internal', `台账服务出错（HTTP ${status}），操作未完成。`);
  if (status >= 200 && status < 300)
    return failure('internal', '台账服务返回了无法识别的数据，操作结果未知。');
  return failure('internal', `台账服务返回了意外的响应（HTTP ${status}），操作未完成。`);
}

export interface HttpTransportOptions {
  /** The session token from `#token=…`; null when the page was opened without one. */
  token: string | null;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
}

export function createHttpTransport({ token, fetch }: HttpTransportOptions): LedgerTransport {
  return {
    async call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>> {
      if (token === null || token === '') return failure('unauthorized', MISSING_TOKEN_MESSAGE);
      let response: Response;
      try {
        response = await fetch(API_PATH_PREFIX + method, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(request),
        });
      } catch {
        return failure('internal', NETWORK_ERROR_MESSAGE);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      if (isResultEnvelope(body)) return body as Result<ResponseOf<M>>;
      return httpStatusError(response.status, method);
    },
  };
}
