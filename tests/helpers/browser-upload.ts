// Uploads a file to a browser-mode host as the page does (POST /upload with the token); returns its id.
import fs from 'node:fs';
import type { BrowserHost } from '../../main/browser/server.ts';
import { TOKEN_HEADER, UPLOAD_PATH } from '../../shared/api.ts';

export async function uploadToHost(host: BrowserHost, file: string, name: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${host.port}${UPLOAD_PATH}?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: host.token },
    body: fs.readFileSync(file),
  });
  const body = (await res.json()) as { ok: boolean; value?: { fileId: string } };
  if (!body.ok || body.value === undefined) throw new Error(`upload of ${name} failed (HTTP ${res.status})`);
  return body.value.fileId;
}
