// The log file IT asks a clerk to send: in the data folder, rotated, and without full ID or phone numbers.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogFile, redact } from '../../main/core/log-file.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

describe('log file', () => {
  it('masks ID numbers and mobile numbers wherever they appear', () => {
    expect(redact('第 5 行证件号码 42062619880101123X 重复；电话13812345678；旧证 420626880101123')).toBe(
      '第 5 行证件号码 420626********123X 重复；电话138****5678；旧证 420626*****1123',
    );
    // Longer digit runs (a batch id, a timestamp) are not ID numbers.
    expect(redact('batch 1234567890123456789012')).toBe('batch 1234567890123456789012');
  });

  it('writes under <data folder>/logs, masks error stacks too, and rotates keeping three old files', () => {
    const dir = tempDir();
    const log = new LogFile(dir, { maxBytes: 200, keep: 3, now: () => new Date('2026-12-07T01:02:03Z') });
    expect(log.file).toBe(path.join(dir, 'logs', 'county-ledger.log'));
    log.write('import failed', new Error('证件号码 420626198801011234 不合法'));
    const first = fs.readFileSync(log.file, 'utf8');
    expect(first).toMatch(/^2026-12-07T01:02:03.000Z import failed Error: 证件号码 420626\*{8}1234 不合法/);
    expect(first).not.toContain('420626198801011234');
    for (let i = 0; i < 40; i++) log.write(`entry ${i} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(path.join(dir, 'logs')).sort();
    expect(files).toEqual([
      'county-ledger.1.log',
      'county-ledger.2.log',
      'county-ledger.3.log',
      'county-ledger.log',
    ]);
    for (const f of files) expect(fs.statSync(path.join(dir, 'logs', f)).size).toBeLessThanOrEqual(200);
    expect(fs.readFileSync(log.file, 'utf8')).toContain('entry 39');
  });

  it('never throws when the folder cannot be written', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    expect(() => new LogFile(blocker).write('hello')).not.toThrow();
  });
});
