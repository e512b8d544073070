// Live derived values in a ledger record's form (去向类别 from 务工所在地, 期满日期 from the start date): what
// the form asks `ledgers.derive` for, and how the answer goes into the draft. `derived` fields always show
// the answer; a field the clerk may also type (去向类别, 务工地区划代码, 补助标准) shows the answer too, because
// saving applies the same derive to what he typed (去向类别 follows a recognised 务工所在地; 补助标准 is only
// filled while blank, so a typed one is never answered). A value the form filled in is never sent back as
// if the clerk had typed it.
import { asFieldDef, type LedgerDef, type LedgerValues } from '../../../shared/ledgers/index.ts';
import { parseDraftValue, type Draft } from '../lib/draft.ts';

/** Fields the form filled in itself: what they held before and what the form put there. */
export type Filled = Readonly<Record<string, { readonly before: string; readonly value: string }>>;

/** The text of a field as the clerk left it (a value the form filled in counts as what was there before). */
const enteredText = (draft: Draft, filled: Filled, column: string): string => {
  const text = draft[column] ?? '';
  const mine = filled[column];
  return mine !== undefined && text === mine.value ? mine.before : text;
};

/** What `ledgers.derive` gets: the entered fields that parse (the same conversion as the form's), in form
 * order; empty and unreadable ones (a half-typed date) are left out. */
export function deriveRequest(def: LedgerDef, draft: Draft, filled: Filled): LedgerValues {
  const values: LedgerValues = {};
  for (const f of def.fields) {
    if (f.derived === true) continue;
    const { value, issue } = parseDraftValue(asFieldDef(f), enteredText(draft, filled, f.column));
    if (issue === undefined && value !== null) values[f.column] = value;
  }
  return values;
}

/**
 * The draft changes for an answer of `ledgers.derive`: every field the answer names takes it — the form
 * shows what saving will store. A field the form filled earlier that the answer no longer mentions goes
 * back to what it held before.
 */
export function applyDerived(
  def: LedgerDef,
  draft: Draft,
  filled: Filled,
  answer: Readonly<LedgerValues>,
): { patch: Record<string, string>; filled: Filled } {
  const patch: Record<string, string> = {};
  const next: Record<string, { before: string; value: string }> = { ...filled };
  for (const f of def.fields) {
    const c = f.column;
    const current = draft[c] ?? '';
    if (!(c in answer)) {
      const mine = next[c];
      if (mine !== undefined && f.derived !== true) {
        if (current === mine.value) patch[c] = mine.before;
        delete next[c];
      }
      continue;
    }
    const v = answer[c];
    const text = v === null || v === undefined ? '' : String(v);
    if (f.derived === true) {
      if (current !== text) patch[c] = text;
      continue;
    }
    const mine = next[c];
    const ours = mine !== undefined && current === mine.value;
    if (current !== text) patch[c] = text;
    next[c] = { before: ours ? mine.before : current, value: text };
  }
  return { patch, filled: next };
}
