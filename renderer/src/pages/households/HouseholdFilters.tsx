// The list's search box and filters. The search box answers as the clerk types (the page debounces it).
import { Button, InputNumber, Select, Space } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { CodeSelect } from '../../components/CodeSelect.tsx';
import { ListSearch } from '../../components/ListSearch.tsx';
import {
  CODE_FILTERS,
  DEFAULT_VIEW,
  activeFilterCount,
  type HouseholdListView,
  type StatusFilter,
} from '../../lib/household-query.ts';

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'active', label: '正常户' },
  { value: 'cancelled', label: '已注销' },
  { value: 'all', label: '全部（含已注销）' },
];

export interface HouseholdFiltersProps {
  view: HouseholdListView;
  onChange: (update: (view: HouseholdListView) => HouseholdListView) => void;
  /** ↓ in the search box moves into the list. */
  onFocusList: () => void;
}

const toCount = (v: number | null): number | null =>
  v === null || !Number.isFinite(v) ? null : Math.trunc(v);

export function HouseholdFilters({ view, onChange, onFocusList }: HouseholdFiltersProps) {
  const filters = activeFilterCount(view);
  return (
    <div className="list-filters" data-testid="household-filters">
      <div className="list-filters-row">
        <ListSearch
          value={view.search}
          onChange={(search) => onChange((v) => ({ ...v, search }))}
          onFocusList={onFocusList}
          placeholder="姓名、证件号码（可只输后 4–6 位）、户编号或电话"
          ariaLabel="查找户"
          testId="household-search"
        />
        <Select<StatusFilter>
          className="list-status"
          value={view.status}
          options={STATUS_OPTIONS}
          onChange={(status) => onChange((v) => ({ ...v, status }))}
          aria-label="户状态"
          data-testid="household-status-filter"
        />
        <Space.Compact className="list-members">
          <InputNumber<number>
            min={0}
            max={99}
            precision={0}
            placeholder="人数≥"
            aria-label="人数下限"
            value={view.memberCountMin}
            onChange={(n) => onChange((v) => ({ ...v, memberCountMin: toCount(n) }))}
            data-testid="household-members-min"
          />
          <InputNumber<number>
            min={0}
            max={99}
            precision={0}
            placeholder="人数≤"
            aria-label="人数上限"
            value={view.memberCountMax}
            onChange={(n) => onChange((v) => ({ ...v, memberCountMax: toCount(n) }))}
            data-testid="household-members-max"
          />
        </Space.Compact>
        <Button
          icon={<ClearOutlined />}
          disabled={filters === 0 && view.search === ''}
          onClick={() => onChange((v) => ({ ...DEFAULT_VIEW, sort: v.sort }))}
          data-testid="household-filters-clear"
        >
          清除筛选{filters > 0 ? `（${filters}）` : ''}
        </Button>
      </div>
      <div className="list-filters-row">
        {CODE_FILTERS.map((f) => (
          <CodeSelect
            key={f.key}
            className="list-code-filter"
            style={{}}
            table={f.table}
            multiple
            value={view[f.key].join(',')}
            onChange={(value) => onChange((v) => ({ ...v, [f.key]: value === '' ? [] : value.split(',') }))}
            placeholder={f.label}
            aria-label={f.label}
            testId={`household-filter-${f.key}`}
          />
        ))}
      </div>
    </div>
  );
}
