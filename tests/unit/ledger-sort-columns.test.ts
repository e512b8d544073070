// Which columns a 专项台账's list sorts by is declared once, in its definition (`sortColumns`): fields a
// clerk sorts by — dates, years, codes, amounts and counts, names — each with its index (column, id)
// (table-sql.ts, migration 0016). The list offers sort arrows on exactly those columns
// (ledger-display.tsx takes each header's from sortColumnOf).
import { describe, expect, it } from 'vitest';
import { allLedgers } from '../../shared/ledgers/index.ts';
import { sortIndexSql } from '../../shared/ledgers/table-sql.ts';
import { sortColumnOf } from '../../renderer/src/pages/ledgers/ledger-sort.ts';

const SORTABLE_TYPES = ['date', 'year', 'int', 'decimal', 'code', 'text'];

describe.each(allLedgers().map((d) => [d.id, d] as const))('专项台账 %s', (_, def) => {
  it('declares sort columns a clerk sorts by: no long text, 是/否, code lists or personal data', () => {
    expect(def.sortColumns.length).toBeGreaterThan(0);
    expect(new Set(def.sortColumns).size).toBe(def.sortColumns.length);
    for (const column of def.sortColumns) {
      const f = def.fields.find((x) => x.column === column);
      expect(f, column).toBeDefined();
      expect({ column, type: f?.type }).toEqual({ column, type: expect.toBeOneOf(SORTABLE_TYPES) });
      expect({ column, long: f?.long === true, sensitive: f?.sensitive === true }).toEqual({
        column,
        long: false,
        sensitive: false,
      });
    }
    expect(sortIndexSql(def)).toHaveLength(def.sortColumns.length);
  });

  it('offers sort arrows on exactly those of its list columns', () => {
    const arrows = def.listColumns.flatMap((c) => sortColumnOf(def, c) ?? []);
    expect(arrows).toEqual(def.listColumns.filter((c) => def.sortColumns.includes(c)));
    expect(sortColumnOf(def, 'created_at')).toBeUndefined();
  });
});
