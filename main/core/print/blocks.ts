// Pieces every paper form shares: the title with 填报单位 and date, signature lines, a table with a
// repeated header. Templates build on these so the forms look alike.
import { html, type HtmlValue, type SafeHtml } from './html.ts';

/** Title, and under it 填报单位 on the left and whatever the form says on the right (年度, 日期). */
export function formHeader(title: string, left: HtmlValue, right: HtmlValue): SafeHtml {
  return html`<h1>${title}</h1>
    <div class="sub"><span>${left}</span><span>${right}</span></div>`;
}

export interface SignatureSpec {
  label: string;
  /** Print “年 月 日” after the line. */
  date?: boolean;
}

/** Blank year, month and day for the pen (ideographic spaces). */
export const DATE_BLANKS = '\u3000\u3000年\u3000\u3000月\u3000\u3000日';

/** A row of signature lines: 村委会（盖章）____  填表人____ … */
export function signatures(items: readonly SignatureSpec[]): SafeHtml {
  return html`<div class="signatures">
    ${items.map(
      (s) =>
        html`<span class="sign">${s.label}：<span class="line"></span>${s.date ? DATE_BLANKS : ''}</span>`,
    )}
  </div>`;
}

export interface TableColumn<R> {
  header: string;
  /** Cell text (escaped) or html. */
  value: (row: R) => HtmlValue;
  /** 'num' right-aligns, 'c' centres, 'nowrap' keeps on one line. */
  className?: string;
  /** Width in mm (the rest share what is left). */
  width?: number;
}

/** The <colgroup> and <thead> of `columns` (a header that repeats on every page). */
export function tableHead<R>(columns: readonly TableColumn<R>[], extraRows: HtmlValue = ''): SafeHtml {
  return html`<colgroup>
      ${columns.map((c) => (c.width ? html`<col style="width:${c.width}mm" />` : html`<col />`))}
    </colgroup>
    <thead>
      ${extraRows}
      <tr>
        ${columns.map((c) => html`<th class="${c.className ?? ''}">${c.header}</th>`)}
      </tr>
    </thead>`;
}

export function tableRow<R>(columns: readonly TableColumn<R>[], row: R): SafeHtml {
  return html`<tr>
    ${columns.map((c) => html`<td class="${c.className ?? ''}">${c.value(row)}</td>`)}
  </tr>`;
}

/** A plain table: header repeated per page, each row kept whole. */
export function simpleTable<R>(
  columns: readonly TableColumn<R>[],
  rows: readonly R[],
  className = '',
): SafeHtml {
  return html`<table class="grid ${className}">
    ${tableHead(columns)}
    <tbody>
      ${rows.map((r) => tableRow(columns, r))}
    </tbody>
  </table>`;
}

/** 2026年12月6日 from 2026-12-06. */
export const chineseDate = (iso: string): string =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
