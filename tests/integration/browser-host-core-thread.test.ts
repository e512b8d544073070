// Browser mode runs the core in a worker thread behind core-link (issue 13, one owner), as Electron runs
// it in a utilityProcess: while the core is busy with a long call (a county report), the HTTP thread still
// serves the page. The core thread here blocks on the report until the test lets it go
// (held-core-thread.ts), exactly as a long synchronous SQLite query blocks its thread.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { TOKEN_HEADER } from '../../shared/api.ts';
import type { Result } from '../../shared/result.ts';
import { hostCall, stubRenderer } from '../helpers/host-ledger.ts';
import { heldFile, HELD_CORE_THREAD, HELD_METHOD, releaseFile } from '../helpers/held-core-thread.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

let host: BrowserHost;
let ledgerPath: string;

beforeAll(async () => {
  const dir = tempDir();
  ledgerPath = path.join(dir, 'ledger.db');
  const renderer = stubRenderer(dir);
  host = await startBrowserHost({ ledgerPath, rendererDir: renderer, coreThread: HELD_CORE_THREAD });
  await hostCall(host, 'ledger.create', { countyCode: '420626' });
});
afterAll(async () => {
  fs.writeFileSync(releaseFile(ledgerPath), ''); // never leave the core thread held
  await host?.close();
});

const api = (method: string, body: unknown) =>
  fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(body),
  });

describe('browser mode with the core in its own thread', () => {
  it('serves the page while a long core call runs, and answers that call when it is done', async () => {
    let answered = false;
    const report = api(HELD_METHOD, { id: 'register_basics', regionCode: null, year: null, asOf: null }).then(
      async (res) => {
        answered = true;
        return (await res.json()) as Result<unknown>;
      },
    );
    while (!fs.existsSync(heldFile(ledgerPath))) await new Promise((resolve) => setTimeout(resolve, 20));

    // The core's thread is blocked; the HTTP thread is not: the page and a refusal need no core.
    const page = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('县域统筹台账');
    const refused = await fetch(`http://127.0.0.1:${host.port}/api/app.info`, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(401);
    expect(answered).toBe(false);

    fs.writeFileSync(releaseFile(ledgerPath), '');
    const result = await report;
    expect(result.ok ? null : result.error).toBeNull();
    expect(await hostCall(host, 'app.writeState', {})).toEqual({ importCommitting: false, waitingWrites: 0 });
  });
});
