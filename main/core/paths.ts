// Where a ledger lives. The Electron host, browser mode and the CLI share one default so a clerk's
// data is in the same place whichever way the app was started.
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'county-ledger';
export const LEDGER_FILE_NAME = 'ledger.db';

/** The per-user application-data folder (Electron's app.getPath('userData') is set to the same). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_DIR_NAME);
}

/** `--db PATH` wins, then LEDGER_DB, then the data folder. */
export function resolveLedgerPath(cliPath: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (cliPath) return path.resolve(cliPath);
  if (env.LEDGER_DB) return path.resolve(env.LEDGER_DB);
  return path.join(defaultDataDir(env), LEDGER_FILE_NAME);
}
