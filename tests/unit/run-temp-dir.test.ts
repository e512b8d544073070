// The run's temporary folder (tests/helpers/run-temp-dir.ts): tests and what they start write under it.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-ledger.ts';

describe('the test run’s temporary folder', () => {
  it('holds every test folder and is what child processes see as theirs', () => {
    const root = os.tmpdir();
    expect(path.basename(root)).toMatch(/^county-ledger-tests-/);
    expect(path.dirname(tempDir())).toBe(root);
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], {
      encoding: 'utf8',
    });
    expect(child.stdout).toBe(root);
  });
});
