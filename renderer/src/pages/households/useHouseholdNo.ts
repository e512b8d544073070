// The 户编号 of a household about to be created (新增户, 新立一户): the chosen village's next free number,
// asked of the core whenever the village changes, until the clerk types his own.
import { useEffect, useState } from 'react';
import { api } from '../../api/transport.ts';

export interface HouseholdNoInput {
  /** What the box shows: the typed number, or the suggestion for the village. */
  shown: string;
  /** The clerk typed a number. */
  edited: boolean;
  type: (text: string) => void;
}

export function useHouseholdNo(villageCode: string): HouseholdNoInput {
  const [typed, setTyped] = useState<string | null>(null);
  const [suggested, setSuggested] = useState<{ village: string; no: string } | null>(null);
  useEffect(() => {
    if (villageCode === '') return;
    let stale = false;
    void api.call('households.nextNumber', { villageCode }).then((r) => {
      if (!stale && r.ok) setSuggested({ village: villageCode, no: r.value.householdNo });
    });
    return () => {
      stale = true;
    };
  }, [villageCode]);
  const shown = typed ?? (suggested?.village === villageCode ? suggested.no : '');
  return { shown, edited: typed !== null, type: setTyped };
}
