// The household list's filters, search and position outlive the list page, so 返回 from a household
// brings the clerk back to the same rows.
import { createContext, useContext } from 'react';
import type { HouseholdListView } from '../lib/household-query.ts';
import type { ListState } from './list-state.ts';

export type HouseholdViewState = ListState<HouseholdListView>;

export const HouseholdViewContext = createContext<HouseholdViewState | null>(null);

export function useHouseholdView(): HouseholdViewState {
  const value = useContext(HouseholdViewContext);
  if (value === null) throw new Error('useHouseholdView 只能在 AppShell 内使用');
  return value;
}
