import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { TOKEN_HEADER } from '../../shared/api.ts';
import { stubRenderer } from '../helpers/host-ledger.ts';
import { fileFingerprint, tempDir } from '../helpers/temp-ledger.ts';

let host: BrowserHost;
let file: string;
let base: string;

beforeAll(async () => {
  const dir = tempDir();
  file = path.join(dir, 'ledger.db');
  const renderer = stubRenderer(dir);
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the browser');
  host = await startBrowserHost({ ledgerPath: file, rendererDir: renderer });
  base = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
});

const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Everything the ledger holds, to show that refused calls change nothing. */
const snapshot = () => {
  // On a connection of the test's own: the core's is in its thread; any connection may checkpoint.
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return fileFingerprint(file);
};

describe('browser mode host', () => {
  it('prints a 127.0.0.1 URL with the token in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{40,}$/);
    expect(host.url.endsWith(host.token)).toBe(true);
  });

  it('answers a call with the right token', async () => {
    const res = await post('app.info', {}, { [TOKEN_HEADER]: host.token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { initialized: boolean; host: string } };
    expect(body.ok).toBe(true);
    expect(body.value).toMatchObject({ initialized: false, host: 'browser' });
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses calls without the token or with a wrong one (401) and changes nothing', async () => {
    const before = snapshot();
    const none = await post('ledger.create', { countyCode: '420626' });
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/令牌/);
    const wrong = await post('ledger.create', { countyCode: '420626' }, { [TOKEN_HEADER]: 'x'.repeat(43) });
    expect(wrong.status).toBe(401);
    const inCookie = await post('ledger.create', { countyCode: '420626' }, { cookie: `token=${host.token}` });
    expect(inCookie.status).toBe(401);
    expect(snapshot()).toBe(before);
  });

  it('refuses a foreign Origin (403) even with the token, and changes nothing', async () => {
    const before = snapshot();
    const res = await post(
      'ledger.create',
      { countyCode: '420626' },
      { [TOKEN_HEADER]: host.token, origin: 'http://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(snapshot()).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/app.info',
          method: 'POST',
          headers: {
            host: `evil.example:${host.port}`,
            [TOKEN_HEADER]: host.token,
            'content-type': 'application/json',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('refuses malformed bodies with 400 in Chinese, and changes nothing', async () => {
    const before = snapshot();
    const auth = { [TOKEN_HEADER]: host.token };
    const notJson = await post('ledger.create', '{countyCode:', auth);
    expect(notJson.status).toBe(400);
    const badShape = await post('ledger.create', { countyCode: 420626 }, auth);
    expect(badShape.status).toBe(400);
    const extra = await post('ledger.create', { countyCode: '420626', drop: 'table' }, auth);
    expect(extra.status).toBe(400);
    const body = (await badShape.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(body.error.message).toMatch(/请求格式不正确/);
    const unknown = await post('households.drop', {}, auth);
    expect(unknown.status).toBe(404);
    expect(snapshot()).toBe(before);
  });

  it('serves the renderer but nothing outside it', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('县域统筹台账');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await fetch(`${base}${p}`);
      expect(res.status, p).toBe(404);
    }
  });

  it('creates the county through the API once the call is authorised', async () => {
    const res = await post('ledger.create', { countyCode: '420626' }, { [TOKEN_HEADER]: host.token });
    const body = (await res.json()) as {
      ok: boolean;
      value: { villages: number; county: { fullName: string } };
    };
    expect(body.ok).toBe(true);
    expect(body.value.county.fullName).toBe('湖北省襄阳市保康县');
    expect(body.value.villages).toBe(277);
    const again = await post('ledger.create', { countyCode: '341823' }, { [TOKEN_HEADER]: host.token });
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('already-initialized');
  });
});
