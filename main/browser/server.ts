// Browser mode: the same renderer build and the same contract over HTTP on 127.0.0.1.
// Every API call needs the per-launch token in a header (never a cookie, so another site cannot
// ride on it); Host and Origin are checked; requests are validated by the core's dispatch.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import {
  API_PATH_PREFIX,
  DOWNLOAD_PATH_PREFIX,
  MAX_UPLOAD_BYTES,
  TOKEN_HEADER,
  UPLOAD_PATH,
} from '../../shared/api.ts';
import { LedgerError, type Result } from '../../shared/result.ts';
import { FileRegistry, type RegisteredFile } from '../core/files/file-registry.ts';
import type { LinkedCore } from '../core/owner/connect-core.ts';
import { startCoreThread } from '../core/owner/start-core-thread.ts';
import { storageReason } from '../core/storage-errors.ts';
import {
  hostAllowed,
  MAX_BODY_BYTES,
  newToken,
  originAllowed,
  SECURITY_HEADERS,
  tokenMatches,
} from './http-guards.ts';
import { staticFile } from './static-files.ts';

export interface BrowserHostOptions {
  ledgerPath: string;
  rendererDir: string;
  port?: number;
  regionDataPath?: string;
  /** The import worker's entry (default: the one beside the core); tests give one that holds a preview. */
  importWorker?: URL | string;
  log?: (message: string, error?: unknown) => void;
  /** A request body that sends nothing for this long is refused with 408 (default 15 s). */
  bodyIdleMs?: number;
  /** Where an upload's bytes go (default: a new file at `target`); tests point it at a failing device. */
  openUploadSink?: (target: string) => Writable;
  /** The core thread's entry (default: main/core/owner/core-thread.ts); tests give one that holds a call. */
  coreThread?: URL;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  /** The ledger file the core owns. */
  ledgerPath: string;
  /**
   * A contract call to the core over the link, as an API request is answered (without HTTP's checks):
   * for the host's own use and tests. The core is in its own thread, never in this one.
   */
  call: LinkedCore['call'];
  /** A file id (an upload, a generated file) resolved through the core; null when unknown. */
  file(fileId: string): Promise<RegisteredFile | null>;
  close(): Promise<void>;
}

/** `close`: end the connection after the reply (its body was not read to the end). */
type Reply = { status: number; body: unknown; close?: boolean };

/** How long a request body may send nothing before it is refused: it must not hold a connection open. */
const BODY_IDLE_MS = 15_000;

async function downloadable(core: LinkedCore, id: string): Promise<RegisteredFile | null> {
  let fileId: string;
  try {
    fileId = decodeURIComponent(id);
  } catch {
    return null;
  }
  const f = await core.files.get(fileId);
  return f?.temporary ? f : null; // only what the program generated, never the clerk's own files
}

const refuse = (
  status: number,
  code: 'unauthorized' | 'forbidden' | 'bad-request' | 'not-found' | 'internal',
  message: string,
  close = false,
): Reply => ({
  status,
  body: { ok: false, error: { code, message } } satisfies Result<never>,
  close,
});

type BodyEnd = 'complete' | 'too-large' | 'stalled' | 'aborted' | 'stopped';

/**
 * Reads a request body chunk by chunk with a size cap and an idle timeout; never throws. `onChunk` may
 * return a promise (a slow disk): reading pauses, and the idle clock stops, until it settles. The rest of
 * an unfinished body is discarded, so the reply can still be sent.
 */
function receiveBody(
  req: http.IncomingMessage,
  limits: { bytes: number; idleMs: number; signal?: AbortSignal },
  onChunk: (chunk: Buffer) => Promise<void> | void,
): Promise<BodyEnd> {
  return new Promise((resolve) => {
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const finish = (end: BodyEnd) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData);
      limits.signal?.removeEventListener('abort', onStop);
      if (end !== 'complete' && end !== 'aborted') req.resume();
      resolve(end);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish('stalled'), limits.idleMs);
    };
    const onStop = () => finish('stopped');
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.bytes) return finish('too-large');
      const pending = onChunk(chunk);
      if (pending === undefined) return arm();
      clearTimeout(timer);
      req.pause();
      void pending.then(() => {
        if (done) return;
        req.resume();
        arm();
      });
    };
    if (limits.signal?.aborted) return finish('stopped');
    limits.signal?.addEventListener('abort', onStop);
    req.on('data', onData);
    req.once('end', () => finish('complete'));
    req.once('error', () => finish('aborted'));
    req.once('close', () => finish('aborted')); // after 'end' this is a no-op
    arm();
  });
}

/** The reply for a body that did not arrive whole. */
function bodyRefusal(end: Exclude<BodyEnd, 'complete'>, tooLarge: string, idleMs: number): Reply {
  if (end === 'too-large') return refuse(413, 'bad-request', tooLarge);
  if (end === 'stalled') {
    const seconds = Math.max(1, Math.round(idleMs / 1000));
    return refuse(408, 'bad-request', `${seconds} 秒内没有收到数据，请求已中止，请重试。`, true);
  }
  return refuse(400, 'bad-request', '请求数据不完整（连接中断），请重试。', true);
}

/** The answer for `/` when there is no renderer build (it is built by `npm start` and `serve`). */
const RENDERER_MISSING =
  '界面文件尚未构建，无法显示台账界面。请在程序目录运行 npm run build:renderer 后刷新本页（npm start 会自动构建）。';

const TOO_LARGE_BODY = `请求内容过大（超过 ${MAX_BODY_BYTES / 1024 / 1024} MB），未处理。`;
const TOO_LARGE_UPLOAD = `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，不能导入。请把表格拆成几个文件分别导入。`;

type ApiCall = { method: string; body: unknown };

/** Everything about an API request that needs no ledger: checks, the body, the method name. */
async function receiveApiCall(
  req: http.IncomingMessage,
  token: string,
  port: number,
  idleMs: number,
): Promise<ApiCall | Reply> {
  const refused = guard(req, token, port);
  if (refused) return refused;
  if (req.method !== 'POST') return refuse(405, 'bad-request', '只接受 POST 请求。');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return refuse(400, 'bad-request', '请求必须是 JSON。');
  }
  let method: string;
  try {
    method = decodeURIComponent((req.url ?? '').slice(API_PATH_PREFIX.length).split('?')[0] ?? '');
  } catch {
    return refuse(400, 'bad-request', '操作名称的编码不正确。');
  }
  const chunks: Buffer[] = [];
  const end = await receiveBody(req, { bytes: MAX_BODY_BYTES, idleMs }, (chunk) => {
    chunks.push(chunk);
  });
  if (end !== 'complete') return bodyRefusal(end, TOO_LARGE_BODY, idleMs);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { method, body: text === '' ? {} : (JSON.parse(text) as unknown) };
  } catch {
    return refuse(400, 'bad-request', '请求内容不是有效的 JSON。');
  }
}

async function runApiCall(core: LinkedCore, call: ApiCall): Promise<Reply> {
  const result = await core.call(call.method, call.body);
  if (!result.ok && result.error.code === 'bad-request') return { status: 400, body: result };
  if (!result.ok && result.error.code === 'not-found' && result.error.message.startsWith('没有这个操作')) {
    return { status: 404, body: result };
  }
  return { status: 200, body: result };
}

function guard(req: http.IncomingMessage, token: string, port: number): Reply | null {
  if (!originAllowed(req.headers.origin, port)) return refuse(403, 'forbidden', '拒绝来自其他网页的请求。');
  if (!tokenMatches(token, req.headers[TOKEN_HEADER])) {
    return refuse(401, 'unauthorized', '缺少或错误的访问令牌：请使用程序启动时给出的地址打开。');
  }
  return null;
}

const writeToFile = (target: string): Writable => fs.createWriteStream(target, { flags: 'wx' });

const downloadHeaders = (name: string): Record<string, string> => ({
  'content-type': 'application/octet-stream',
  'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
  'cache-control': 'no-store',
});

/**
 * An upload goes to a temporary file, never into memory whole; the core gets an opaque id for it. A write
 * that fails (disk full, temp folder gone) is answered in Chinese and the partial file removed. The bytes
 * are written here (`uploads`: this thread's own temporary folder), so an upload goes on while the core is
 * busy; only the finished file is registered with the core.
 */
async function handleUpload(
  req: http.IncomingMessage,
  core: LinkedCore,
  uploads: FileRegistry,
  token: string,
  port: number,
  options: { idleMs: number; openSink: (target: string) => Writable; log?: BrowserHostOptions['log'] },
): Promise<Reply> {
  const refused = guard(req, token, port);
  if (refused) return refused;
  if (req.method !== 'POST') return refuse(405, 'bad-request', '只接受 POST 请求。');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const name = (url.searchParams.get('name') ?? '').trim();
  if (name === '' || name.length > 200) return refuse(400, 'bad-request', '缺少文件名。');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES) return refuse(413, 'bad-request', TOO_LARGE_UPLOAD);

  let target: string | null = null;
  let writeError: unknown = null;
  const stop = new AbortController();
  let end: BodyEnd = 'stopped';
  try {
    target = uploads.tempPath(name);
    const sink = options.openSink(target);
    sink.on('error', (e) => {
      writeError ??= e;
      stop.abort();
    });
    end = await receiveBody(
      req,
      { bytes: MAX_UPLOAD_BYTES, idleMs: options.idleMs, signal: stop.signal },
      (chunk) =>
        sink.write(chunk)
          ? undefined
          : new Promise<void>((resume) => {
              sink.once('drain', resume);
              stop.signal.addEventListener('abort', () => resume(), { once: true });
            }),
    );
    if (end === 'complete' && writeError === null) {
      sink.end();
      await finished(sink).catch((e: unknown) => {
        writeError ??= e;
      });
    }
    if (end === 'complete' && writeError === null && !fs.existsSync(target)) {
      // Written whole, but a temp cleaner removed the folder meanwhile (Linux lets the write finish).
      return refuse(500, 'internal', '上传失败：临时文件在保存时被删除（可能是清理软件），请重新上传。');
    }
    if (end === 'complete' && writeError === null) {
      const fileId = await core.files.register({ path: target, name, temporary: true });
      return { status: 200, body: { ok: true, value: { fileId, fileName: name } } };
    }
    sink.destroy();
  } catch (e) {
    writeError ??= e; // the temporary folder could not be made
  }
  try {
    // Never keep half a file, nor the folder of its own it was given.
    if (target !== null) fs.rmSync(path.dirname(target), { recursive: true, force: true });
  } catch (e) {
    options.log?.('partial upload could not be removed', e);
  }
  // Written, but the core could not take it (it has stopped): its own words.
  if (writeError instanceof LedgerError) return refuse(500, 'internal', `上传失败：${writeError.message}`);
  if (writeError !== null) {
    options.log?.('upload could not be written', writeError);
    const reason = storageReason(writeError) ?? '无法写入临时文件';
    return refuse(500, 'internal', `上传失败：${reason}，文件没有保存。`);
  }
  return bodyRefusal(end === 'complete' ? 'aborted' : end, TOO_LARGE_UPLOAD, options.idleMs);
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  // The core (ledger, import jobs, backups) in a worker thread behind core-link, as Electron's is in a
  // utilityProcess: this thread only checks requests, reads bodies, writes uploads and sends files, so a
  // long query never keeps it from answering.
  const importWorker = options.importWorker;
  const core = await startCoreThread(
    {
      options: {
        ledgerPath: options.ledgerPath,
        host: 'browser',
        ...(options.regionDataPath === undefined ? {} : { regionDataPath: options.regionDataPath }),
        ...(importWorker === undefined
          ? {}
          : { importWorker: importWorker instanceof URL ? fileURLToPath(importWorker) : importWorker }),
        safeguards: true,
      },
      ...(options.log === undefined ? {} : { log: options.log }),
    },
    options.coreThread,
  );
  // Uploads are written in a temporary folder of this thread's own (removed at close, or at the next start).
  const uploads = new FileRegistry();
  const token = newToken();
  let port = 0;

  const idleMs = options.bodyIdleMs ?? BODY_IDLE_MS;
  const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

  const server = http.createServer((req, res) => {
    const send = (status: number, headers: Record<string, string>, body: string | Buffer) => {
      if (res.headersSent || res.destroyed) return;
      res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
      res.end(body);
    };
    const reply = (r: Reply) =>
      send(r.status, r.close ? { ...jsonHeaders, connection: 'close' } : jsonHeaders, JSON.stringify(r.body));
    const failed = (e: unknown) => {
      options.log?.('browser host request failed', e);
      reply(refuse(500, 'internal', storageReason(e) === null ? '程序内部错误。' : `${storageReason(e)}。`));
    };
    try {
      route(req, res, send, reply, failed);
    } catch (e) {
      failed(e); // nothing a request does may stop the server
    }
  });

  function route(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    send: (status: number, headers: Record<string, string>, body: string | Buffer) => void,
    reply: (r: Reply) => void,
    failed: (e: unknown) => void,
  ): void {
    if (!hostAllowed(req.headers.host, port)) {
      send(403, { 'content-type': 'text/plain; charset=utf-8' }, '拒绝访问：主机名不符。');
      return;
    }
    const url = req.url ?? '/';
    if (url === UPLOAD_PATH || url.startsWith(`${UPLOAD_PATH}?`)) {
      const sinkOptions = { idleMs, openSink: options.openUploadSink ?? writeToFile, log: options.log };
      handleUpload(req, core, uploads, token, port, sinkOptions).then(reply, failed);
      return;
    }
    if (url.startsWith(DOWNLOAD_PATH_PREFIX)) {
      const refused = guard(req, token, port);
      if (refused) return reply(refused);
      void download(url.slice(DOWNLOAD_PATH_PREFIX.length), res).then((r) => r && reply(r), failed);
      return;
    }
    if (url.startsWith(API_PATH_PREFIX)) {
      // The body is read before the request joins the core's queue (core.call, one request at a time, writes
      // after an import's commit): a slow or stalled client holds only itself.
      void receiveApiCall(req, token, port, idleMs)
        .then((call) => ('status' in call ? call : runApiCall(core, call)))
        .then(reply, failed);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, { 'content-type': 'text/plain; charset=utf-8' }, '不支持的请求方法。');
      return;
    }
    const found = staticFile(options.rendererDir, url);
    if (!found) {
      const missing = url === '/' || url.startsWith('/?') || url.startsWith('/#');
      send(404, { 'content-type': 'text/plain; charset=utf-8' }, missing ? RENDERER_MISSING : '未找到。');
      return;
    }
    send(200, { 'content-type': found.type, 'cache-control': 'no-cache' }, fs.readFileSync(found.file));
  }

  /** Streams a generated file (a backup may be hundreds of MB); a reply only when there is none to send. */
  async function download(id: string, res: http.ServerResponse): Promise<Reply | null> {
    const gone = refuse(404, 'not-found', '文件不存在或已过期。');
    const file = await downloadable(core, id);
    const size = file && (await fs.promises.stat(file.path).catch(() => null));
    if (!file || !size?.isFile()) return gone;
    const stream = fs.createReadStream(file.path);
    const opened = await new Promise<boolean>((resolve) => {
      stream.once('open', () => resolve(true));
      stream.once('error', () => resolve(false));
    });
    if (!opened) return gone;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      ...downloadHeaders(file.name),
      'content-length': String(size.size),
    });
    // A client that goes away ends the stream; nothing to answer then.
    await pipeline(stream, res).catch((e: unknown) => options.log?.('download interrupted', e));
    return null;
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    await core.close(); // e.g. the port is taken: the ledger is not left open behind it
    uploads.dispose();
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  return {
    url,
    port,
    token,
    ledgerPath: path.resolve(options.ledgerPath),
    call: (method, request, callOptions) => core.call(method, request, callOptions),
    file: (fileId) => core.files.get(fileId),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      try {
        await core.close(); // after the calls in flight; then the thread ends
      } finally {
        const leftOver = uploads.dispose();
        if (leftOver) options.log?.('could not delete the temporary folder', leftOver);
      }
    },
  };
}
