// Finds a household anywhere in the county by 户主/成员姓名, 证件号码 (or its last digits), 户编号 or
// phone, as the clerk types.
import { api } from '../../api/transport.ts';
import { SearchSelect } from '../../components/SearchSelect.tsx';
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

const describe = (r: HouseholdRow) =>
  `${r.householdNo}  ${r.headName ?? '（无户主）'}  ${r.townshipName}${r.villageName}${r.groupName ?? ''}  ${r.memberCount}人`;

const search = async (q: string) => {
  const r = await api.call('households.list', {
    regionCode: null,
    status: 'active',
    search: q,
    offset: 0,
    limit: 30,
  });
  return r.ok ? { ok: true as const, value: r.value.rows } : r;
};

export function HouseholdPicker({
  value,
  onChange,
  excludeId,
  id,
  autoFocus,
  status,
  testId,
}: HouseholdPickerProps) {
  return (
    <SearchSelect<HouseholdRow>
      value={value}
      onChange={onChange}
      search={search}
      rowKey={(r) => r.id}
      describe={describe}
      exclude={excludeId === undefined ? undefined : (r) => r.id === excludeId}
      placeholder="输入户主或成员姓名、证件号码后几位、户编号"
      notFound="没有找到相符的户"
      id={id}
      autoFocus={autoFocus}
      status={status}
      testId={testId}
    />
  );
}
