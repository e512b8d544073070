// The only bridge between the page and the main process: `window.ledger.call(method, request)`.
// CommonJS because a sandboxed preload is loaded with a restricted `require` that can load
// 'electron' and nothing else. `require` rather than `import` because this tsconfig combines
// verbatimModuleSyntax (no ESM syntax in a .cts) with erasableSyntaxOnly (no `import x = require`).
// bundle-electron.ts inlines shared/api.ts and replaces the contract module with its list of
// method names, so neither zod nor the schemas end up in here.
/* eslint-disable @typescript-eslint/no-require-imports -- see above: CommonJS is the point of this file */
import type { ContextBridge, IpcRenderer } from 'electron';
import type * as Api from '../../shared/api.ts';
import type * as Contract from '../../shared/contract/index.ts';

const { contextBridge, ipcRenderer } = require('electron') as {
  contextBridge: ContextBridge;
  ipcRenderer: IpcRenderer;
};
const { IPC_PREFIX, PRELOAD_GLOBAL } = require('../../shared/api.ts') as typeof Api;
const { METHOD_NAMES } = require('../../shared/contract/index.ts') as typeof Contract;

const methods: ReadonlySet<string> = new Set<string>(METHOD_NAMES);

const transport = {
  call(method, request) {
    // The page is not trusted to name channels: only contract methods become IPC messages.
    if (typeof method !== 'string' || !methods.has(method)) {
      return Promise.reject(new Error(`没有这个操作：${String(method)}`));
    }
    return ipcRenderer.invoke(IPC_PREFIX + method, request);
  },
} satisfies Api.LedgerTransport;

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, transport);
