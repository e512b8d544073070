// The Electron host: a window showing the renderer build, and the core behind IPC. Everything that
// can be decided without Electron lives in security.ts / ipc.ts / layout.ts (unit-tested); this file
// only wires it to Electron's APIs. Bundled to dist/electron/main.cjs by bundle-electron.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { LedgerError } from '../../shared/result.ts';
import { runCli } from '../cli/run-cli.ts';
import { SQLITE_BINDING_ENV } from '../core/db/native-binding.ts';
import { saveAs } from '../core/files/save-as.ts';
import { openLinkedCore, type LinkedCore } from '../core/owner/connect-core.ts';
import type { FromCore, ToCore } from '../core/owner/core-link.ts';
import { DamagedLedgerQuit, openCoreOrRecover } from './damaged-ledger-dialog.ts';
import { LogFile } from '../core/log-file.ts';
import { defaultDataDir, resolveLedgerPath } from '../core/paths.ts';
import { cliArguments } from './cli-mode.ts';
import { registerLedgerIpc, type LedgerIpc } from './ipc.ts';
import { electronPrinting } from './print-window.ts';
import {
  CORE_PROCESS_BUNDLE,
  IMPORT_WORKER_BUNDLE,
  inApp,
  PACKAGED_SQLITE_MODULE,
  PRELOAD_BUNDLE,
  REGION_DATA_FILE,
  RENDERER_OUT_DIR,
} from './layout.ts';
import {
  APP_SCHEME,
  APP_START_URL,
  contentTypeFor,
  isAllowedNavigation,
  isTrustedSender,
  PERMISSIONS_ALLOWED,
  resolveAppFile,
  RESPONSE_HEADERS,
  webPreferences,
} from './security.ts';
import { windowSize } from './window-size.ts';

const APP_TITLE = '县域统筹台账';
const APP_USER_MODEL_ID = 'cn.gov.county-ledger'; // = appId in electron-builder.yml

// One data folder for every host (Electron, browser mode, CLI): see core/paths.ts.
const dataDir = defaultDataDir();
// <data folder>/logs/county-ledger.log: what IT asks a clerk to send (帮助 → 打开日志文件夹).
const logFile = new LogFile(dataDir);
const log = (message: string, error?: unknown): void => {
  console.error(`[ledger] ${message}`, error ?? '');
  logFile.write(message, error);
};

// ---------------------------------------------------------------------------------------------
// Before `ready`: paths, switches, scheme privileges. Electron ignores these once it is ready.

app.setPath('userData', dataDir);
// Chromium's own files (caches, Local Storage) go to a subfolder so the clerk's folder shows the
// ledger and its backups, not a dozen browser directories.
app.setPath('sessionData', path.join(dataDir, 'electron'));
app.commandLine.appendSwitch('lang', 'zh-CN');
// Sandbox every renderer, including any a bug might create without our WEB_PREFERENCES.
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
// The Linux packages carry better-sqlite3 built for glibc 2.28 (UOS 20, Kylin V10) instead of the
// prebuild; the import worker inherits the variable. See core/db/native-binding.ts.
if (app.isPackaged && process.platform === 'linux') {
  process.env[SQLITE_BINDING_ENV] = path.join(process.resourcesPath, PACKAGED_SQLITE_MODULE);
}

protocol.registerSchemesAsPrivileged([
  // standard: real origin, relative URLs and module scripts work; secure: treated like https.
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** `--db PATH` after the app dir (`electron . --db x`) or the executable (installed app). */
function cliLedgerPath(): string | undefined {
  const args = process.argv.slice(process.defaultApp ? 2 : 1);
  // strict: false because Chromium switches (--no-sandbox, --lang, …) share the command line.
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  return typeof values.db === 'string' ? values.db : undefined;
}

const appDir = app.getAppPath();
const rendererDir = inApp(appDir, RENDERER_OUT_DIR);
const ledgerPath = resolveLedgerPath(cliLedgerPath());

let core: LinkedCore | null = null;
let mainWindow: BrowserWindow | null = null;
let ipc: LedgerIpc | null = null;

// ---------------------------------------------------------------------------------------------
// Serving the renderer: app://ledger/<path> → dist/renderer/<path>, with the CSP on every response.

async function serveAppFile(request: Request): Promise<Response> {
  const text = (status: number, body: string): Response =>
    new Response(body, {
      status,
      headers: { ...RESPONSE_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
    });
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, '不支持的请求方法。');
  const file = resolveAppFile(rendererDir, request.url);
  if (file === null) return text(403, '拒绝访问。');
  let body: Buffer;
  try {
    body = await fs.promises.readFile(file);
  } catch {
    return text(404, '未找到。');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...RESPONSE_HEADERS, 'content-type': contentTypeFor(file) },
  });
}

// ---------------------------------------------------------------------------------------------
// Guards for every WebContents, including ones we did not mean to create.

function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function guardSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(PERMISSIONS_ALLOWED.includes(permission)),
  );
  ses.setPermissionCheckHandler((_contents, permission) => PERMISSIONS_ALLOWED.includes(permission));
  ses.setDevicePermissionHandler(() => false);
  // The app never uses the network; refuse it even if some code tried (CSP says the same). file://
  // needs no rule: app:// pages cannot reach it (webSecurity, and the grantFileProtocolExtraPrivileges fuse).
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}

/** IPC may come only from the main frame of our window, showing a page we served. */
function isAllowedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  const win = mainWindow;
  if (frame === null || win === null || win.isDestroyed()) return false;
  const isOurMainFrame = event.sender.id === win.webContents.id && frame.parent === null;
  return isTrustedSender(frame.url, isOurMainFrame);
}

// ---------------------------------------------------------------------------------------------
// Window and menu.

function menuTemplate(): MenuItemConstructorOptions[] {
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      // Zoom matters on the small, high-DPI screens of township offices.
      label: '视图',
      submenu: [
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { role: 'resetZoom', label: '实际大小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          // For the county's IT: the clerk sends them the files in this folder.
          label: '打开日志文件夹',
          click: () => {
            fs.mkdirSync(path.dirname(logFile.file), { recursive: true });
            void shell.openPath(path.dirname(logFile.file));
          },
        },
      ],
    },
  ];
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    title: APP_TITLE,
    // Fits the screen's work area, down to a 1366×768 laptop at 125 % scaling.
    ...windowSize(screen.getPrimaryDisplay().workAreaSize),
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(inApp(appDir, PRELOAD_BUNDLE), !app.isPackaged),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_START_URL);
  return win;
}

function focusWindow(): void {
  const win = mainWindow;
  if (win === null || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}

// The clerk picks files with the system dialog; the renderer only ever sees an opaque id for them.
async function pickImportFile(
  purpose: 'import' | 'backup' = 'import',
): Promise<{ path: string; name: string } | null> {
  const options: Electron.OpenDialogOptions =
    purpose === 'backup'
      ? {
          title: '选择用来恢复的备份文件',
          properties: ['openFile'],
          filters: [
            { name: '台账备份', extensions: ['db', 'bak'] },
            { name: '所有文件', extensions: ['*'] },
          ],
        }
      : {
          title: '选择要导入的文件',
          properties: ['openFile'],
          filters: [
            {
              name: 'Excel、WPS 或 CSV',
              extensions: ['xlsx', 'xls', 'et', 'csv', 'ods', 'xlsm', 'xlsb', 'txt'],
            },
            { name: '所有文件', extensions: ['*'] },
          ],
        };
  const r = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options);
  const file = r.canceled ? undefined : r.filePaths[0];
  return file ? { path: file, name: path.basename(file) } : null;
}

/** 备份到文件夹或U盘: the folder a backup goes to. */
async function pickFolder(title: string): Promise<string | null> {
  const options: Electron.OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
  const r = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

/** Documents, or home when Documents is redirected to a share that is not there. */
function saveFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

// Excel/WPS lock an open workbook on Windows; saveAs says so in Chinese and offers another name.
function saveGeneratedFile(source: string, suggestedName: string): Promise<string | null> {
  return saveAs(source, suggestedName, saveFolder(), {
    chooseTarget: async (defaultPath, filters) => {
      const options: Electron.SaveDialogOptions = { title: '保存文件', defaultPath, filters };
      const r = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    offerOtherName: async (message) => {
      const options: Electron.MessageBoxOptions = {
        type: 'warning',
        title: '无法保存',
        message,
        buttons: ['换个文件名保存', '取消'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      };
      const r = mainWindow
        ? await dialog.showMessageBox(mainWindow, options)
        : await dialog.showMessageBox(options);
      return r.response === 0;
    },
  });
}

function fatal(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Start-up and shut-down.

/** What IT needs first when a PC misbehaves: versions, system, and which ledger. */
function logStart(): void {
  const glibc = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)
    ?.header?.glibcVersionRuntime;
  log(
    `start ${app.getVersion()} electron ${process.versions.electron} ${process.platform} ${os.release()} ` +
      `${process.arch}${glibc ? ` glibc ${glibc}` : ''} ledger ${ledgerPath}`,
  );
}

/**
 * The core in a utilityProcess: it owns the ledger and its only write connection, so a long query or an
 * import's commit never holds this thread, which draws the window. Dialogs and printing stay here (they
 * need the window); the core asks for them by message (core/owner/core-link.ts).
 */
function startCore(): Promise<LinkedCore> {
  // Unpacked beside app.asar (electron-builder.yml asarUnpack): a worker cannot start inside the archive.
  const unpacked = appDir.replace(/app\.asar$/, 'app.asar.unpacked');
  const child = utilityProcess.fork(inApp(unpacked, CORE_PROCESS_BUNDLE), [], {
    serviceName: `${APP_TITLE}核心`,
    stdio: 'inherit',
  });
  return openLinkedCore(
    {
      port: {
        post: (m: ToCore) => child.postMessage(m),
        onMessage: (listener) => child.on('message', (m: FromCore) => listener(m)),
      },
      onExit: (listener) =>
        child.on('exit', (code) => {
          if (code !== 0) log(`the core process ended with code ${code}`);
          listener();
        }),
      end: () => {
        child.kill();
      },
    },
    {
      options: {
        ledgerPath,
        host: 'electron',
        regionDataPath: inApp(appDir, REGION_DATA_FILE),
        importWorker: inApp(unpacked, IMPORT_WORKER_BUNDLE),
        safeguards: true,
      },
      dialogs: { pickFile: pickImportFile, saveFile: saveGeneratedFile, pickFolder },
      printing: electronPrinting(),
      log,
    },
  );
}

async function start(): Promise<void> {
  await app.whenReady();
  logStart();
  guardSession();
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));
  protocol.handle(APP_SCHEME, serveAppFile);

  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    fatal('程序文件不完整', `找不到界面文件 ${path.join(rendererDir, 'index.html')}。\n请重新安装本程序。`);
    return;
  }
  try {
    // A damaged ledger: the dialog offering the newest sound backup, then open again (damaged-ledger-dialog.ts).
    core = await openCoreOrRecover(startCore, ledgerPath, log);
  } catch (e) {
    if (e instanceof DamagedLedgerQuit) {
      app.exit(1);
      return;
    }
    log(`cannot open ${ledgerPath}`, e);
    // LedgerError messages (e.g. 'db-from-newer-version') are written for the clerk already.
    const reason = e instanceof LedgerError ? e.message : `错误信息：${(e as Error)?.message ?? String(e)}`;
    fatal('无法打开台账', reason.includes(ledgerPath) ? reason : `${reason}\n\n台账文件：${ledgerPath}`);
    return;
  }
  ipc = registerLedgerIpc(ipcMain, {
    core: () => core,
    isAllowedSender,
    // Checking responses too costs little and catches drift between the database and the contract.
    dispatchOptions: { validateResponses: !app.isPackaged, log },
  });
  mainWindow = createWindow();
}

const cliArgs = cliArguments(process.argv.slice(process.defaultApp ? 2 : 1));
if (cliArgs !== null) {
  // CLI mode: no window and no single-instance lock (the ledger's own lock keeps the CLI off a ledger
  // the window has open). Output is UTF-8, one result per line, as from `npm run ledger`.
  runCli(cliArgs, {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
  })
    .then((code) => app.exit(code))
    .catch((e: unknown) => {
      log('cli failed', e);
      app.exit(1);
    });
} else if (!app.requestSingleInstanceLock()) {
  // Another window already has this ledger open; it gets focus via 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  let closing = false;
  app.on('will-quit', (event) => {
    const open = core;
    if (open === null || closing) return;
    // Hold the quit until requests in flight are answered and the database is closed, then quit again.
    event.preventDefault();
    closing = true;
    const idle = ipc?.idle() ?? Promise.resolve();
    idle
      .then(() => {
        core = null; // later requests get a Chinese "not open" error instead of a closed handle
        return open.close();
      })
      .catch((e: unknown) => log('closing the ledger failed', e))
      .finally(() => app.quit());
  });

  start().catch((e: unknown) => {
    log('start-up failed', e);
    fatal('程序启动失败', `错误信息：${(e as Error)?.message ?? String(e)}`);
  });
}
