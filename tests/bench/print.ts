// 打印: the 村级花名册 of one village of N households (500 by default) from the sample county's register,
// all gathered into one village — HTML built by the core, then the PDF through Chromium (playwright-core,
// the browser launched for the job as the CLI does). Median of 3 runs after a warm-up. The last line (with
// --json) is {"households":N,"roster_pdf_ms":X,…}; roster_pdf_ms counts HTML, browser start and PDF.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { chromiumPdf } from '../../main/core/print/chromium.ts';
import { renderPdf } from '../../main/core/print/pdf.ts';
import { renderForm } from '../../main/core/print/render-form.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { printRequest } from '../../shared/contract/print.ts';
import { median, medianMs, report, round, time } from './measure.ts';

export async function benchPrint(households: number): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'print-bench-'));
  const ledger = await openLedger(path.join(dir, 'bench.db'));
  try {
    const demo = loadDemo(ledger, () => getRegionCatalog(), households, 1, '420626', { ledgers: false });
    const village = ledger.sqlite.prepare(`SELECT code, parent_code AS township FROM regions WHERE level = 'village' ORDER BY code LIMIT 1`).get() as { code: string; township: string };
    ledger.sqlite.prepare('UPDATE households SET township_code = ?, village_code = ?, group_code = NULL').run(village.township, village.code);
    const request = printRequest.parse({ form: 'roster', regionCode: village.code });
    const factory = chromiumPdf();
    let pages = 0;
    const once = async () => {
      const form = renderForm(ledger, request);
      pages = (await renderPdf(form.documents, factory)).pages;
    };
    await once();
    const htmlMs = round(median(Array.from({ length: 3 }, () => time(() => renderForm(ledger, request)))));
    const pdfMs = await medianMs(3, once);
    report(`村级花名册 HTML（${households} 户 ${demo.persons} 人）`, htmlMs, 'ms');
    report(`村级花名册 PDF（共 ${pages} 页，含启动浏览器）`, pdfMs, 'ms');
    return { households, persons: demo.persons, roster_pdf_ms: pdfMs, roster_html_ms: htmlMs, pages };
  } finally {
    await ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
} // prettier-ignore
