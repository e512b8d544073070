// Runs the real CLI as a child process (`node main/cli/index.ts …`), as a user or script would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const CLI = path.join(ROOT, 'main', 'cli', 'index.ts');
export const NODE_FLAGS = ['--disable-warning=ExperimentalWarning'];

export function runLedgerCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [...NODE_FLAGS, CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
