// 导出问题清单 as the real checkers hand it out: a 疑点数据统计表 (rule → count) first, then one sheet per
// rule with findings, one row per finding. Messages already carry masked 证件号码.
import { createWorkbookWriter, safeSheetName } from '../xlsx-write/index.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { RegionNode } from '../regions/region-tree.ts';
import { countsByRule, listFindings } from './findings-read.ts';

const HEAD = { bold: true, fill: 'FFDDEBF7', border: 'thin' as const, align: 'center' as const };
const CELL = { border: 'thin' as const, valign: 'top' as const, wrap: true };

export async function exportFindings(ledger: Ledger, region: RegionNode, path: string): Promise<number> {
  const rules = countsByRule(ledger, region);
  const book = createWorkbookWriter(path);
  let rows = 0;
  try {
    const stats = book.addSheet({ name: '疑点数据统计表', columns: [{ width: 6 }, { width: 12 }, { width: 8 }, { width: 16 }, { width: 36 }, { width: 10 }, { width: 10 }], freeze: { rows: 2 } });
    stats.addRow([`${region.name}疑点数据统计表`], { style: { bold: true, fontSize: 14 } });
    stats.addRow(['序号', '规则编号', '级别', '范围', '规则', '问题数', '已豁免'], { style: HEAD });
    rules.forEach((r, i) => stats.addRow([i + 1, r.id, r.level, r.scope, r.title, r.count, r.exempt], { style: CELL }));
    stats.addRow(['', '合计', '', '', '', rules.reduce((n, r) => n + r.count, 0), rules.reduce((n, r) => n + r.exempt, 0)], { style: { ...CELL, bold: true } });
    stats.end();
    for (const rule of rules.filter((r) => r.count > 0)) {
      const sheet = book.addSheet({ name: safeSheetName(`${rule.id} ${rule.title}`.slice(0, 31)), columns: [{ width: 6 }, { width: 24 }, { width: 20 }, { width: 10 }, { width: 70 }, { width: 12 }], freeze: { rows: 2 } });
      sheet.addRow([`${rule.id} ${rule.title}（${rule.level}）：${rule.description}`], { style: { bold: true } });
      sheet.addRow(['序号', '乡镇 村', '户编号', '姓名', '问题说明', '首次发现'], { style: HEAD });
      const { rows: findings } = listFindings(ledger, region, { rule: rule.id });
      findings.forEach((f, i) => sheet.addRow([i + 1, f.region, f.household ?? '', f.person ?? '', f.message, f.firstFound.slice(0, 10)], { style: CELL }));
      rows += findings.length;
      sheet.end();
    }
    await book.close();
  } catch (e) {
    await book.abort();
    throw e;
  }
  return rows;
} // prettier-ignore
