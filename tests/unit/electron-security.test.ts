import { describe, it, expect } from 'vitest';
import path from 'node:path';
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_START_URL,
  CONTENT_SECURITY_POLICY,
  PERMISSIONS_ALLOWED,
  RESPONSE_HEADERS,
  WEB_PREFERENCES,
  contentTypeFor,
  isAllowedNavigation,
  isTrustedSender,
  resolveAppFile,
  webPreferences,
} from '../../main/electron/security.ts';

const root = path.resolve('/srv/app/dist/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('WEB_PREFERENCES', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(WEB_PREFERENCES).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });

  it('adds only the preload path and devTools at run time', () => {
    const prefs = webPreferences('/app/dist/electron/preload.cjs', false);
    expect(prefs).toEqual({ ...WEB_PREFERENCES, preload: '/app/dist/electron/preload.cjs', devTools: false });
  });
});

describe('scheme and CSP', () => {
  it('serves the app from app://ledger', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_ORIGIN).toBe('app://ledger');
    expect(APP_START_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
  });

  it('allows scripts from the app only and never eval', () => {
    const directives = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim());
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain("default-src 'self'");
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("frame-ancestors 'none'");
    // 'unsafe-inline' only where antd needs it.
    expect(directives.filter((d) => d.includes("'unsafe-inline'"))).toEqual([
      "style-src 'self' 'unsafe-inline'",
    ]);
    expect(RESPONSE_HEADERS['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('grants no web permissions', () => {
    expect(PERMISSIONS_ALLOWED).toEqual([]);
  });
});

describe('resolveAppFile', () => {
  it.each([
    ['app://ledger/', inRoot('index.html')],
    ['app://ledger', inRoot('index.html')],
    ['app://ledger/index.html', inRoot('index.html')],
    ['app://ledger/assets/index-abc123.js', inRoot('assets', 'index-abc123.js')],
    ['app://ledger/assets/index.css?v=2#x', inRoot('assets', 'index.css')],
    ['app://ledger/assets/%E5%9B%BE.png', inRoot('assets', '图.png')],
  ])('%s → a file inside the renderer', (url, expected) => {
    expect(resolveAppFile(root, url)).toBe(expected);
  });

  it.each([
    'app://ledger/../../etc/passwd',
    'app://ledger/assets/../index.html',
    'app://ledger/./index.html',
    'app://ledger/%2e%2e/%2e%2e/etc/passwd',
    'app://ledger/.%2E/secret',
    'app://ledger/.\t./.\n./etc/passwd',
    'app://ledger/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://ledger/assets/..%2f..%2fsecret',
    'app://ledger/..%5C..%5Cwindows%5Cwin.ini',
    'app://ledger/assets%5C..%5C..%5Csecret',
    'app://ledger/%2Fetc%2Fpasswd',
    'app://ledger/C:%5CWindows%5Cwin.ini',
    'app://ledger/C%3A/Windows/win.ini',
    'app://ledger/index.html%00.png',
    'app://ledger/%E0%A4%A', // malformed escape
    'app://ledger/assets/', // directory listing
    'app://ledger//etc/passwd',
    'app://other/index.html',
    'app://ledger:8080/index.html',
    'app://user@ledger/index.html',
    'file:///etc/passwd',
    'http://ledger/index.html',
    'https://evil.example/index.html',
    'not a url',
  ])('%s → null', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('isTrustedSender', () => {
  it('accepts the main frame of our own page', () => {
    expect(isTrustedSender('app://ledger/index.html', true)).toBe(true);
    expect(isTrustedSender('app://ledger/', true)).toBe(true);
    expect(isTrustedSender('app://ledger/index.html#/stats', true)).toBe(true);
  });

  it.each([
    ['app://ledger/index.html', false], // a sub-frame, even of our origin
    ['file:///C:/app/dist/renderer/index.html', true],
    ['http://evil.example/', true],
    ['https://evil.example/', true],
    ['http://127.0.0.1:5173/', true],
    ['app://other/index.html', true],
    ['app://ledger.evil/index.html', true],
    ['app://ledger:1/index.html', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['about:blank', true],
    ['', true],
  ])('refuses %s (main frame: %s)', (url, isMainFrame) => {
    expect(isTrustedSender(url, isMainFrame)).toBe(false);
  });
});

describe('navigation', () => {
  it('stays on app://ledger', () => {
    expect(isAllowedNavigation('app://ledger/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it('knows what vite emits', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.bin')).toBe('application/octet-stream');
  });
});
