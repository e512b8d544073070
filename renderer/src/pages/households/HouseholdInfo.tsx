// The household's own fields as read-only text (edited in 编辑户信息).
import { Descriptions } from 'antd';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { HOUSEHOLD_FORM_FIELDS } from '../../forms/form-fields.ts';
import { displayField, placeText } from '../../lib/display.ts';
import { useCodeTables } from '../../state/code-tables.ts';

export type HouseholdDetail = ResponseOf<'households.get'>['household'];

export function HouseholdInfo({ household }: { household: HouseholdDetail }) {
  const tables = useCodeTables();
  const entry = household.entry as Readonly<Record<string, unknown>>;
  const items = [
    { key: 'household_no', label: '户编号', children: <span className="mono">{household.householdNo}</span> },
    { key: 'place', label: '所在村组', children: placeText(household.place) },
    { key: 'head_name', label: '户主', children: household.headName ?? '—' },
    {
      key: 'member_count',
      label: '家庭人口数',
      children: (
        <span data-testid="household-member-count">
          {household.memberCount} 人
          <span className="derived-note">
            {household.status === 'cancelled' ? '（注销时的人数）' : '（按成员自动计算）'}
          </span>
        </span>
      ),
    },
    ...HOUSEHOLD_FORM_FIELDS.map((f) => ({
      key: f.column,
      label: f.label,
      children: (
        <span data-testid={`household-info-${f.column}`}>{displayField(f, entry[f.column], tables)}</span>
      ),
    })),
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, lg: 2, xl: 3 }}
      items={items}
      className="record-info"
      data-testid="household-info"
    />
  );
}
