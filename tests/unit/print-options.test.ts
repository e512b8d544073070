// The print dialog offers only what applies to what is printed, from the form's definition (issue 14):
// 列表打印 of 查人, a ledger's list or the 户列表 takes no 年度, 报表 or 统计日期; a report takes all three;
// a form without sources keeps its own; what only the command line gives (查人's words) is never shown.
import { describe, expect, it } from 'vitest';
import { printedOptions, printFormDef, printSourceOf, type PrintFormDef } from '../../shared/print/forms.ts';

const form = (id: string) => printFormDef(id) as PrintFormDef;
const offered = (id: string, request: Parameters<typeof printedOptions>[1]) => {
  const o = printedOptions(form(id), request);
  return { year: o.year, options: o.options.map((x) => x.key) };
};

describe('printedOptions', () => {
  it('gives 查人, a ledger list and the 户列表 no 年度 and no report options', () => {
    expect(offered('table', { personList: { q: '王', status: 'active' } })).toEqual({
      year: false,
      options: [],
    });
    expect(offered('table', { ledgerList: { ledgerId: 'migrant_work' } })).toEqual({
      year: false,
      options: [],
    });
    expect(offered('table', {})).toEqual({ year: false, options: [] });
  });

  it('gives a report its 年度, 报表 and 统计日期', () => {
    expect(offered('table', { options: { report: 'basic', asOf: '2026-12-06' } })).toEqual({
      year: true,
      options: ['report', 'asOf'],
    });
  });

  it('keeps a form’s own options where it prints one thing', () => {
    expect(offered('roster', {})).toEqual({ year: true, options: ['ids'] });
    expect(offered('rectification', {})).toEqual({ year: false, options: [] });
  });

  it('tells the sources apart as the template does: 查人 first, then a ledger list, a report, the 户列表', () => {
    const key = (r: Parameters<typeof printSourceOf>[1]) => printSourceOf(form('table'), r)?.key;
    expect(key({ personList: {}, ledgerList: {}, options: { report: 'x' } })).toBe('persons');
    expect(key({ ledgerList: {}, options: { report: 'x' } })).toBe('ledger');
    expect(key({ options: { report: ' x ' } })).toBe('report');
    expect(key({ options: { report: ' ' } })).toBe('households');
  });
});
