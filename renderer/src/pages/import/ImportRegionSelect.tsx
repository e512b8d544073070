// 所属村/组 for a file without 村/组 columns: the county's villages (under their 乡镇) and groups. A 乡镇
// can be chosen too: the file's village names are then looked for in that township only (本乡镇 is the
// default, 设置). Clearing it lets the core read the place from the file.
import { RegionTreeSelect } from '../../nav/RegionTreeSelect.tsx';
import { useRegionSelection } from '../../state/region-context.ts';

const LEVELS = ['township', 'village', 'group'] as const;

export function ImportRegionSelect(props: {
  value: string | null;
  onChange: (code: string | null) => void;
  disabled?: boolean;
  testId: string;
}) {
  const { homeCode } = useRegionSelection();
  return (
    <RegionTreeSelect
      {...props}
      levels={LEVELS}
      openAt={props.value ?? homeCode}
      className="import-region-select"
      placeholder="按表中的村、组列（或标题）"
      ariaLabel="所属村/组"
    />
  );
}
