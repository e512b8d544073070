import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../shared/api.ts';
import { LEDGER_DEFS } from '../../shared/ledgers/defs/index.ts';
import { CLI, NODE_FLAGS, ROOT, runLedgerCli } from '../helpers/run-cli.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

const json = (stdout: string) =>
  JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;

describe('ledger CLI', () => {
  it('init --county fills the official townships and villages', () => {
    const db = tempLedgerPath();
    const r = runLedgerCli(['init', '--county', '341823', '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out.county).toMatchObject({ code: '341823', fullName: '安徽省宣城市泾县' });
    expect(out.villages).toBeGreaterThan(100);
  });

  it('demo then stats --json: household count as asked, person count = members generated, every 专项台账 filled', () => {
    const db = tempLedgerPath();
    const demo = runLedgerCli(['demo', '--households', '300', '--seed', '7', '--db', db, '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    const made = json(demo.stdout);
    expect(made.households).toBe(300);
    const stats = runLedgerCli(['stats', '--db', db, '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    const s = json(stats.stdout);
    expect(s.households).toBe(300);
    expect(s.persons).toBe(made.persons);
    expect(s.county).toMatchObject({ code: '420626', fullName: '湖北省襄阳市保康县' });
    // The sample county fills every thematic ledger (docs/demo.md); --register-only leaves them empty.
    const ledgerCounts = Object.values(s.ledgers as Record<string, number>);
    expect(ledgerCounts.length).toBe(LEDGER_DEFS.length);
    expect(ledgerCounts.every((n) => n > 0)).toBe(true);
    expect(made.records).toBe(ledgerCounts.reduce((a, b) => a + b, 0));
    // Plain text for people.
    const text = runLedgerCli(['stats', '--db', db]);
    expect(text.stdout).toContain('户数 300');
  });

  it('demo --register-only leaves every 专项台账 empty', () => {
    const db = tempLedgerPath();
    const demo = runLedgerCli(['demo', '--households', '20', '--register-only', '--db', db, '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(json(demo.stdout).records).toBe(0);
    const s = json(runLedgerCli(['stats', '--db', db, '--json']).stdout);
    expect(Object.values(s.ledgers as Record<string, number>).every((n) => n === 0)).toBe(true);
  });

  it('honours LEDGER_DB when --db is absent', () => {
    const db = tempLedgerPath();
    expect(runLedgerCli(['init', '--county', '420626'], { LEDGER_DB: db }).code).toBe(0);
    const r = runLedgerCli(['stats', '--json'], { LEDGER_DB: db });
    expect(json(r.stdout).households).toBe(0);
  });

  it('refuses demo data in a ledger that already has households, leaving it unchanged', () => {
    const db = tempLedgerPath();
    expect(runLedgerCli(['demo', '--households', '20', '--db', db]).code).toBe(0);
    const again = runLedgerCli(['demo', '--households', '20', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/已有数据/);
    expect(json(runLedgerCli(['stats', '--db', db, '--json']).stdout).households).toBe(20);
  });

  it('explains usage errors in Chinese with exit code 2', () => {
    const r = runLedgerCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/未知命令/);
    const bad = runLedgerCli(['demo', '--households', 'many', '--db', tempLedgerPath()]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--households 应为/);
    const unknownCounty = runLedgerCli(['init', '--county', '999999', '--db', tempLedgerPath()]);
    expect(unknownCounty.code).toBe(1);
    expect(unknownCounty.stderr).toMatch(/没有代码为 999999/);
  });

  it('serve prints the URL with the token as its first stdout line and answers on it', async () => {
    const db = tempLedgerPath();
    const child = spawn(process.execPath, [...NODE_FLAGS, CLI, 'serve', '--db', db], { cwd: ROOT });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const m = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)$/.exec(first);
      expect(m).not.toBeNull();
      const [, port, token] = m ?? [];
      const res = await fetch(`http://127.0.0.1:${port}/api/app.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token ?? '' },
        body: '{}',
      });
      expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
      // The app itself, built first if the checkout had no renderer build (never a bare 「未找到。」).
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
