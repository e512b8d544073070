// The core in its own thread or process (Electron: a utilityProcess; tests: a worker thread), and the
// host talking to it by messages. The host keeps only transport and what must run where it is: the open
// and save dialogs and printing (Electron's windows), which the core asks for by message. One protocol
// for both ends, so the Electron shell stays a thin, typed wrapper around it.
import type { Result } from '../../../shared/result.ts';
import type { HandlerContext } from '../api/handlers.ts';
import type { PrintHost } from '../api/print-handlers.ts';
import type { RenderedForm } from '../print/render-form.ts';
import type { PdfRenderer } from '../print/pdf.ts';
import type { CoreOptions } from '../index.ts';
import type { RegisteredFile } from '../files/file-registry.ts';

/** What crosses the boundary at open: the core's options without the functions (those are services). */
export type LinkedCoreOptions = Omit<
  CoreOptions,
  'dialogs' | 'printing' | 'files' | 'log' | 'importWorker'
> & {
  importWorker?: string;
  /** Which host services exist (Electron: all; a test: some). */
  services: { dialogs: boolean; printing: boolean };
};

/** What the core may ask of its host. */
export interface HostServices {
  pickFile(purpose: 'import' | 'backup'): Promise<{ path: string; name: string } | null>;
  saveFile(source: string, suggestedName: string): Promise<string | null>;
  pickFolder(title: string): Promise<string | null>;
  pdfOpen(): Promise<number>;
  pdfRender(renderer: number, html: string): Promise<Uint8Array>;
  pdfClose(renderer: number): Promise<void>;
  printers(): Promise<Array<{ name: string; displayName: string; isDefault: boolean }>>;
  printSend(form: RenderedForm, printer: string | null): Promise<{ printed: boolean; pages: number }>;
}
export type ServiceName = keyof HostServices;

export type ToCore =
  | { type: 'open'; options: LinkedCoreOptions }
  | { type: 'call'; id: number; method: string; request: unknown; validateResponses: boolean }
  | { type: 'idle'; id: number }
  | { type: 'close'; id: number }
  /** The file registry (files/file-registry.ts) over the link: browser mode's uploads and downloads. */
  | { type: 'files-register'; id: number; file: RegisteredFile }
  | { type: 'files-get'; id: number; fileId: string }
  | { type: 'service-reply'; id: number; ok: true; value: unknown }
  /** `code`: the LedgerError's code (e.g. 'conflict' for a file Excel holds open), kept across the link. */
  | { type: 'service-reply'; id: number; ok: false; code: string | null; message: string };

export type FromCore =
  | { type: 'opened' }
  /** `details`: the LedgerError's (e.g. the newest sound backup of a damaged ledger), kept across the link. */
  | { type: 'open-failed'; code: string; message: string; details?: unknown }
  | { type: 'reply'; id: number; value: unknown }
  | { type: 'service'; id: number; name: ServiceName; args: unknown[] }
  | { type: 'log'; message: string; error: string | null };

/** Either end of the link: a worker's port, Electron's parentPort or UtilityProcess, wrapped alike. */
export interface LinkPort<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

/** The host end's implementation of the services from its dialogs and printing. */
export function hostServices(dialogs?: HandlerContext['dialogs'], printing?: PrintHost): HostServices {
  const renderers = new Map<number, PdfRenderer>();
  let next = 0;
  const missing = (what: string) => Promise.reject(new Error(`本程序不支持${what}`));
  return {
    pickFile: (purpose) => dialogs?.pickFile(purpose) ?? missing('选择文件'),
    saveFile: (source, name) => dialogs?.saveFile(source, name) ?? missing('保存文件'),
    pickFolder: (title) => dialogs?.pickFolder?.(title) ?? missing('选择文件夹'),
    pdfOpen: async () => {
      if (!printing?.pdf) return missing('生成 PDF');
      const id = ++next;
      renderers.set(id, await printing.pdf());
      return id;
    },
    pdfRender: (id, html) => renderers.get(id)?.toPdf(html) ?? missing('生成 PDF'),
    pdfClose: async (id) => {
      const renderer = renderers.get(id);
      renderers.delete(id);
      await renderer?.close();
    },
    printers: () => printing?.printers?.() ?? missing('列出打印机'),
    printSend: (form, printer) => printing?.send?.(form, printer) ?? missing('打印'),
  };
}

/** The core end's dialogs and printing, each a request to the host. */
export function servicesAsContext(
  ask: <N extends ServiceName>(name: N, ...args: Parameters<HostServices[N]>) => ReturnType<HostServices[N]>,
  available: LinkedCoreOptions['services'],
): Pick<HandlerContext, 'dialogs' | 'printing'> {
  return {
    ...(available.dialogs
      ? {
          dialogs: {
            pickFile: (purpose) => ask('pickFile', purpose),
            saveFile: (source, name) => ask('saveFile', source, name),
            pickFolder: (title) => ask('pickFolder', title),
          },
        }
      : {}),
    ...(available.printing
      ? {
          printing: {
            pdf: async () => {
              const id = await ask('pdfOpen');
              return { toPdf: (html) => ask('pdfRender', id, html), close: () => ask('pdfClose', id) };
            },
            printers: () => ask('printers'),
            send: (form, printer) => ask('printSend', form, printer),
          },
        }
      : {}),
  };
}

export type CallReply = Result<unknown>;
