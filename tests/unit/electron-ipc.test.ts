import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { IPC_PREFIX } from '../../shared/api.ts';
import { METHOD_NAMES } from '../../shared/contract/index.ts';
import type { Handlers } from '../../main/core/api/dispatch.ts';
import { ipcChannels, registerLedgerIpc, type IpcRegistrar } from '../../main/electron/ipc.ts';
import { ownedCall, WriteOwner } from '../../main/core/owner/write-owner.ts';

type Listener = Parameters<IpcRegistrar['handle']>[1];

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipc: IpcRegistrar = {
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`); // as Electron does
      listeners.set(channel, listener);
    },
  };
  const invoke = (channel: string, request: unknown) => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return listener({} as Parameters<Listener>[0], request);
  };
  return { ipc, listeners, invoke };
}

const appInfo = {
  version: '0.1.0',
  host: 'electron',
  ledgerPath: '/tmp/ledger.db',
  schemaVersion: '2026_11_23_0001',
  initialized: false,
  county: null,
  isSample: false,
};
const handlers = { 'app.info': () => appInfo } as unknown as Handlers;

/** The core's call over these handlers, as openCore makes it. */
function coreOf(h: Handlers) {
  const owner = new WriteOwner();
  return { call: ownedCall(owner, () => h), idle: () => owner.idle() };
}

describe('Electron IPC', () => {
  it('has one channel per contract method', () => {
    expect(ipcChannels()).toEqual(METHOD_NAMES.map((name) => IPC_PREFIX + name));
    expect(new Set(ipcChannels()).size).toBe(METHOD_NAMES.length);
  });

  it('registers a handler for every method and nothing else', () => {
    const { ipc, listeners } = fakeIpcMain();
    const { channels } = registerLedgerIpc(ipc, {
      core: () => coreOf(handlers),
      isAllowedSender: () => true,
    });
    expect(channels).toEqual(ipcChannels());
    expect([...listeners.keys()]).toEqual(ipcChannels());
  });

  it('dispatches a request from a trusted sender to the core', async () => {
    const { ipc, invoke } = fakeIpcMain();
    registerLedgerIpc(ipc, { core: () => coreOf(handlers), isAllowedSender: () => true });
    await expect(invoke('ledger:app.info', {})).resolves.toEqual({ ok: true, value: appInfo });
    // Requests are validated by dispatch: unknown fields are refused by the strict schema.
    await expect(invoke('ledger:app.info', { extra: 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('refuses an untrusted sender before the core sees the request', async () => {
    const { ipc, invoke } = fakeIpcMain();
    let called = false;
    const spy = {
      'app.info': () => {
        called = true;
        return appInfo;
      },
    } as unknown as Handlers;
    registerLedgerIpc(ipc, { core: () => coreOf(spy), isAllowedSender: () => false });
    await expect(invoke('ledger:app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(called).toBe(false);
  });

  it('answers in Chinese when the core is not open', async () => {
    const { ipc, invoke } = fakeIpcMain();
    registerLedgerIpc(ipc, { core: () => null, isAllowedSender: () => true });
    const result = (await invoke('ledger:app.info', {})) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(result.error.message).toMatch(/台账/);
  });

  it('runs one request at a time', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const order: string[] = [];
    let release: () => void = () => {};
    const slow = {
      'app.info': async () => {
        order.push('info:start');
        await new Promise<void>((resolve) => (release = resolve));
        order.push('info:end');
        return appInfo;
      },
      'regions.tree': () => {
        order.push('tree');
        return [];
      },
    } as unknown as Handlers;
    const core = coreOf(slow);
    const ledgerIpc = registerLedgerIpc(ipc, { core: () => core, isAllowedSender: () => true });
    const first = invoke('ledger:app.info', {});
    const second = invoke('ledger:regions.tree', {});
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['info:start']);
    release();
    await Promise.all([first, second, ledgerIpc.idle()]);
    expect(order).toEqual(['info:start', 'info:end', 'tree']);
  });

  it('is what main.ts registers with ipcMain', () => {
    const source = readFileSync(new URL('../../main/electron/main.ts', import.meta.url), 'utf8');
    expect(source).toMatch(/registerLedgerIpc\(ipcMain,/);
    // No channel is registered by hand next to the contract ones.
    expect(source).not.toMatch(/ipcMain\.(handle|on|once|handleOnce)\(/);
  });
});
