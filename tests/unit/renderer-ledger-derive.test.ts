// What a ledger record's form sends to `ledgers.derive` and how the answer goes into the draft.
import { describe, expect, it } from 'vitest';
import { applyDerived, deriveRequest, type Filled } from '../../renderer/src/forms/ledger-derive.ts';
import { draftFromEntry } from '../../renderer/src/lib/draft.ts';
import { asFieldDef, ledgerDef, type LedgerDef } from '../../shared/ledgers/index.ts';

const def = (id: string): LedgerDef => {
  const d = ledgerDef(id);
  if (d === undefined) throw new Error(id);
  return d;
};
const ledgerDraft = (d: LedgerDef) => draftFromEntry(d.fields.map(asFieldDef), {});
const migrant = def('migrant_work');
const returnee = def('returnee_screening');

describe('live derived values in a ledger form', () => {
  it('sends the entered fields that parse, never derived ones nor half-typed values', () => {
    const draft = {
      ...ledgerDraft(returnee),
      from_place: ' 广东省深圳市 ',
      return_date: '2020.2.1',
      control_start: '2020.2.3',
      release_date: '2020.2.', // half-typed: left out
      control_end: '2020-01-01',
    };
    expect(deriveRequest(returnee, draft, {})).toEqual({
      from_place: '广东省深圳市',
      return_date: '2020-02-01',
      control_start: '2020-02-03',
    });
  });

  it('fills derived fields and derivable ones, as saving will', () => {
    const draft = { ...ledgerDraft(migrant), work_place: '广东省深圳市宝安区', destination: '' };
    const answer = { work_place_code: '440306', destination: '04' };
    const first = applyDerived(migrant, draft, {}, answer);
    expect(first.patch).toEqual({ work_place_code: '440306', destination: '04' });
    expect(first.filled.destination).toEqual({ before: '', value: '04' });

    // A recognised place decides 去向类别 on save, so the form shows that over the clerk's pick.
    const typedByClerk = { ...draft, destination: '03' };
    const second = applyDerived(migrant, typedByClerk, {}, answer);
    expect(second.patch).toEqual({ work_place_code: '440306', destination: '04' });

    const r = applyDerived(returnee, ledgerDraft(returnee), {}, { control_end: '2020-02-17' });
    expect(r.patch).toEqual({ control_end: '2020-02-17' });
  });

  it('sends what a filled field held before, and restores it when the answer drops it', () => {
    const filled: Filled = {
      work_place_code: { before: '', value: '440306' },
      destination: { before: '', value: '04' },
    };
    const draft = {
      ...ledgerDraft(migrant),
      work_place: '某地',
      work_place_code: '440306',
      destination: '04',
    };
    expect(deriveRequest(migrant, draft, filled)).toEqual({ work_place: '某地' });
    const r = applyDerived(migrant, draft, filled, {});
    expect(r.patch).toEqual({ work_place_code: '', destination: '' });
    expect(r.filled).toEqual({});
  });
});
