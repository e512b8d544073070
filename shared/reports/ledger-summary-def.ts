// A thematic ledger's 汇总 as a report definition, derived from its measures: a count is the report's
// 'records', a sum its 'sum', with the same conditions; a ledger kept by 年度 takes the 年度 parameter.
// So the 汇总 tab, its workbook and `summary LEDGER-ID` run through the one report machinery
// (main/core/reports) and the one report workbook.
import type { LedgerDef, LedgerMeasure } from '../ledgers/define.ts';
import { defineReport, type ReportDef, type ReportMeasure } from './define.ts';

const measure = (m: LedgerMeasure): ReportMeasure =>
  m.kind === 'count'
    ? { key: m.key, label: m.label, kind: 'records', ...(m.where === undefined ? {} : { where: m.where }) }
    : {
        key: m.key,
        label: m.label,
        kind: 'sum',
        column: m.column,
        ...(m.where === undefined ? {} : { where: m.where }),
      };

/** The unit a measure's label implies (人数 → 人, 金额 → 元, 面积（亩） → 亩 …), for the 单位 line. */
export function measureUnit(m: LedgerMeasure): string {
  const own = /（([^（）]+)）$/.exec(m.label)?.[1];
  if (own !== undefined) return own;
  if (/人次$/.test(m.label)) return '人次';
  if (/户数$/.test(m.label)) return '户';
  if (/人数$/.test(m.label)) return '人';
  if (/天数合计$/.test(m.label)) return '天';
  if (m.kind === 'sum') return '元';
  return /次数$/.test(m.label) ? '次' : '个';
}

export function ledgerSummaryDef(def: LedgerDef): ReportDef {
  return defineReport({
    id: `summary_${def.id}`,
    title: `${def.name}汇总表`,
    source: { ledger: def.id },
    parameters: def.summaryYear === undefined ? [] : ['year'],
    unit: [...new Set(def.measures.map(measureUnit))].join('、'),
    columns: def.measures.map(measure),
  });
}
