import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storageFailureMessage, storageReason } from '../../main/core/storage-errors.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

describe('storage failures in Chinese', () => {
  it('names a full database (real SQLITE_FULL) and a full disk (real ENOSPC)', () => {
    const db = new Database(path.join(tempDir(), 'full.db'));
    db.exec('CREATE TABLE t (x TEXT)');
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const full = thrown(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000)));
    db.close();
    expect((full as { code: string }).code).toBe('SQLITE_FULL');
    expect(storageFailureMessage(full)).toBe('磁盘空间不足，操作未完成。');
    if (process.platform === 'linux') {
      expect(storageReason(thrown(() => fs.writeFileSync('/dev/full', 'x')))).toBe('磁盘空间不足');
    }
  });

  it('names a read-only ledger (real SQLITE_READONLY) and falls back from extended SQLite codes', () => {
    const file = path.join(tempDir(), 'ro.db');
    new Database(file).exec('CREATE TABLE t (x)');
    const ro = new Database(file, { readonly: true });
    const e = thrown(() => ro.prepare('INSERT INTO t VALUES (1)').run());
    ro.close();
    expect(storageReason(e)).toMatch(/只读/);
    expect(storageReason({ code: 'SQLITE_IOERR_WRITE' })).toMatch(/读写磁盘出错/);
  });

  it('leaves other errors to their own message', () => {
    expect(storageReason(new Error('boom'))).toBeNull();
    expect(storageReason({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBeNull();
    expect(storageFailureMessage(null)).toBeNull();
  });
});
