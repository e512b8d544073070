// The envelope every contract method returns, over IPC and HTTP alike. Errors travel as data
// (Electron's invoke() keeps only `message` of a thrown error).

export const ERROR_CODES = [
  'bad-request', // the request does not match the contract
  'not-found',
  'conflict', // e.g. a duplicate 证件号码
  'validation', // field/row rules failed
  'not-initialized', // the ledger has no county yet
  'already-initialized',
  'db-from-newer-version',
  'ledger-damaged', // quick_check failed at start: restore from a backup
  'unauthorized',
  'forbidden',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** Chinese, shown to the clerk as is. */
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown inside the core; hosts turn it into a failed Result. */
export class LedgerError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'LedgerError';
    this.code = code;
    this.details = details;
  }
}
