// Browser mode under failure: a write that fails, a body too large, a malformed path, a client that
// stalls, a full database. Each gets a Chinese answer, and the server goes on serving the next request.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { listSheets } from '../../main/core/import/read/index.ts';
import { TOKEN_HEADER } from '../../shared/api.ts';
import { FULL_LEDGER_CORE_THREAD } from '../helpers/full-ledger-core-thread.ts';
import { stubRenderer } from '../helpers/host-ledger.ts';
import { fileFingerprint, tempDir } from '../helpers/temp-ledger.ts';

const IDLE_MS = 2000;
let host: BrowserHost;
let base: string;
let file: string;
/** Where the next upload's bytes go; null: the server's own file. */
let uploadSink: ((target: string) => Writable) | null = null;
/** Where the last upload was written (each file has a folder of its own in the session's temporary one). */
let lastTarget = '';

beforeAll(async () => {
  const dir = tempDir();
  file = path.join(dir, 'ledger.db');
  const renderer = stubRenderer(dir);
  host = await startBrowserHost({
    ledgerPath: file,
    rendererDir: renderer,
    bodyIdleMs: IDLE_MS,
    openUploadSink: (target) => {
      lastTarget = target;
      return uploadSink ? uploadSink(target) : fs.createWriteStream(target, { flags: 'wx' });
    },
  });
  base = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
});

const auth = () => ({ [TOKEN_HEADER]: host.token });
type Refusal = { ok: false; error: { code: string; message: string } };

const upload = (name: string, body: Buffer) =>
  fetch(`${base}/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...auth() },
    body,
  });

/** The server still answers: the proof that a failure did not take it down. */
async function stillServing(): Promise<void> {
  const res = await fetch(`${base}/api/app.info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth() },
    body: '{}',
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
}

/** The session's temporary folder for uploads (as the last upload found it). */
const tempFolder = () => path.dirname(path.dirname(lastTarget));
/** Where the core has an uploaded file (resolved through it, as a download is). */
const uploaded = async (fileId: string) => (await host.file(fileId))?.path ?? '';
const roster = Buffer.from('户编号,姓名\n'.repeat(20_000)); // ~300 KB: several chunks

describe('browser mode under failure', () => {
  it('keeps the uploaded file under the clerk’s name, so a CSV’s sheet is named after it', async () => {
    const res = await upload('s3_members_gbk.csv', roster);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: true; value: { fileId: string } };
    const saved = await uploaded(body.value.fileId);
    expect(path.basename(saved)).toBe('s3_members_gbk.csv');
    expect((await listSheets(saved)).map((s) => s.name)).toEqual(['s3_members_gbk']);
  });

  it('saves an upload in a new temporary folder when the old one was removed (a temp cleaner)', async () => {
    fs.rmSync(tempFolder(), { recursive: true, force: true });
    const res = await upload('花名册.csv', roster);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: true; value: { fileId: string } };
    expect(fs.readFileSync(await uploaded(body.value.fileId))).toEqual(roster);
    await stillServing();
  });

  it('answers a write that fails (disk full) in Chinese, removes the partial file, keeps serving', async () => {
    const folder = tempFolder();
    const kept = fs.readdirSync(folder).length;
    // A real ENOSPC from the kernel: the upload's file is a link to /dev/full.
    uploadSink = (target) => {
      fs.symlinkSync('/dev/full', target);
      return fs.createWriteStream(target);
    };
    try {
      const res = await upload('花名册.csv', roster);
      expect(res.status).toBe(500);
      const body = (await res.json()) as Refusal;
      expect(body.error.message).toBe('上传失败：磁盘空间不足，文件没有保存。');
    } finally {
      uploadSink = null;
    }
    expect(fs.readdirSync(folder)).toHaveLength(kept); // the partial file is gone
    await stillServing();
  });

  it('answers an upload whose file cannot be created in Chinese and keeps serving', async () => {
    const gone = path.join(tempDir(), 'removed');
    uploadSink = () => fs.createWriteStream(path.join(gone, 'x.csv'), { flags: 'wx' });
    try {
      const res = await upload('花名册.csv', roster);
      expect(res.status).toBe(500);
      expect(((await res.json()) as Refusal).error.message).toMatch(/^上传失败：.+，文件没有保存。$/);
    } finally {
      uploadSink = null;
    }
    await stillServing();
  });

  it('answers an upload whose temporary folder is removed while it is written, and keeps serving', async () => {
    uploadSink = (target) => {
      const out = fs.createWriteStream(target, { flags: 'wx' });
      out.once('open', () => fs.rmSync(path.dirname(path.dirname(target)), { recursive: true, force: true }));
      return out;
    };
    try {
      const res = await upload('花名册.csv', roster);
      expect(res.status).toBe(500);
      expect(((await res.json()) as Refusal).error.message).toMatch(/^上传失败：临时文件在保存时被删除/);
    } finally {
      uploadSink = null;
    }
    await stillServing();
    const again = await upload('花名册.csv', roster); // a new temporary folder is made
    expect(again.status).toBe(200);
  });

  it('answers a body over the limit with 413 and a Chinese message', async () => {
    const before = fileFingerprint(file);
    const res = await fetch(`${base}/api/settings.setOperator`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Refusal).error.message).toMatch(/^请求内容过大/);
    expect(fileFingerprint(file)).toBe(before);
    await stillServing();
  });

  it('answers a malformed %-escape in the method name with 400', async () => {
    const res = await fetch(`${base}/api/%E0%A4%A`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Refusal).error.message).toBe('操作名称的编码不正确。');
    await stillServing();
  });

  it('serves other requests while a client stalls its body, then times the stalled one out (408)', async () => {
    const socket = net.connect(host.port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (d: Buffer) => received.push(d));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      [
        'POST /api/settings.setOperator HTTP/1.1',
        `Host: 127.0.0.1:${host.port}`,
        `${TOKEN_HEADER}: ${host.token}`,
        'Content-Type: application/json',
        'Content-Length: 100',
        '',
        '{"na',
      ].join('\r\n'),
    );
    await stillServing(); // not queued behind the stalled body
    expect(received).toHaveLength(0); // …which is still waiting
    await closed;
    const answer = Buffer.concat(received).toString('utf8');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('秒内没有收到数据，请求已中止，请重试。');
    await stillServing();
  });
});

describe('browser mode on a full disk', () => {
  it('says 磁盘空间不足 when the ledger cannot grow (SQLITE_FULL), not SQLite’s English', async () => {
    // The core's own connection may not grow the file (full-ledger-core-thread.ts): a full disk for SQLite.
    const full = await startBrowserHost({
      ledgerPath: path.join(tempDir(), 'ledger.db'),
      rendererDir: tempDir(),
      coreThread: FULL_LEDGER_CORE_THREAD,
    });
    try {
      const at = `http://127.0.0.1:${full.port}`;
      const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: full.token };
      const res = await fetch(`${at}/api/ledger.create`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ countyCode: '420626' }),
      });
      const body = (await res.json()) as Refusal;
      expect(body.ok).toBe(false);
      expect(body.error.message).toBe('磁盘空间不足，操作未完成。');
      const info = await fetch(`${at}/api/app.info`, { method: 'POST', headers, body: '{}' });
      expect(((await info.json()) as { value: { initialized: boolean } }).value.initialized).toBe(false);
    } finally {
      await full.close();
    }
  });
});

describe('browser mode without a renderer build', () => {
  it('explains how to build the interface instead of a bare 「未找到。」', async () => {
    const dir = tempDir();
    const bare = await startBrowserHost({
      ledgerPath: path.join(dir, 'ledger.db'),
      rendererDir: path.join(dir, 'missing'),
    });
    try {
      const res = await fetch(`http://127.0.0.1:${bare.port}/`);
      expect(res.status).toBe(404);
      expect(await res.text()).toMatch(/界面文件尚未构建.*npm run build:renderer/);
    } finally {
      await bare.close();
    }
  });
});
