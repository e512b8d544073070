// 外出务工三联单编号: <乡镇代码第 7–9 位>-<年度>-<5 位序号>, e.g. 100-2026-00042. Short enough to read out on
// the phone ("一零零、二零二六、四十二号"), unique county-wide (the 3 digits name one 乡镇 within the county,
// each 乡镇 numbers each 年度 from 1), and it says where and when the slip was issued.

/** The ledger whose records the slips are printed from and their 回执 recorded against. */
export const SLIP_LEDGER_ID = 'migrant_work';

const SERIAL = /^(\d{3})-(\d{4})-(\d{5})$/;

/** '100-2026': the 乡镇 part of a 12-digit township code and the 年度. */
export function slipPrefix(townshipCode: string, year: number): string {
  return `${townshipCode.slice(6, 9)}-${String(year).padStart(4, '0')}`;
}

export const formatSlipSerial = (prefix: string, n: number): string =>
  `${prefix}-${String(n).padStart(5, '0')}`;

/**
 * A serial as a clerk types it — with spaces, full-width digits or dashes, or without dashes
 * (100202600042) — in its canonical form; null when it cannot be one.
 */
export function parseSlipSerial(text: string): string | null {
  const clean = text
    .normalize('NFKC')
    .replace(/[\s_—–－‐]+/g, (m) => (/\s/.test(m) ? '' : '-'))
    .replace(/^编号[:：]?/, '');
  if (SERIAL.test(clean)) return clean;
  const bare = /^(\d{3})(\d{4})(\d{5})$/.exec(clean);
  return bare ? `${bare[1]}-${bare[2]}-${bare[3]}` : null;
}
