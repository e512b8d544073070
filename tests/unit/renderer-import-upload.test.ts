import { describe, expect, it } from 'vitest';
import { TOKEN_HEADER, UPLOAD_PATH } from '../../shared/api.ts';
import { MISSING_TOKEN_MESSAGE } from '../../renderer/src/api/http-transport.ts';
import {
  createFileTransfer,
  MAX_UPLOAD_BYTES,
  uploadReply,
  uploadTooLarge,
  uploadUrl,
  type ChosenFile,
  type UploadProgress,
  type UploadRequest,
} from '../../renderer/src/api/upload.ts';

describe('browser-mode upload', () => {
  it('puts the file name in the query, escaped', () => {
    expect(uploadUrl('光千社区 花名册&1.xlsx')).toBe(
      `${UPLOAD_PATH}?name=${encodeURIComponent('光千社区 花名册&1.xlsx')}`,
    );
  });

  it('reads the server’s answer', () => {
    const ok = JSON.stringify({ ok: true, value: { fileId: 'abcdefgh12', fileName: 'a.xlsx' } });
    expect(uploadReply(200, ok)).toEqual({ ok: true, value: { fileId: 'abcdefgh12', fileName: 'a.xlsx' } });
    const refused = JSON.stringify({
      ok: false,
      error: { code: 'bad-request', message: '文件超过 200 MB，不能导入。' },
    });
    expect(uploadReply(413, refused)).toEqual({
      ok: false,
      error: { code: 'bad-request', message: '文件超过 200 MB，不能导入。' },
    });
  });

  it('turns anything else into a Chinese failure', () => {
    const crashed = uploadReply(500, '上传失败。');
    expect(crashed.ok).toBe(false);
    if (!crashed.ok) expect(crashed.error.message).toMatch(/HTTP 500/);
    const odd = uploadReply(200, JSON.stringify({ ok: true, value: { id: 1 } }));
    expect(odd.ok).toBe(false);
    const locked = uploadReply(401, '');
    if (!locked.ok) expect(locked.error.code).toBe('unauthorized');
  });

  it('refuses a file over the server’s limit before sending it', () => {
    expect(uploadTooLarge(MAX_UPLOAD_BYTES)).toBeNull();
    expect(uploadTooLarge(MAX_UPLOAD_BYTES + 1)).toMatch(/200 MB/);
  });
});

class FakeRequest implements UploadRequest {
  static last: FakeRequest | null = null;
  opened: [string, string] | null = null;
  headers: Record<string, string> = {};
  upload: UploadRequest['upload'] = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  sent: Blob | null = null;
  constructor() {
    FakeRequest.last = this;
  }
  open(method: string, url: string) {
    this.opened = [method, url];
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: Blob) {
    this.sent = body;
  }
  abort() {
    this.onabort?.();
  }
}

const chosen = (name: string, text: string): ChosenFile => Object.assign(new Blob([text]), { name });

function transferWith(token: string | null, saved: Array<[Blob, string]> = []) {
  return createFileTransfer({
    token: () => token,
    newRequest: () => new FakeRequest(),
    fetch: (input) =>
      Promise.resolve(
        input.endsWith('/gone')
          ? new Response(
              JSON.stringify({ ok: false, error: { code: 'not-found', message: '文件不存在或已过期。' } }),
              {
                status: 404,
              },
            )
          : new Response('PK report'),
      ),
    save: (blob, name) => saved.push([blob, name]),
  });
}

describe('file transfer (fake XMLHttpRequest)', () => {
  it('posts the file with the token and reports progress', async () => {
    const progress: UploadProgress[] = [];
    const pending = transferWith('tok-1').uploadFile(chosen('花名册.xlsx', 'data'), (p) => progress.push(p));
    const xhr = FakeRequest.last;
    if (xhr === null) throw new Error('no request');
    expect(xhr.opened).toEqual(['POST', uploadUrl('花名册.xlsx')]);
    expect(xhr.headers).toEqual({ 'content-type': 'application/octet-stream', [TOKEN_HEADER]: 'tok-1' });
    expect(xhr.sent?.size).toBe(4);
    xhr.upload.onprogress?.({ loaded: 2, total: 4, lengthComputable: true });
    xhr.upload.onprogress?.({ loaded: 4, total: 0, lengthComputable: false });
    xhr.status = 200;
    xhr.responseText = JSON.stringify({ ok: true, value: { fileId: 'abcdefgh12', fileName: '花名册.xlsx' } });
    xhr.onload?.();
    await expect(pending).resolves.toEqual({
      ok: true,
      value: { fileId: 'abcdefgh12', fileName: '花名册.xlsx' },
    });
    expect(progress).toEqual([
      { loaded: 2, total: 4 },
      { loaded: 4, total: null },
    ]);
  });

  it('stops on abort and refuses without a token', async () => {
    const controller = new AbortController();
    const pending = transferWith('tok-1').uploadFile(chosen('a.csv', 'x'), undefined, controller.signal);
    controller.abort();
    const r = await pending;
    expect(r.ok ? null : r.error.code).toBe('cancelled');
    const locked = await transferWith(null).uploadFile(chosen('a.csv', 'x'));
    expect(locked.ok ? null : locked.error.message).toBe(MISSING_TOKEN_MESSAGE);
  });

  it('downloads a generated file and passes on the server’s refusal', async () => {
    const saved: Array<[Blob, string]> = [];
    const t = transferWith('tok-1', saved);
    await expect(t.downloadFile('/download/abcdefgh12', '错误报告.xlsx')).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(saved.map(([, name]) => name)).toEqual(['错误报告.xlsx']);
    expect(await saved[0]?.[0].text()).toBe('PK report');
    const gone = await t.downloadFile('/download/gone', 'x.xlsx');
    expect(gone.ok ? null : gone.error.message).toBe('文件不存在或已过期。');
  });
});
