// Every report definition names what exists: its ledger and the columns its conditions and sums read
// (the record's fields, or the household's / person's table columns), codes of the field's code table,
// rates over measures of the same report, unique keys, a 年度 parameter only where the ledger has a 年度.
import { describe, expect, it } from 'vitest';
import { TABLE_COLUMNS } from '../../main/core/db/tables.ts';
import { CODE_TABLES } from '../../shared/code-tables/index.ts';
import { allLedgers, ledgerDef } from '../../shared/ledgers/index.ts';
import { reportMeasures, whereList, type ReportWhere } from '../../shared/reports/define.ts';
import { allReports } from '../../shared/reports/index.ts';
import { ledgerSummaryDef } from '../../shared/reports/ledger-summary-def.ts';

// The catalog, and every ledger's 汇总 as the report definition derived from its measures.
const defs = [...allReports(), ...allLedgers().map(ledgerSummaryDef)];

describe.each(defs.map((d) => [d.id, d] as const))('report %s', (_, def) => {
  const measures = reportMeasures(def);

  it('has a snake_case id and unique measure keys', () => {
    expect(def.id).toMatch(/^[a-z][a-z0-9_]{1,40}$/);
    const keys = measures.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reads only columns and codes that exist', () => {
    for (const m of measures) {
      if (m.kind === 'rate') {
        expect(measures.some((x) => x.key === m.of && x.kind !== 'rate')).toBe(true);
        expect(measures.some((x) => x.key === m.per && x.kind !== 'rate')).toBe(true);
        continue;
      }
      const source = m.source ?? def.source;
      const ledger = source === 'register' ? null : ledgerDef(source.ledger);
      if (source !== 'register') expect(ledger, `ledger ${source.ledger}`).toBeDefined();
      if (m.kind === 'persons' && ledger) expect(ledger.subject).toBe('person');
      const reads: ReportWhere[] = [...whereList(m.where)];
      if (m.kind === 'sum') reads.push({ column: m.column, ...(m.on ? { on: m.on } : {}), in: [] });
      for (const w of reads) {
        const on = w.on ?? (ledger ? 'record' : 'person');
        if (on === 'record') {
          const field = ledger?.fields.find((f) => f.column === w.column);
          expect(field, `${m.key}: ${w.column}`).toBeDefined();
          if ('in' in w && field?.codeTable) {
            const table = ledger?.codeTables?.find((t) => t.key === field.codeTable) ?? CODE_TABLES[field.codeTable as keyof typeof CODE_TABLES];
            const known = table.items.map((i) => i.code);
            for (const code of w.in) if (code !== '') expect(known, `${m.key}: ${w.column}`).toContain(code);
          }
        } else {
          const cols: readonly string[] = on === 'household' ? TABLE_COLUMNS.households : TABLE_COLUMNS.persons;
          expect(cols, `${m.key}: ${w.column}`).toContain(w.column);
        }
      }
    }
  });

  it('takes a 年度 only where its ledger has one', () => {
    if (!def.parameters.includes('year')) return;
    expect(def.source).not.toBe('register');
    if (def.source === 'register') return;
    const ledger = ledgerDef(def.source.ledger);
    const column = def.yearField ?? ledger?.summaryYear;
    expect(ledger?.fields.find((f) => f.column === column)?.type).toBe('year');
  });
}); // prettier-ignore

describe('a ledger’s 汇总 as a report definition', () => {
  it('counts records and sums under the measures’ own conditions, by 年度 where the ledger is kept so', () => {
    const migrant = ledgerDef('migrant_work');
    if (!migrant) throw new Error('migrant_work');
    const def = ledgerSummaryDef(migrant);
    expect(def).toMatchObject({ id: 'summary_migrant_work', title: '外出务工汇总表', source: { ledger: 'migrant_work' }, parameters: ['year'] });
    expect(reportMeasures(def).map((m) => [m.key, m.kind])).toEqual(migrant.measures.map((m) => [m.key, m.kind === 'count' ? 'records' : 'sum']));
    const withWhere = migrant.measures.find((m) => m.where !== undefined);
    expect(reportMeasures(def).find((m) => m.key === withWhere?.key)).toMatchObject({ where: withWhere?.where });
    // 单位 from the measures' names: 人数 → 人, 金额 → 元, a count of records → 个.
    expect(def.unit.split('、')).toEqual(expect.arrayContaining(['人', '元']));
    const pwj = ledgerDef('public_welfare_jobs');
    if (!pwj) throw new Error('public_welfare_jobs');
    expect(ledgerSummaryDef(pwj).parameters).toEqual([]);
  });
}); // prettier-ignore
