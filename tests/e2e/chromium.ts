// Debian's Chromium driven by playwright-core. Outside CI a machine without Chromium skips e2e with a
// message; under CI=true a missing browser is a failure, never a silent skip.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../helpers/run-cli.ts';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const chromiumPath = CANDIDATES.find((p): p is string => !!p && fs.existsSync(p));
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
export const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts');

export function e2eSkipReason(): string | null {
  const missing: string[] = [];
  if (!chromiumPath) missing.push('Chromium (apt-get install chromium)');
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
    missing.push('the renderer build (npm run build:renderer)');
  if (missing.length === 0) return null;
  const reason = `e2e skipped: missing ${missing.join(' and ')}`;
  if (process.env.CI === 'true') throw new Error(`${reason} — e2e tests must run under CI=true`);
  console.warn(reason);
  return reason;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

export interface ChromiumPageOptions {
  /** 1366×768 unless given. */
  viewport?: { width: number; height: number };
}

export interface ChromiumPage {
  /** Launches Chromium and opens the one page (zh-CN, downloads accepted, 10 s default timeout). */
  open: () => Promise<Page>;
  /** A screenshot `test-artifacts/<prefix>-<name>.png` of the page. */
  shot: (name: string) => Promise<void>;
}

/**
 * The browser and page one e2e file's tests share. Call it in the `describe`: it closes the browser after
 * the tests and, after each failing test, leaves `test-artifacts/<prefix>-failed.png`. The file's own
 * `beforeAll` starts its host and then calls `open()`.
 */
export function chromiumPage(prefix: string, options: ChromiumPageOptions = {}): ChromiumPage {
  let browser: Browser | undefined;
  let page: Page | undefined;
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await page?.screenshot({ path: artifactPath(`${prefix}-failed.png`) }).catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    open: async () => {
      browser = await launchChromium();
      page = await browser.newPage({
        viewport: options.viewport ?? { width: 1366, height: 768 },
        locale: 'zh-CN',
        acceptDownloads: true,
      });
      page.setDefaultTimeout(10_000);
      return page;
    },
    shot: async (name) => {
      await page?.screenshot({ path: artifactPath(`${prefix}-${name}.png`) });
    },
  };
}
