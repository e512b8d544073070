// Debian's Chromium driven by playwright-core. Outside CI a machine without Chromium skips e2e with a
// message; under CI=true a missing browser is a failure, never a silent skip.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../helpers/run-cli.ts';
import { CHROMIUM_FLAGS } from '../../main/core/print/chromium.ts';

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
    args: [...CHROMIUM_FLAGS],
  });
}

export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

/**
 * How much slower than this machine the page's CPU runs (Chromium's DevTools CPU throttling). Clerks'
 * PCs are old and busy; forms that lose typed text or answers that arrive late only show up when the
 * page is slow, so every e2e flow runs throttled. E2E_CPU_THROTTLE=1 turns it off for a quick look.
 */
export const CPU_THROTTLE_RATE = Math.max(1, Number(process.env.E2E_CPU_THROTTLE ?? 4) || 4);

/**
 * Holds back the page's animation frames until `release()`: what a slow, busy PC does to work a page
 * leaves for its next frame (a dialog placing the cursor once it is open), made certain instead of
 * likely. Input typed meanwhile is handled as usual; on release the held callbacks run in order.
 */
export async function holdFrames(page: Page): Promise<{ release: () => Promise<void> }> {
  await page.evaluate(`(() => {
    const held = [];
    const original = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => { held.push(callback); return held.length; };
    window.__releaseFrames = () => {
      window.requestAnimationFrame = original;
      const now = performance.now();
      for (const callback of held.splice(0)) callback(now);
    };
  })()`);
  return { release: () => page.evaluate('window.__releaseFrames()') };
}

/** Resolves once the page has drawn `count` more frames (work left for the coming frames has run). */
export async function nextFrames(page: Page, count: number): Promise<void> {
  await page.evaluate(`new Promise((done) => {
    let left = ${count};
    const step = () => (--left <= 0 ? done(undefined) : requestAnimationFrame(step));
    requestAnimationFrame(step);
  })`);
}

export interface ChromiumPageOptions {
  /** 1366×768 unless given. */
  viewport?: { width: number; height: number };
  /** CPU_THROTTLE_RATE unless given (1 = not throttled). */
  cpuThrottle?: number;
}

/** Slows the page's CPU down by `rate` (1 = full speed). */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

export interface ChromiumPage {
  /** Launches Chromium and opens the one page (zh-CN, downloads accepted, CPU throttled, 30 s default
   * timeout — 10 s unthrottled). */
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
      const rate = options.cpuThrottle ?? CPU_THROTTLE_RATE;
      // A throttled page on a shared 2-core machine can take a while; waiting longer is never a pass.
      page.setDefaultTimeout(rate > 1 ? 30_000 : 10_000);
      await throttleCpu(page, rate);
      return page;
    },
    shot: async (name) => {
      await page?.screenshot({ path: artifactPath(`${prefix}-${name}.png`) });
    },
  };
}
