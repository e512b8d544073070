// What a page says in Latin letters and digits, read as the clerk sees it. The screen speaks Chinese; data
// (names, numbers, IDs in table cells and descriptions, region names, what an input holds), versions and
// units are fine, and so is the short list of accepted words below. Anything else — "undefined", "NaN",
// "debug", a temporary file's hash, a code number beside a label — is a stray word a test reports.
import type { Page } from 'playwright-core';

/**
 * Text that is data wherever it appears: table body cells, description values, the region tree, a
 * select's chosen value, and anything marked translate="no" (paths, versions: not words of the UI's
 * language, which is what the attribute says).
 */
const DATA_SELECTOR = [
  'td',
  '.ant-descriptions-item-content',
  '.ant-tree-title',
  '.ant-select-selection-item',
  '.ant-select-content',
  '.ant-select-content-value',
  '.ant-select-selection-overflow',
  // the long lists' cells (components/VirtualTable.tsx), not their headers
  '.vt-row .vt-cell',
  '[translate="no"]',
].join(', ');

/** Accepted patterns, removed before looking for what is left. Each line says what it is. */
const ACCEPTED: readonly RegExp[] = [
  // dates and times: 2026-12-06, 2026-12-06 10:05:03, 2026年12月6日, 12月6日, 10:05
  /\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?/g,
  /\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?/g,
  /\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/g,
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g,
  // a version after 版本
  /版本\s*v?\d+(?:\.\d+){1,3}/g,
  // masked ID numbers and phones, household numbers, region codes (identifiers, not words)
  /\d{3,6}\*{4,8}[\dX]{2,4}/g,
  /\d{10,}[\dX]?/g,
  // the lower end of a range of counts: 后 4–6 位, 1~3 人 (the upper end goes with its unit below)
  /\d[\d,]*\s*[–~]\s*(?=\d)/g,
  // counts and amounts with their unit: 共 2,000 户, 58.3%, 4,500 元, 第 3 页, 30 天, 20 MB
  /[-+]?\d[\d,]*(?:\.\d+)?\s*(?:%|‰|万元|万|亿|元|户|人次|人|条|项|个|岁|周岁|年度|年|月|日|天|次|页|行|列|张|份|位|组|批|名|处|所|家|亩|间|台|件|笔|类|种|号|周|小时|分钟|分|秒|字|版|倍|公里|MB|KB|GB|B\b)/g,
  /第\s*[\d,]+/g,
  // a value in an element of its own (a card's number, a tab's count): 1,222, 92.9, 0 — never a code
  // with a leading zero such as 01
  /^[-+]?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?%?$/g,
  // an example of what to type: 如 19850307, 如 2019
  /如\s*[\d.\-/]+/g,
  // 危房 grades A–D, hotlines such as 12317 (扶贫监督举报)
  /\b[A-D]\s*级/g,
  /\b123\d{2}\b/g,
  // keys named in keyboard hints
  /\b(?:Ctrl|Shift|Alt|Enter|Esc|Tab|Delete|Backspace|Home|End|PageUp|PageDown|Space|F\d{1,2})\b/g,
  // file types, paper sizes and the programs clerks know
  /\.?\b(?:xlsx|xlsb|xls|ods|csv|CSV|PDF|pdf|XLSX|XLS|ODS)\b/g,
  /\b(?:A4|A3)\b/g,
  /\b(?:Excel|WPS)\b/g,
  // the clerk's word for a USB stick
  /\bU\s*盘/g,
];

/** The runs of Latin letters or digits left in `text` once accepted patterns are taken out. */
export function strayWords(text: string): string[] {
  let rest = text;
  for (const pattern of ACCEPTED) rest = rest.replace(pattern, ' ');
  return rest.match(/[A-Za-z0-9]+/g) ?? [];
}

export interface ScreenText {
  text: string;
  /** Where it was: the nearest data-testid, for the failure message. */
  near: string;
}

/**
 * The visible text of the page that is not data: text nodes outside DATA_SELECTOR elements, and the
 * placeholders of empty inputs. Hidden elements (other tabs, closed menus) are not read.
 */
export function screenTexts(page: Page): Promise<ScreenText[]> {
  // A string, not a function: this file is compiled without the DOM's types.
  return page.evaluate(`(() => {
    const dataSelector = ${JSON.stringify(DATA_SELECTOR)};
    const out = [];
    const nearOf = (el) => el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName;
    const visible = (el) =>
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && el.getClientRects().length > 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const el = node.parentElement;
      if (text === '' || el === null) continue;
      if (el.closest('script, style, noscript') !== null || el.closest(dataSelector) !== null) continue;
      if (!visible(el)) continue;
      out.push({ text, near: nearOf(el) });
    }
    for (const input of document.querySelectorAll('input, textarea')) {
      if (input.placeholder && input.value === '' && visible(input)) out.push({ text: input.placeholder, near: nearOf(input) });
    }
    return out;
  })()`);
}

/** Every stray word on the page now: '<page>: “<text>” (<near>) → <words>'. */
export async function strayWordsOn(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const t of await screenTexts(page)) {
    const words = strayWords(t.text);
    if (words.length > 0) found.push(`${where}：“${t.text}”（${t.near}）→ ${words.join(' ')}`);
  }
  return found;
}
