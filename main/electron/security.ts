// The Electron host's security settings as plain data and pure functions, so they are unit-tested
// without Electron (this file must never import 'electron' at runtime: `import type` only).
// Background: https://www.electronjs.org/docs/latest/tutorial/security
import path from 'node:path';
import type { WebPreferences } from 'electron';

/** The renderer is served from a custom scheme, never file:// (file:// pages get extra privileges). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Everything the window's renderer may do beyond a web page: nothing. The preload path is filled in
 * at runtime because it depends on where the app is installed.
 */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  // Spell-checking would download dictionaries from Google; this machine has no network anyway.
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

export function webPreferences(preload: string, devTools: boolean): WebPreferences {
  return { ...WEB_PREFERENCES, preload, devTools };
}

/**
 * Sent with every file of the renderer. No 'unsafe-eval'; 'unsafe-inline' for styles only, because
 * antd's CSS-in-JS injects <style> elements at run time. connect-src 'self': the Electron renderer
 * talks to the core over IPC, never over the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Headers added to every response of the app:// handler. */
export const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};

/** Web permissions (camera, notifications, clipboard-read, …) the window may be granted: none. */
export const PERMISSIONS_ALLOWED: readonly string[] = [];

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for app://ledger/… only. Compares scheme and host rather than `URL.origin`, which is the
 * string 'null' for schemes WHATWG does not know (Chromium knows ours: it is registered standard).
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Where navigation may go (will-navigate / will-redirect): our own pages only. */
export const isAllowedNavigation = isAppUrl;

/**
 * Whether an IPC message may reach the core: it must come from the main frame of a page we served.
 * A sub-frame (an injected <iframe>) or any other origin is refused even inside our own window.
 */
export function isTrustedSender(frameUrl: string, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(frameUrl);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps app://ledger/<path> to a file inside `rendererDir`; null for anything that could leave it or
 * is not ours: another scheme or host, `..` (also percent-encoded, which the URL parser leaves
 * alone), encoded slashes or backslashes, drive letters, NUL. '/' is index.html. Existence is the
 * caller's business (it answers 404; null means 403).
 */
/** scheme://authority then the path up to `?` or `#`. */
const RAW_PATH = /^[a-z][a-z\d+.-]*:\/\/[^/?#\\]*([^?#]*)/i;

export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  // The raw path, not URL.pathname: the parser quietly resolves `..` and `%2e%2e`, which would turn
  // a traversal attempt into some other file instead of a refusal.
  // (Tabs and newlines are dropped first, as the URL parser does: '.\t.' means '..'.)
  const rawPath = RAW_PATH.exec(requestUrl.replace(/[\t\n\r]/g, '').trim())?.[1] ?? '';
  const rawSegments = rawPath === '' ? [] : rawPath.split('/').slice(1);
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed %-escape
    }
    // `:` rules out Windows drive letters (C:) and alternate data streams (file:stream).
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  // '' and '/' are index.html; other directories ('/assets/') are not served.
  const last = segments.at(-1);
  if (last === undefined || last === '') {
    if (segments.length > 1) return null;
    segments.splice(0, segments.length, 'index.html');
  }
  if (segments.some((s) => s === '')) return null; // '//' inside the path
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  // Belt and braces: whatever the checks above missed, the result must stay under the root.
  const relative = path.relative(root, file);
  if (
    relative === '' ||
    relative === '..' ||
    relative.startsWith(`..${path.sep}`) ||
    path.isAbsolute(relative)
  ) {
    return null;
  }
  return file;
}
