// Where a 首页 number leads: the household list with the card's filter (for the region shown: a 组's
// village, as the card counts it), or the 报表 screen at the card's report for the selected region.
import { useCallback } from 'react';
import type { HomeLink } from '../../../../shared/home/cards.ts';
import { DEFAULT_VIEW } from '../../lib/household-query.ts';
import { useHouseholdView } from '../../state/household-view.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { useRoute } from '../../state/route.ts';

export function useHomeLink() {
  const { open } = useRoute();
  const { selected, select } = useRegionSelection();
  const { setView } = useHouseholdView();
  return useCallback(
    (link: HomeLink, report: { id: string; title: string }) => {
      if (link.to === 'report') {
        open({ page: 'reports', report: report.id }, report.title);
        return;
      }
      if (selected?.level === 'group' && selected.parentCode !== null) select(selected.parentCode);
      setView(() => ({
        ...DEFAULT_VIEW,
        povertyStatus: [...(link.filter.povertyStatus ?? [])],
        monitorCategory: [...(link.filter.monitorCategory ?? [])],
        povertyAttribute: [...(link.filter.povertyAttribute ?? [])],
      }));
      open({ page: 'households' });
    },
    [open, selected, select, setView],
  );
}
