import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostAllowed, newToken, originAllowed, tokenMatches } from '../../main/browser/http-guards.ts';
import { staticFile } from '../../main/browser/static-files.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

describe('browser-mode guards', () => {
  it('makes a fresh, long token each launch and compares it exactly', () => {
    const a = newToken();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(tokenMatches(a, a)).toBe(true);
    expect(tokenMatches(a, a.slice(1))).toBe(false);
    expect(tokenMatches(a, undefined)).toBe(false);
    expect(tokenMatches(a, [a])).toBe(false);
  });

  it('answers only to 127.0.0.1 and localhost on our port', () => {
    expect(hostAllowed('127.0.0.1:5000', 5000)).toBe(true);
    expect(hostAllowed('localhost:5000', 5000)).toBe(true);
    expect(hostAllowed('127.0.0.1:5001', 5000)).toBe(false);
    expect(hostAllowed('evil.example:5000', 5000)).toBe(false);
    expect(hostAllowed(undefined, 5000)).toBe(false);
  });

  it('accepts our own Origin or none, nothing else', () => {
    expect(originAllowed(undefined, 5000)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5000', 5000)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5001', 5000)).toBe(false);
    expect(originAllowed('null', 5000)).toBe(false);
    expect(originAllowed('https://127.0.0.1:5000', 5000)).toBe(false);
  });

  it('serves files only from inside the renderer folder', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), 'x');
    fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'x');
    expect(staticFile(root, '/')?.type).toMatch(/text\/html/);
    expect(staticFile(root, '/assets/a.js?v=1')?.type).toMatch(/javascript/);
    expect(staticFile(root, '/assets')).toBeNull();
    expect(staticFile(root, '/../../etc/passwd')).toBeNull();
    expect(staticFile(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(staticFile(root, '/%E0%A4%A')).toBeNull();
    expect(staticFile(root, '/index.html%00.js')).toBeNull();
  });
});
