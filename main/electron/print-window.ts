// Printing in the app: each document is loaded into a hidden window (no preload, no JavaScript,
// sandboxed) from a temporary file, then turned into PDF (webContents.printToPDF, for 另存为 PDF and the
// page count) or sent to the printer the clerk picks in the system's print dialog (webContents.print).
// The core builds the HTML; nothing here knows about forms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, type PrintToPDFOptions, type WebContentsPrintOptions } from 'electron';
import type { PrintHost } from '../core/api/print-handlers.ts';
import { pdfPageCount, type PdfRenderer } from '../core/print/pdf.ts';

const PDF_OPTIONS: PrintToPDFOptions = { preferCSSPageSize: true, printBackground: true, pageSize: 'A4' };

/** A hidden window that shows one document at a time; closed (and its temp folder removed) after the job. */
async function openPrintWindow() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-ledger-print-'));
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
      devTools: false,
    },
  });
  let n = 0;
  return {
    load: async (html: string) => {
      const file = path.join(dir, `page-${++n}.html`);
      fs.writeFileSync(file, html, 'utf8');
      await win.loadFile(file);
    },
    webContents: win.webContents,
    close: () => {
      if (!win.isDestroyed()) win.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function printOnce(contents: Electron.WebContents, options: WebContentsPrintOptions): Promise<boolean> {
  return new Promise((resolve, reject) => {
    contents.print(options, (success, failureReason) => {
      // Cancelling the dialog is not an error: the clerk chose not to print.
      if (success || failureReason === 'Print job canceled' || failureReason === 'cancelled')
        resolve(success);
      else reject(new Error(`打印失败：${failureReason}`));
    });
  });
}

export function electronPrinting(): PrintHost {
  return {
    pdf: async (): Promise<PdfRenderer> => {
      const w = await openPrintWindow();
      return {
        toPdf: async (html) => {
          await w.load(html);
          return new Uint8Array(await w.webContents.printToPDF(PDF_OPTIONS));
        },
        close: async () => w.close(),
      };
    },
    printers: async () => {
      const w = await openPrintWindow();
      try {
        return (await w.webContents.getPrintersAsync()).map((p) => ({
          name: p.name,
          displayName: p.displayName || p.name,
          // PrinterInfo says nothing reliable about the default printer: the system dialog stays the default.
          isDefault: false,
        }));
      } finally {
        w.close();
      }
    },
    send: async (form, printer) => {
      const w = await openPrintWindow();
      try {
        let pages = 0;
        for (const d of form.documents) {
          await w.load(d.html);
          pages += pdfPageCount(new Uint8Array(await w.webContents.printToPDF(PDF_OPTIONS)));
          // One job per document: each village's roster keeps its own 第 1 页 … numbering. With a printer
          // chosen in the 打印 dialog the jobs go there without a dialog each; without, the system dialog asks.
          const printed = await printOnce(w.webContents, {
            silent: printer !== null,
            ...(printer !== null ? { deviceName: printer } : {}),
            printBackground: true,
            pageSize: 'A4',
            landscape: d.orientation === 'landscape',
          });
          if (!printed) return { printed: false, pages };
        }
        return { printed: true, pages };
      } finally {
        w.close();
      }
    },
  };
}
