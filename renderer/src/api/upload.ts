// Browser mode's file transfers beside the contract: the file to import goes up as the body of
// `POST /upload?name=…` (with upload progress), a generated file (the error report) comes down from
// `GET /download/<fileId>`. Both carry the same session token as the API calls. Like http-transport.ts
// this is kept free of DOM types (the browser's objects are reached through small interfaces), so
// tests/unit can run it under Node with fakes.
import { MAX_UPLOAD_BYTES, TOKEN_HEADER, UPLOAD_PATH } from '../../../shared/api.ts';
import { sessionToken } from './session-token.ts';
import type { Result } from '../../../shared/result.ts';
import {
  failure,
  httpStatusError,
  isResultEnvelope,
  MISSING_TOKEN_MESSAGE,
  NETWORK_ERROR_MESSAGE,
} from './http-transport.ts';

export { MAX_UPLOAD_BYTES };

export interface UploadedFile {
  fileId: string;
  fileName: string;
}

export interface UploadProgress {
  loaded: number;
  /** Null when the browser cannot tell the size. */
  total: number | null;
}

/** A file the clerk chose (a DOM File). */
export interface ChosenFile extends Blob {
  readonly name: string;
}

/** The part of XMLHttpRequest an upload uses (fetch cannot report upload progress). */
export interface UploadRequest {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  readonly upload: {
    onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;
  };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  readonly status: number;
  readonly responseText: string;
  send(body: Blob): void;
  abort(): void;
}

export interface FileTransferEnvironment {
  token: () => string | null;
  newRequest: () => UploadRequest;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  /** Hands a downloaded file to the browser (an `<a download>` click). */
  save: (blob: Blob, fileName: string) => void;
}

export interface FileTransfer {
  /** Sends one file to the browser-mode server; `signal` stops it. Never throws. */
  uploadFile(
    file: ChosenFile,
    onProgress?: (progress: UploadProgress) => void,
    signal?: AbortSignal,
  ): Promise<Result<UploadedFile>>;
  /** Fetches a generated file (with the token) and saves it as a download. Never throws. */
  downloadFile(downloadPath: string, fileName: string): Promise<Result<null>>;
}

export const uploadUrl = (fileName: string): string => `${UPLOAD_PATH}?name=${encodeURIComponent(fileName)}`;

const isUploaded = (v: unknown): v is UploadedFile =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { fileId?: unknown }).fileId === 'string' &&
  typeof (v as { fileName?: unknown }).fileName === 'string';

/** The server's answer to an upload as a Result (its own Chinese refusal when it sent one). */
export function uploadReply(status: number, text: string): Result<UploadedFile> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isResultEnvelope(body)) {
    if (!body.ok) return body;
    if (isUploaded(body.value)) return { ok: true, value: body.value };
  }
  return httpStatusError(status, '上传文件');
}

export function uploadTooLarge(size: number): string | null {
  return size > MAX_UPLOAD_BYTES
    ? `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，不能导入。请把表格拆成几个文件分别导入。`
    : null;
}

export function createFileTransfer(env: FileTransferEnvironment): FileTransfer {
  return {
    uploadFile(file, onProgress, signal) {
      const token = env.token();
      if (token === null || token === '')
        return Promise.resolve(failure('unauthorized', MISSING_TOKEN_MESSAGE));
      const tooLarge = uploadTooLarge(file.size);
      if (tooLarge !== null) return Promise.resolve(failure('bad-request', tooLarge));
      if (signal?.aborted) return Promise.resolve(failure('cancelled', '已取消上传。'));
      return new Promise((resolve) => {
        const xhr = env.newRequest();
        xhr.open('POST', uploadUrl(file.name));
        xhr.setRequestHeader('content-type', 'application/octet-stream');
        xhr.setRequestHeader(TOKEN_HEADER, token);
        xhr.upload.onprogress = (e) =>
          onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : null });
        xhr.onload = () => resolve(uploadReply(xhr.status, xhr.responseText));
        xhr.onerror = () => resolve(failure('internal', NETWORK_ERROR_MESSAGE));
        xhr.onabort = () => resolve(failure('cancelled', '已取消上传。'));
        signal?.addEventListener('abort', () => xhr.abort(), { once: true });
        xhr.send(file);
      });
    },

    async downloadFile(downloadPath, fileName) {
      const token = env.token();
      if (token === null || token === '') return failure('unauthorized', MISSING_TOKEN_MESSAGE);
      let response: Response;
      try {
        response = await env.fetch(downloadPath, { headers: { [TOKEN_HEADER]: token } });
      } catch {
        return failure('internal', NETWORK_ERROR_MESSAGE);
      }
      if (!response.ok) {
        const refusal = await response.json().then(
          (body: unknown) => (isResultEnvelope(body) && !body.ok ? body : null),
          () => null,
        );
        return refusal ?? httpStatusError(response.status, '下载文件');
      }
      try {
        env.save(await response.blob(), fileName);
      } catch {
        return failure('internal', NETWORK_ERROR_MESSAGE);
      }
      return { ok: true, value: null };
    },
  };
}

// ---- the browser's own objects, reached only when a transfer starts ----

interface AnchorLike {
  href: string;
  download: string;
  style: { display: string };
  click(): void;
  remove(): void;
}

interface BrowserGlobals {
  XMLHttpRequest: new () => UploadRequest;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  document: { createElement(tag: 'a'): AnchorLike; body: { append(node: AnchorLike): void } };
  setTimeout: (f: () => void, ms: number) => unknown;
}

const browser = (): BrowserGlobals => globalThis as unknown as BrowserGlobals;

function saveBlob(blob: Blob, fileName: string): void {
  const { document, setTimeout } = browser();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser reads the blob after click() returns; let go of it a minute later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const transfer = createFileTransfer({
  token: sessionToken,
  newRequest: () => new (browser().XMLHttpRequest)(),
  fetch: (input, init) => browser().fetch(input, init),
  save: saveBlob,
});

export const uploadFile: FileTransfer['uploadFile'] = (file, onProgress, signal) =>
  transfer.uploadFile(file, onProgress, signal);

export const downloadFile: FileTransfer['downloadFile'] = (downloadPath, fileName) =>
  transfer.downloadFile(downloadPath, fileName);
