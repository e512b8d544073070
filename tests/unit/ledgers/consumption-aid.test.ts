// 消费扶贫与滞销农产品: 是否滞销 follows 滞销数量; quantities need their 单位 and cannot add up past 数量.
import { describe, expect, it } from 'vitest';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { consumptionAid } from '../../../shared/ledgers/defs/consumption-aid.ts';

const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('消费扶贫与滞销农产品', () => {
  const ok: LedgerValues = {
    product: '干香菇',
    unit: '01',
    quantity: 5000,
    sold_quantity: 3000,
    unsold_quantity: 2000,
    channel: '01',
    amount: 180_000,
  };

  it('derives 是否滞销 from 滞销数量', () => {
    expect(consumptionAid.derive(ok)).toEqual({ has_unsold: 1 });
    expect(consumptionAid.derive({ ...ok, unsold_quantity: 0 })).toEqual({ has_unsold: 0 });
    expect(consumptionAid.derive({ ...ok, unsold_quantity: null })).toEqual({ has_unsold: 0 });
  });

  it('accepts a consistent record', () => {
    expect(consumptionAid.check(ok)).toEqual([]);
    expect(consumptionAid.check({ product: '柑橘', amount: 2000, buyer: '县一中食堂' })).toEqual([]);
  });

  it('refuses sold plus unsold above the 数量', () => {
    expect(fields(consumptionAid.check({ ...ok, unsold_quantity: 2001 }))).toEqual(['quantity:error']);
  });

  it('asks a quantity for its 单位', () => {
    expect(fields(consumptionAid.check({ ...ok, unit: null }))).toEqual(['unit:error']);
    expect(fields(consumptionAid.check({ product: '茶叶', unsold_quantity: 200 }))).toEqual(['unit:error']);
  });

  it('asks 其他 for its 渠道说明 and a sale for its 渠道 or 采购单位', () => {
    expect(fields(consumptionAid.check({ ...ok, channel: '99' }))).toEqual(['channel_note:error']);
    expect(fields(consumptionAid.check({ ...ok, channel: null }))).toEqual(['channel:warning']);
  });
});
