// One printed document: A4 (portrait or landscape) in mm, Chinese fonts with the Windows office PC's
// SimSun/Microsoft YaHei as fallbacks, the table header repeated on every page, rows never cut, and
// 第 x 页 共 y 页 in the bottom margin (CSS page-margin boxes: Chromium ≥ 131, so the same numbers come
// out in a PDF and on a printer). A form whose records still break a rule carries a 未校验 watermark on
// every page (docs/printing.md).
import type { PrintOrientation } from '../../../shared/print/forms.ts';
import { UNVERIFIED_WATERMARK } from '../../../shared/print/forms.ts';
import { html, raw, type SafeHtml } from './html.ts';

export interface PrintPage {
  /** The document's <title> (PDF metadata, the print job's name). */
  title: string;
  orientation: PrintOrientation;
  body: SafeHtml;
  /** The template's own CSS (a trusted constant). */
  css?: string;
  /** Set by the engine when records have unresolved errors; templates leave it alone. */
  watermark?: string | null;
  /** The page-number footer; false for forms that number nothing (a single card). Default true. */
  pageNumbers?: boolean;
  /** Margins in mm: top, right, bottom, left. Default 12 12 15 12. */
  margins?: readonly [number, number, number, number];
}

export const FONT_STACK =
  '"Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑", "SimSun", "宋体", "NSimSun", "Songti SC", "WenQuanYi Micro Hei", serif';

/** Page-numbering text of the bottom margin box. */
const PAGE_OF_TOTAL = '"第 " counter(page) " 页　共 " counter(pages) " 页"';

const BASE_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${FONT_STACK}; font-size: 10pt; line-height: 1.35; color: #000;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; letter-spacing: 1pt; }
h2 { font-size: 12pt; margin: 3mm 0 1.5mm; }
.sub { display: flex; justify-content: space-between; gap: 6mm; font-size: 10pt; margin: 0 0 2mm; }
table.grid { width: 100%; border-collapse: collapse; table-layout: auto; }
table.grid th, table.grid td { border: 0.3mm solid #000; padding: 0.8mm 1.2mm; vertical-align: middle; }
table.grid th { font-weight: bold; text-align: center; background: #f0f0f0; }
table.grid td.num, table.grid th.num { text-align: right; white-space: nowrap; }
table.grid td.c { text-align: center; }
table.grid td.nowrap { white-space: nowrap; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, td, th { break-inside: avoid; page-break-inside: avoid; }
tbody.keep { break-inside: avoid; page-break-inside: avoid; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.new-page { break-before: page; page-break-before: always; }
.keep-together { break-inside: avoid; page-break-inside: avoid; }
.signatures { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 3mm 8mm; margin-top: 6mm;
  break-inside: avoid; page-break-inside: avoid; }
.signatures .sign { min-width: 45mm; white-space: nowrap; }
.signatures .line { display: inline-block; min-width: 32mm; border-bottom: 0.3mm solid #000; }
.notes { font-size: 9pt; margin-top: 2mm; }
.box { display: inline-block; width: 3.2mm; height: 3.2mm; border: 0.3mm solid #000; vertical-align: -0.5mm;
  margin: 0 0.8mm 0 2mm; }
@media screen { body { padding: 10mm 12mm; } }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 90pt;
  color: rgba(200, 0, 0, 0.16); transform: rotate(-28deg); z-index: 1000; pointer-events: none;
  letter-spacing: 20pt; font-weight: bold; }
`;

function pageRule(p: PrintPage): string {
  const [top, right, bottom, left] = p.margins ?? [12, 12, 15, 12];
  const footer =
    p.pageNumbers === false
      ? ''
      : `@bottom-center { content: ${PAGE_OF_TOTAL}; font-family: ${FONT_STACK}; font-size: 9pt; }`;
  return `@page { size: A4 ${p.orientation}; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; ${footer} }`;
}

/** The whole HTML document of one printed form. */
export function printDocument(p: PrintPage): string {
  const mark = p.watermark ?? null;
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>${p.title}</title>
        <style>
          ${raw(pageRule(p))}${raw(BASE_CSS)}${raw(p.css ?? '')}
        </style>
      </head>
      <body>
        ${mark ? html`<div class="watermark" aria-hidden="true">${mark}</div>` : ''} ${p.body}
      </body>
    </html> `.text;
}

export { UNVERIFIED_WATERMARK };
