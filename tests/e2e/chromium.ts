// Debian's Chromium driven by playwright-core. Outside CI a machine without Chromium skips e2e with a
// message; under CI=true a missing browser is a failure, never a silent skip.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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
