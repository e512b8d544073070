// A full disk during an import: the clerk reads 磁盘空间不足, not SQLite's English text and a stack, and
// the ledger is unchanged. The disk is full for real: the ledger sits on a small tmpfs mounted in a
// private mount namespace (`unshare -m`, needs root, as CI has), so SQLite's writes fail with ENOSPC
// and SQLite answers SQLITE_FULL.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, NODE_FLAGS, ROOT, runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { villageRoster } from '../helpers/workbooks.ts';
import { skipWithout } from '../helpers/tools.ts';

const canMount =
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  spawnSync('unshare', ['-m', 'true']).status === 0;

const quote = (a: string) => `'${a.replaceAll("'", `'\\''`)}'`;

describe.skipIf(skipWithout(canMount, 'root with unshare (a private tmpfs)'))(
  'a full disk during an import',
  () => {
    it('says 磁盘空间不足 and leaves the ledger as it was', () => {
      const dir = tempDir();
      const db = path.join(dir, 'ledger.db');
      expect(runLedgerCli(['init', '--county', '420626', '--db', db]).code).toBe(0);
      const { file } = villageRoster({ households: 30 });
      // Room for the ledger as it is plus a little: the import's writes run out of space.
      const size = Math.ceil(fs.statSync(db).size / 1024) + 96;
      const disk = path.join(dir, 'disk');
      fs.mkdirSync(disk);
      const onDisk = path.join(disk, 'ledger.db');
      const cli = [
        process.execPath,
        ...NODE_FLAGS,
        CLI,
        'import',
        file,
        '--db',
        onDisk,
        '--operator',
        '测试',
      ];
      const script = [
        `mount -t tmpfs -o size=${size}k tmpfs ${quote(disk)}`,
        `cp ${quote(db)} ${quote(onDisk)}`,
        `${cli.map(quote).join(' ')}; code=$?`,
        `cp ${quote(onDisk)} ${quote(db)}; [ -f ${quote(`${onDisk}-wal`)} ] && cp ${quote(`${onDisk}-wal`)} ${quote(`${db}-wal`)}`,
        'exit $code',
      ].join('\n');
      const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(1);
      const last = r.stderr.trim().split('\n').at(-1);
      expect(last).toBe('错误：磁盘空间不足，操作未完成。');
      expect(r.stderr).not.toMatch(/SqliteError|disk is full|\n\s+at /);
      const after = JSON.parse(runLedgerCli(['stats', '--db', db, '--json']).stdout) as {
        households: number;
      };
      expect(after.households).toBe(0);
    });

    /** Runs a shell script in a private mount namespace; the script sees the helpers below. */
    const inPrivateMounts = (script: string) =>
      spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const cliLine = (args: string[]) => [process.execPath, ...NODE_FLAGS, CLI, ...args].map(quote).join(' ');

    it('a backup or an export to a full USB stick says so, leaves no half file, and works once there is room', () => {
      const dir = tempDir();
      const db = path.join(dir, 'ledger.db');
      expect(runLedgerCli(['demo', '--households', '200', '--register-only', '--db', db]).code).toBe(0);
      const usb = path.join(dir, 'usb');
      fs.mkdirSync(usb);
      const out = path.join(usb, '花名册.xlsx');
      // 64 KB: too small for the ledger (~1 MB) and for the roster; then room is made (remount) and both are retried.
      const script = [
        `mount -t tmpfs -o size=64k tmpfs ${quote(usb)}`,
        `${cliLine(['backup', '--db', db, '--out', usb])}; echo "backup-full=$?"`,
        `${cliLine(['export', 'persons', '--db', db, '--out', out, '--masked'])}; echo "export-full=$?"`,
        `echo "left=$(ls -A ${quote(usb)} | wc -l)"`,
        `mount -o remount,size=64m ${quote(usb)}`,
        `${cliLine(['backup', '--db', db, '--out', usb])} >/dev/null; echo "backup-room=$?"`,
        `${cliLine(['export', 'persons', '--db', db, '--out', out, '--masked'])} >/dev/null; echo "export-room=$?"`,
        `echo "files=$(ls -A ${quote(usb)} | wc -l)"`,
      ].join('\n');
      const r = inPrivateMounts(script);
      const said = (key: string) => new RegExp(`^${key}=(\\d+)$`, 'm').exec(r.stdout)?.[1];
      expect(said('backup-full'), r.stderr).toBe('1');
      expect(said('export-full'), r.stderr).toBe('1');
      expect(r.stderr).toContain('磁盘空间不足');
      expect(r.stderr).not.toMatch(/SqliteError|ENOSPC|\n\s+at /);
      expect(said('left')).toBe('0');
      expect(said('backup-room'), r.stderr).toBe('0');
      expect(said('export-room'), r.stderr).toBe('0');
      expect(said('files')).toBe('2');
    });

    it('an import refused for a full disk succeeds on retry once space is freed', () => {
      const dir = tempDir();
      const db = path.join(dir, 'ledger.db');
      expect(runLedgerCli(['init', '--county', '420626', '--db', db]).code).toBe(0);
      const { file } = villageRoster({ households: 30 });
      const size = Math.ceil(fs.statSync(db).size / 1024) + 96;
      const disk = path.join(dir, 'disk');
      fs.mkdirSync(disk);
      const onDisk = path.join(disk, 'ledger.db');
      const stats = cliLine(['stats', '--db', onDisk, '--json']);
      const script = [
        `mount -t tmpfs -o size=${size}k tmpfs ${quote(disk)}`,
        `cp ${quote(db)} ${quote(onDisk)}`,
        `${cliLine(['import', file, '--db', onDisk, '--operator', '测试'])} 2>/dev/null; echo "full=$?"`,
        `mount -o remount,size=64m ${quote(disk)}`,
        `${stats}`,
        `${cliLine(['import', file, '--db', onDisk, '--operator', '测试'])} >/dev/null; echo "room=$?"`,
        `${stats}`,
      ].join('\n');
      const r = inPrivateMounts(script);
      expect(/^full=(\d+)$/m.exec(r.stdout)?.[1], r.stderr).toBe('1');
      expect(/^room=(\d+)$/m.exec(r.stdout)?.[1], r.stderr).toBe('0');
      const counts = r.stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => (JSON.parse(l) as { households: number }).households);
      expect(counts).toEqual([0, 30]);
    });
  },
);
