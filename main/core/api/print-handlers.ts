// 打印 over the contract: the catalog, the HTML for the preview, the PDF (a temporary file handed to the
// host like an export: save dialog in Electron, a download in the browser) and, in Electron, printing
// through the system's print dialog (the host's `printing.send`).
import fs from 'node:fs';
import { DOWNLOAD_PATH_PREFIX } from '../../../shared/api.ts';
import type { printContract } from '../../../shared/contract/print.ts';
import { todayIso } from '../../../shared/date-input.ts';
import { PRINT_FORMS, type PrintFormDef } from '../../../shared/print/forms.ts';
import { LedgerError } from '../../../shared/result.ts';
import { chromiumPdf } from '../print/chromium.ts';
import { FORM_AFTER_PRINT, FORM_OPTION_DEFAULTS } from '../print/forms/index.ts';
import { renderPdf, type PdfRendererFactory } from '../print/pdf.ts';
import { renderForm, type RenderedForm } from '../print/render-form.ts';
import type { Handlers } from './dispatch.ts';
import type { HandlerContext } from './handlers.ts';

/** What a host offers for printing; the core falls back to a Chromium it finds (playwright-core). */
export interface PrintHost {
  /** HTML → PDF (Electron: a hidden window's webContents.printToPDF). */
  pdf?: PdfRendererFactory;
  /** Sends the documents to a printer the clerk picks (Electron: webContents.print); false if cancelled. */
  send?: (form: RenderedForm, printer: string | null) => Promise<{ printed: boolean; pages: number }>;
  /** The machine's printers (Electron: webContents.getPrintersAsync). */
  printers?: () => Promise<Array<{ name: string; displayName: string; isDefault: boolean }>>;
}

export function printHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof printContract> {
  const { ledger } = ctx;
  const pdfFactory = () => ctx.printing?.pdf ?? chromiumPdf();
  return {
    'print.forms': () =>
      (PRINT_FORMS as readonly PrintFormDef[]).map((f) => ({
        id: f.id as (typeof PRINT_FORMS)[number]['id'],
        title: f.title,
        orientation: f.orientation,
        targets: [...f.targets],
        year: f.year,
        perHousehold: f.perHousehold,
        description: f.description,
        options: (f.options ?? []).map((o) => ({
          key: o.key,
          flag: o.flag,
          label: o.label,
          help: o.help,
          ...(o.choices ? { choices: o.choices.map((c) => ({ ...c })) } : {}),
        })),
        defaults: FORM_OPTION_DEFAULTS[f.id as keyof typeof FORM_OPTION_DEFAULTS]?.(ledger, todayIso()) ?? {},
      })),
    'print.render': (req) => renderForm(ledger, req),
    'print.pdf': async (req) => {
      const form = renderForm(ledger, req);
      const out = await renderPdf(form.documents, pdfFactory());
      const path = ctx.files.tempPath(form.fileName);
      fs.writeFileSync(path, out.bytes);
      const fileId = ctx.files.register({ path, name: form.fileName, temporary: true });
      FORM_AFTER_PRINT[req.form]?.(ledger, req.options);
      return {
        fileId,
        fileName: form.fileName,
        downloadPath: ctx.host === 'browser' ? `${DOWNLOAD_PATH_PREFIX}${fileId}` : null,
        pages: out.pages,
        documents: out.documents,
        unverified: form.unverified,
      };
    },
    'print.printers': async () => (ctx.printing?.printers ? ctx.printing.printers() : []),
    'print.send': async (req) => {
      const send = ctx.printing?.send;
      if (!send)
        throw new LedgerError('bad-request', '浏览器模式下请在预览中用浏览器的“打印”，或另存为 PDF 后打印。');
      const sent = await send(renderForm(ledger, req), req.printer);
      if (sent.printed) FORM_AFTER_PRINT[req.form]?.(ledger, req.options);
      return sent;
    },
  };
}
