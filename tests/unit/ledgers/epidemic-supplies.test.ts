// 物资出入库: 库存变动 is +数量 for 入库 and −数量 for 出库 (summed into the 物资's 库存); 数量 > 0.
import { describe, expect, it } from 'vitest';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { epidemicSupplies, supplyMovements } from '../../../shared/ledgers/defs/epidemic-supplies.ts';

const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('物资出入库 derive', () => {
  it('signs the quantity by direction', () => {
    expect(supplyMovements.derive({ direction: '01', quantity: 5000 })).toEqual({
      signed_quantity: 5000,
    });
    expect(supplyMovements.derive({ direction: '02', quantity: 1200 })).toEqual({
      signed_quantity: -1200,
    });
    expect(supplyMovements.derive({ direction: '02', quantity: 2.5 })).toEqual({
      signed_quantity: -2.5,
    });
  });

  it('leaves it empty without a direction or a quantity', () => {
    expect(supplyMovements.derive({ direction: null, quantity: 10 })).toEqual({ signed_quantity: null });
    expect(supplyMovements.derive({ direction: '01', quantity: null })).toEqual({
      signed_quantity: null,
    });
  });

  it('gives the stock as the sum over the movements', () => {
    const moves: LedgerValues[] = [
      { direction: '01', quantity: 5000 },
      { direction: '02', quantity: 1200 },
      { direction: '02', quantity: 800 },
    ];
    const stock = moves.reduce((s, m) => s + Number(supplyMovements.derive(m).signed_quantity), 0);
    expect(stock).toBe(3000);
    expect(epidemicSupplies.rollups).toEqual([
      { column: 'stock', label: '库存', child: 'supply_movements', sum: 'signed_quantity' },
    ]);
  });
});

describe('物资出入库 check', () => {
  const ok: LedgerValues = {
    direction: '02',
    movement_date: '2020-01-29',
    quantity: 1200,
    party_type: '04',
    party: '向阳村',
  };

  it('accepts a movement', () => {
    expect(supplyMovements.check(ok)).toEqual([]);
  });

  it('refuses a 数量 of 0', () => {
    expect(fields(supplyMovements.check({ ...ok, quantity: 0 }))).toEqual(['quantity:error']);
  });

  it('asks 其他 and 出库 for 来源/去向', () => {
    expect(fields(supplyMovements.check({ ...ok, direction: '01', party_type: '99', party: null }))).toEqual([
      'party:error',
    ]);
    expect(fields(supplyMovements.check({ ...ok, party: null, party_type: null }))).toEqual([
      'party:warning',
    ]);
  });
});
