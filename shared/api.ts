// The renderer's view of the core: one typed call per contract method. Electron's preload and the
// browser-mode HTTP client both implement `LedgerTransport`.
import type { MethodName, RequestOf, ResponseOf } from './contract/index.ts';
import type { Result } from './result.ts';

export interface LedgerTransport {
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>>;
}

/** Name under which the Electron preload exposes the transport (`window.ledger`). */
export const PRELOAD_GLOBAL = 'ledger';
/** IPC channel prefix: one `ipcMain.handle` per method, named `ledger:<method>`. */
export const IPC_PREFIX = 'ledger:';
/** Browser mode: `POST /api/<method>`, token in this header. */
export const API_PATH_PREFIX = '/api/';
export const TOKEN_HEADER = 'x-ledger-token';
/** Browser mode: `POST /upload?name=<file name>` with the file as the body (token header required). */
export const UPLOAD_PATH = '/upload';
/** Browser mode: `GET /download/<fileId>` (token header required) for generated files. */
export const DOWNLOAD_PATH_PREFIX = '/download/';
/** Largest file browser mode accepts for import (the reader's own file limit is the same). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
