// Where a household lives: its 村 (type-ahead over every village of the county by name or pinyin
// initials, shown with its 乡镇) and, if the village has them, its 组.
import { useMemo } from 'react';
import { Select, Space } from 'antd';
import { indexOptions, matchRank, type IndexedOption } from '../lib/search-index.ts';
import { useRegionSelection } from '../state/region-context.ts';

export interface RegionPick {
  village: string;
  group: string;
}

export interface RegionPickerProps {
  value: RegionPick;
  onChange: (value: RegionPick) => void;
  status?: '' | 'error';
  testId: string;
  autoFocus?: boolean;
  id?: string;
}

type Option = IndexedOption;

const showSearch = {
  filterOption: (input: string, option?: Option) =>
    option !== undefined && matchRank(input, option.keys) !== null,
  filterSort: (a: Option, b: Option, { searchValue }: { searchValue: string }) =>
    (matchRank(searchValue, a.keys) ?? 99) - (matchRank(searchValue, b.keys) ?? 99),
};

export function RegionPicker({ value, onChange, status, testId, autoFocus, id }: RegionPickerProps) {
  const { forest } = useRegionSelection();
  const villages = useMemo(() => {
    const list = [...forest.byCode.values()].filter((n) => n.level === 'village');
    return indexOptions(
      list.map((v) => {
        const township = v.parentCode === null ? undefined : forest.byCode.get(v.parentCode);
        return {
          value: v.code,
          label: `${township?.name ?? ''} ${v.name}`.trim(),
          aliases: [v.name, v.officialName],
        };
      }),
    );
  }, [forest]);
  const groups = useMemo(
    () =>
      indexOptions(
        [...forest.byCode.values()]
          .filter((n) => n.level === 'group' && n.parentCode === value.village)
          .map((g) => ({ value: g.code, label: g.name })),
      ),
    [forest, value.village],
  );

  return (
    <Space.Compact className="region-picker" block>
      <Select<string, Option>
        id={id}
        className="region-picker-village"
        value={value.village === '' ? undefined : value.village}
        options={villages}
        onChange={(village) => onChange({ village: village ?? '', group: '' })}
        showSearch={showSearch}
        allowClear
        autoFocus={autoFocus}
        placeholder="村（可输村名或拼音首字母）"
        status={status === '' ? undefined : status}
        popupMatchSelectWidth={false}
        aria-label="所在村"
        data-testid={`${testId}-village`}
      />
      <Select<string, Option>
        className="region-picker-group"
        value={value.group === '' ? undefined : value.group}
        options={groups}
        onChange={(group) => onChange({ ...value, group: group ?? '' })}
        showSearch={showSearch}
        allowClear
        disabled={groups.length === 0}
        placeholder={value.village === '' ? '组' : groups.length === 0 ? '本村无组' : '组（可不选）'}
        aria-label="所在组"
        data-testid={`${testId}-group`}
      />
    </Space.Compact>
  );
}

/** The village and group of a tree selection (empty when a township or the county is selected). */
export function pickFromRegion(
  code: string | null,
  byCode: ReadonlyMap<string, { level: string; parentCode: string | null }>,
): RegionPick {
  if (code === null) return { village: '', group: '' };
  const node = byCode.get(code);
  if (node?.level === 'village') return { village: code, group: '' };
  if (node?.level === 'group' && node.parentCode !== null) return { village: node.parentCode, group: code };
  return { village: '', group: '' };
}
