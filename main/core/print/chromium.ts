// PDF through a Chromium-family browser driven by playwright-core (the CLI and browser mode; the app
// uses Electron's own printToPDF). Looked for, in order: CHROMIUM_PATH, then the usual places of
// Chromium, Chrome and Edge on Linux, Windows and macOS. playwright-core is loaded only here and only
// when needed, so the Electron bundle never contains it.
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../../shared/result.ts';
import type * as Playwright from 'playwright-core';
import type { PdfRenderer, PdfRendererFactory } from './pdf.ts';

export interface BrowserSearch {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  exists?: (file: string) => boolean;
}

/** Every path tried, in order (CHROMIUM_PATH first when set). */
export function browserCandidates(search: BrowserSearch = {}): string[] {
  const env = search.env ?? process.env;
  const platform = search.platform ?? process.platform;
  const fromEnv = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : [];
  if (platform === 'win32') {
    const win = path.win32;
    const x86 = env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)';
    const programs = env.ProgramFiles ?? 'C:\\Program Files';
    const local = env.LOCALAPPDATA;
    return [
      ...fromEnv,
      win.join(x86, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      win.join(programs, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      win.join(programs, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      win.join(x86, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      ...(local ? [win.join(local, 'Google', 'Chrome', 'Application', 'chrome.exe')] : []),
    ];
  }
  if (platform === 'darwin')
    return [
      ...fromEnv,
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  return [
    ...fromEnv,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/opt/google/chrome/chrome',
  ];
}

/** The first browser found, or a Chinese message listing every place looked at. */
export function findBrowser(search: BrowserSearch = {}): string {
  const exists = search.exists ?? ((f: string) => fs.existsSync(f));
  const candidates = browserCandidates(search);
  const found = candidates.find((c) => exists(c));
  if (found) return found;
  const platform = search.platform ?? process.platform;
  const install =
    platform === 'win32'
      ? '请安装 Microsoft Edge 或 Google Chrome'
      : platform === 'darwin'
        ? '请安装 Google Chrome'
        : '请安装 Chromium（sudo apt-get install chromium）或 Google Chrome';
  throw new LedgerError(
    'not-found',
    `生成 PDF 需要 Chromium、Chrome 或 Edge 浏览器，但以下位置都没有找到：${candidates.join('；')}。${install}，或用环境变量 CHROMIUM_PATH 指定浏览器程序的位置。`,
  );
}

// A variable, not a literal: esbuild leaves the import alone and the Electron bundle stays without it.
const PLAYWRIGHT = 'playwright-core';

/** How the headless browser starts (printing here, and the e2e tests): no sandbox profile, no network chatter. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
] as const;

/** Launches a headless browser per job (closed after it); each document gets a fresh page. */
export const chromiumPdf =
  (search: BrowserSearch = {}): PdfRendererFactory =>
  async (): Promise<PdfRenderer> => {
    const executablePath = findBrowser(search);
    const { chromium } = (await import(PLAYWRIGHT)) as typeof Playwright;
    const browser = await chromium.launch({
      executablePath,
      args: [...CHROMIUM_FLAGS],
    });
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    return {
      toPdf: async (html) => {
        const page = await context.newPage();
        try {
          await page.setContent(html, { waitUntil: 'load' });
          const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
          return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
        } finally {
          await page.close();
        }
      },
      close: () => browser.close(),
    };
  };
