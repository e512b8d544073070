// Finds a household anywhere in the county by 户主/成员姓名, 证件号码 (or its last digits), 户编号 or
// phone, as the clerk types. Answers to older keystrokes are dropped.
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { api } from '../../api/transport.ts';
import { useDebouncedValue } from '../../api/useDebouncedValue.ts';
import type { HouseholdRow } from './useHouseholdRows.ts';

export interface HouseholdPickerProps {
  value: HouseholdRow | null;
  onChange: (row: HouseholdRow | null) => void;
  excludeId?: number;
  id?: string;
  autoFocus?: boolean;
  status?: '' | 'error';
  testId: string;
}

interface Found {
  q: string;
  rows: HouseholdRow[];
  total: number;
}

const describe = (r: HouseholdRow) =>
  `${r.householdNo}  ${r.headName ?? '（无户主）'}  ${r.townshipName}${r.villageName}${r.groupName ?? ''}  ${r.memberCount}人`;

export function HouseholdPicker({
  value,
  onChange,
  excludeId,
  id,
  autoFocus,
  status,
  testId,
}: HouseholdPickerProps) {
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 250);
  const [found, setFound] = useState<Found>({ q: '', rows: [], total: 0 });

  useEffect(() => {
    if (query === '') return;
    let stale = false;
    void api
      .call('households.list', { regionCode: null, status: 'active', search: query, offset: 0, limit: 30 })
      .then((r) => {
        if (!stale && r.ok) setFound({ q: query, rows: r.value.rows, total: r.value.total });
      });
    return () => {
      stale = true;
    };
  }, [query]);

  const rows = found.q === query && query !== '' ? found.rows.filter((r) => r.id !== excludeId) : [];
  const options = rows.map((r) => ({ value: r.id, label: describe(r), row: r }));
  if (value !== null && !options.some((o) => o.value === value.id))
    options.unshift({ value: value.id, label: describe(value), row: value });
  const searching = q.trim() !== '' && found.q !== q.trim();

  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q, autoClearSearchValue: false }}
      value={value?.id}
      options={options}
      onChange={(v) => onChange(options.find((o) => o.value === v)?.row ?? null)}
      placeholder="输入户主或成员姓名、证件号码后几位、户编号"
      notFoundContent={q.trim() === '' ? '请输入查找内容' : searching ? '正在查找……' : '没有找到相符的户'}
      autoFocus={autoFocus}
      status={status === '' ? undefined : status}
      style={{ width: '100%' }}
      popupMatchSelectWidth
      allowClear
      onClear={() => onChange(null)}
      data-testid={testId}
    />
  );
}
