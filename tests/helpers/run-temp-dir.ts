// Vitest's globalSetup: every temporary folder of one test run — the tests' ledgers and workbooks, the
// CLI's, the core's, Chromium's and LibreOffice's own temporary files — goes under one folder made for the
// run and removed when it ends. Each test still gets a fresh folder of its own (temp-ledger.ts); before,
// a full run left ~2 GB of them in the system's temporary folder for good.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The variables os.tmpdir() reads: TMPDIR on Linux and macOS, TEMP and TMP on Windows. */
const TEMP_VARIABLES = ['TMPDIR', 'TEMP', 'TMP'] as const;

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'county-ledger-tests-'));
  const previous = TEMP_VARIABLES.map((name) => [name, process.env[name]] as const);
  // Set before Vitest starts its test processes, which inherit it (and pass it to what they start).
  for (const name of TEMP_VARIABLES) process.env[name] = root;
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
}
