// Browser mode: the same renderer build and the same contract over HTTP on 127.0.0.1.
// Every API call needs the per-launch token in a header (never a cookie, so another site cannot
// ride on it); Host and Origin are checked; requests are validated by the core's dispatch.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  API_PATH_PREFIX,
  DOWNLOAD_PATH_PREFIX,
  MAX_UPLOAD_BYTES,
  TOKEN_HEADER,
  UPLOAD_PATH,
} from '../../shared/api.ts';
import type { Result } from '../../shared/result.ts';
import { dispatch } from '../core/api/dispatch.ts';
import { openCore, type Core } from '../core/index.ts';
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
  log?: (message: string, error?: unknown) => void;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  core: Core;
  close(): Promise<void>;
}

type Reply = { status: number; body: unknown };

function downloadable(core: Core, id: string): { path: string; name: string } | null {
  try {
    const f = core.files.get(decodeURIComponent(id));
    return f.temporary ? f : null; // only what the program generated, never the clerk's own files
  } catch {
    return null;
  }
}

const refuse = (
  status: number,
  code: 'unauthorized' | 'forbidden' | 'bad-request' | 'not-found',
  message: string,
): Reply => ({
  status,
  body: { ok: false, error: { code, message } } satisfies Result<never>,
});

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(
  req: http.IncomingMessage,
  core: Core,
  token: string,
  port: number,
  log?: BrowserHostOptions['log'],
): Promise<Reply> {
  const refused = guard(req, token, port);
  if (refused) return refused;
  if (req.method !== 'POST') return refuse(405, 'bad-request', '只接受 POST 请求。');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return refuse(400, 'bad-request', '请求必须是 JSON。');
  }
  const text = await readBody(req);
  if (text === null) return refuse(413, 'bad-request', '请求内容过大。');
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    return refuse(400, 'bad-request', '请求内容不是有效的 JSON。');
  }
  const method = decodeURIComponent((req.url ?? '').slice(API_PATH_PREFIX.length).split('?')[0] ?? '');
  const result = await dispatch(core.handlers, method, body, { log });
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

/** An upload goes to a temporary file, never into memory whole; the core gets an opaque id for it. */
async function handleUpload(
  req: http.IncomingMessage,
  core: Core,
  token: string,
  port: number,
): Promise<Reply> {
  const refused = guard(req, token, port);
  if (refused) return refused;
  if (req.method !== 'POST') return refuse(405, 'bad-request', '只接受 POST 请求。');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const name = (url.searchParams.get('name') ?? '').trim();
  if (name === '' || name.length > 200) return refuse(400, 'bad-request', '缺少文件名。');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES)
    return refuse(413, 'bad-request', `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，不能导入。`);
  const target = core.files.tempPath(name);
  const out = fs.createWriteStream(target, { flags: 'wx' });
  let size = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_UPLOAD_BYTES) {
          req.destroy();
          reject(new Error('too-large'));
          return;
        }
        if (!out.write(chunk)) {
          req.pause();
          out.once('drain', () => req.resume());
        }
      });
      req.on('end', () => out.end(resolve));
      req.on('error', reject);
    });
  } catch {
    out.destroy();
    fs.rmSync(target, { force: true });
    return refuse(413, 'bad-request', `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，不能导入。`);
  }
  const fileId = core.files.register({ path: target, name, temporary: true });
  return { status: 200, body: { ok: true, value: { fileId, fileName: name } } };
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const core = await openCore({
    ledgerPath: options.ledgerPath,
    host: 'browser',
    regionDataPath: options.regionDataPath,
  });
  const token = newToken();
  let port = 0;
  // One request at a time: the core owns a single SQLite connection and its transactions must not interleave.
  let queue: Promise<unknown> = Promise.resolve();

  const server = http.createServer((req, res) => {
    const send = (status: number, headers: Record<string, string>, body: string | Buffer) => {
      res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
      res.end(body);
    };
    if (!hostAllowed(req.headers.host, port)) {
      send(403, { 'content-type': 'text/plain; charset=utf-8' }, '拒绝访问：主机名不符。');
      return;
    }
    const url = req.url ?? '/';
    if (url === UPLOAD_PATH || url.startsWith(`${UPLOAD_PATH}?`)) {
      handleUpload(req, core, token, port).then(
        (reply) =>
          send(
            reply.status,
            { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
            JSON.stringify(reply.body),
          ),
        () => send(500, { 'content-type': 'text/plain; charset=utf-8' }, '上传失败。'),
      );
      return;
    }
    if (url.startsWith(DOWNLOAD_PATH_PREFIX)) {
      const refused = guard(req, token, port);
      const file = refused ? null : downloadable(core, url.slice(DOWNLOAD_PATH_PREFIX.length));
      if (!file) {
        const reply = refused ?? refuse(404, 'not-found', '文件不存在或已过期。');
        send(reply.status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(reply.body));
        return;
      }
      send(
        200,
        {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          'cache-control': 'no-store',
        },
        fs.readFileSync(file.path),
      );
      return;
    }
    if (url.startsWith(API_PATH_PREFIX)) {
      const job = queue.then(() => handleApi(req, core, token, port, options.log));
      queue = job.catch(() => undefined);
      job.then(
        (reply) =>
          send(
            reply.status,
            { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
            JSON.stringify(reply.body),
          ),
        (e: unknown) => {
          options.log?.('browser host request failed', e);
          send(
            500,
            { 'content-type': 'application/json; charset=utf-8' },
            JSON.stringify({ ok: false, error: { code: 'internal', message: '程序内部错误。' } }),
          );
        },
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, { 'content-type': 'text/plain; charset=utf-8' }, '不支持的请求方法。');
      return;
    }
    const found = staticFile(options.rendererDir, url);
    if (!found) {
      send(404, { 'content-type': 'text/plain; charset=utf-8' }, '未找到。');
      return;
    }
    send(200, { 'content-type': found.type, 'cache-control': 'no-cache' }, fs.readFileSync(found.file));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  return {
    url,
    port,
    token,
    core,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await queue;
      await core.close();
    },
  };
}
