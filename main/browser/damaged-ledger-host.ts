// Browser mode when the ledger fails its start-up check: instead of a stack trace in the terminal, a page
// (plain HTML forms, no script) saying what is wrong and offering the newest sound backup: 恢复此备份 /
// 打开文件夹 / 退出. After a restore the real browser host starts and the page moves on to it.
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  damagedLedgerOffer,
  offerSentences,
  restoreDamagedLedger,
  type DamagedLedger,
} from '../core/backup/damaged-ledger.ts';
import { hostAllowed, newToken, originAllowed, tokenMatches } from './http-guards.ts';
import { startBrowserHost, type BrowserHost, type BrowserHostOptions } from './server.ts';

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  // Not no-referrer: under it the browser sends `Origin: null` with the forms, and the origin check refuses.
  'referrer-policy': 'same-origin',
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f3f5f8;margin:0}
main{max-width:720px;margin:64px auto;background:#fff;border:1px solid #d9dee5;border-radius:8px;padding:28px 32px}
h1{font-size:22px;color:#a8071a;margin:0 0 16px}p{font-size:15px;line-height:1.8;color:#333;word-break:break-all}
form{display:inline}button{font-size:15px;padding:8px 20px;margin:12px 12px 0 0;border-radius:6px;border:1px solid #c5ccd6;background:#fff;cursor:pointer}
button.primary{background:#1f4e8c;border-color:#1f4e8c;color:#fff}details{margin-top:20px;color:#666;font-size:13px;white-space:pre-wrap}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function offerPage(d: DamagedLedger, token: string, note = ''): string {
  const { title, lines } = offerSentences(d);
  const button = (action: string, label: string, primary = false) =>
    `<form method="post" action="/${action}"><input type="hidden" name="t" value="${escapeHtml(token)}"><button${primary ? ' class="primary"' : ''} data-testid="recover-${action}">${label}</button></form>`;
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}` +
      (note ? `<p data-testid="recover-note">${escapeHtml(note)}</p>` : '') +
      (d.backup ? button('restore', '恢复此备份', true) : '') +
      button('open-folder', '打开文件夹') +
      button('quit', '退出') +
      `<details><summary>检查结果</summary>${escapeHtml(d.message)}</details>`,
  );
}

/** Opens the backup folder in the system's file manager (best effort: a server has no desktop). */
function openFolder(folder: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['explorer', [folder]]
      : process.platform === 'darwin'
        ? ['open', [folder]]
        : ['xdg-open', [folder]];
  try {
    spawn(cmd, args, { detached: true, stdio: 'ignore' })
      .on('error', () => undefined)
      .unref();
  } catch {
    // no file manager: the page names the folder anyway
  }
}

export interface RecoveryOptions {
  /** Tells the clerk where the page is (the first stdout line, as for the real host). */
  announce: (url: string) => void;
  /** Tests: do not start a file manager. */
  openFolder?: (folder: string) => void;
}

/**
 * The browser host, or — when the ledger is damaged — the recovery page first, and the host once the
 * clerk restored a backup. Rejects with the start-up error when the clerk chose 退出.
 */
export async function startBrowserHostOrRecovery(
  options: BrowserHostOptions,
  recovery: RecoveryOptions,
): Promise<BrowserHost> {
  try {
    return await startBrowserHost(options);
  } catch (e) {
    const damaged = damagedLedgerOffer(options.ledgerPath, e);
    if (damaged === null) throw e;
    options.log?.('ledger damaged at start', e);
    return await recover(options, recovery, damaged, e);
  }
}

function recover(
  options: BrowserHostOptions,
  recovery: RecoveryOptions,
  damaged: DamagedLedger,
  startError: unknown,
): Promise<BrowserHost> {
  const token = newToken();
  let port = 0;
  return new Promise<BrowserHost>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      server.close();
      server.closeAllConnections();
      outcome();
    };
    const server = http.createServer((req, res) => {
      const send = (status: number, html: string) => {
        res.writeHead(status, HEADERS);
        res.end(html);
      };
      if (!hostAllowed(req.headers.host, port)) return send(403, page('拒绝访问', '拒绝访问：主机名不符。'));
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (req.method === 'GET' && url.pathname === '/') {
        if (!tokenMatches(token, url.searchParams.get('t') ?? undefined))
          return send(403, page('拒绝访问', '请使用程序在命令行中给出的地址打开本页。'));
        return send(200, offerPage(damaged, token));
      }
      if (req.method !== 'POST') return send(404, page('未找到', '未找到。'));
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        if (body.length < 4096) body += chunk;
      });
      req.on('end', () => {
        const given = new URLSearchParams(body).get('t') ?? undefined;
        if (!originAllowed(req.headers.origin, port) || !tokenMatches(token, given))
          return send(403, page('拒绝访问', '拒绝访问。'));
        if (url.pathname === '/open-folder') {
          (recovery.openFolder ?? openFolder)(damaged.folder);
          return send(200, offerPage(damaged, token, `已打开备份文件夹：${damaged.folder}`));
        }
        if (url.pathname === '/quit') {
          res.once('finish', () => finish(() => reject(startError)));
          return send(200, page('已退出', '<h1>程序已退出</h1><p>台账没有改动。可以关闭此页。</p>'));
        }
        if (url.pathname !== '/restore') return send(404, page('未找到', '未找到。'));
        restoreDamagedLedger(damaged, '县域统筹台账（浏览器模式，恢复）')
          .then(() => startBrowserHost({ ...options, port: 0 }))
          .then(
            (host) => {
              res.once('finish', () => finish(() => resolve(host)));
              const link = escapeHtml(host.url);
              send(
                200,
                `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1;url=${link}"><title>已恢复</title><style>${STYLE}</style></head><body><main><h1 style="color:#237804">已恢复</h1><p>已用 ${escapeHtml(damaged.backup ? damaged.backup.file : '')} 恢复台账，损坏的文件已另存到备份文件夹。</p><p><a href="${link}" data-testid="recover-open">打开台账</a></p></main></body></html>`,
              );
            },
            (err: unknown) => {
              options.log?.('restore at start failed', err);
              send(500, offerPage(damaged, token, `恢复失败：${(err as Error)?.message ?? String(err)}`));
            },
          );
      });
    });
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      recovery.announce(`http://127.0.0.1:${port}/?t=${token}`);
    });
  });
}
