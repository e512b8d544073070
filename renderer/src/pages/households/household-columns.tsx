// The household list's columns. IDs and phones arrive masked from the core; codes are shown as labels.
import { Tag } from 'antd';
import type { VirtualColumn } from '../../components/VirtualTable.tsx';
import type { SortColumn } from '../../lib/household-query.ts';
import type { CodeTablesValue } from '../../state/code-tables.ts';
import type { HouseholdRow } from './useHouseholdRows.ts';

type Column = VirtualColumn<HouseholdRow, SortColumn>;

export interface ColumnOptions {
  /** The county is selected: which township each household is in matters. */
  showTownship: boolean;
  /** The county or a township is selected (inside a village its name says nothing). */
  showVillage: boolean;
  /** 已注销 households may be in the list. */
  showStatus: boolean;
  /** A search is on: say which member matched. */
  showMatched: boolean;
}

const text = (v: string | null | undefined): string => v ?? '';

export function householdColumns(tables: CodeTablesValue, options: ColumnOptions): Column[] {
  const code =
    (key: Parameters<CodeTablesValue['label']>[0], pick: (r: HouseholdRow) => string | null) =>
    (r: HouseholdRow) =>
      tables.label(key, pick(r));
  const columns: (Column | false)[] = [
    {
      key: 'householdNo',
      title: '户编号',
      width: 150,
      sortColumn: 'household_no',
      render: (r) => <span className="mono">{r.householdNo}</span>,
    },
    { key: 'headName', title: '户主', width: 84, sortColumn: 'head_name', render: (r) => text(r.headName) },
    {
      key: 'headIdMasked',
      title: '户主证件号码',
      width: 168,
      render: (r) => <span className="mono">{r.headIdMasked}</span>,
    },
    options.showMatched && {
      key: 'matched',
      title: '匹配的成员',
      width: 200,
      render: (r) => (r.matched === null ? '' : <span className="list-matched">{r.matched}</span>),
      tooltip: (r) => r.matched ?? undefined,
    },
    options.showStatus && {
      key: 'status',
      title: '状态',
      width: 70,
      render: (r) => (r.status === 'cancelled' ? <Tag color="default">已注销</Tag> : '正常'),
    },
    options.showTownship && {
      key: 'townshipName',
      title: '乡镇',
      width: 96,
      render: (r) => r.townshipName,
      tooltip: (r) => r.townshipName,
    },
    options.showVillage && {
      key: 'villageName',
      title: '村',
      width: 120,
      sortColumn: 'village_code',
      render: (r) => r.villageName,
      tooltip: (r) => r.villageName,
    },
    { key: 'groupName', title: '组', width: 72, sortColumn: 'group_code', render: (r) => text(r.groupName) },
    {
      key: 'memberCount',
      title: '人数',
      width: 64,
      align: 'right',
      sortColumn: 'member_count',
      render: (r) => r.memberCount,
    },
    {
      key: 'povertyAttribute',
      title: '贫困户属性',
      width: 128,
      sortColumn: 'poverty_attribute',
      render: code('poverty_attribute', (r) => r.povertyAttribute),
      tooltip: code('poverty_attribute', (r) => r.povertyAttribute),
    },
    {
      key: 'householdType',
      title: '户类型',
      width: 84,
      sortColumn: 'household_type',
      render: code('household_type', (r) => r.householdType),
    },
    {
      key: 'monitorCategory',
      title: '监测对象类别',
      width: 120,
      sortColumn: 'monitor_category',
      render: code('monitor_category', (r) => r.monitorCategory),
      tooltip: code('monitor_category', (r) => r.monitorCategory),
    },
    {
      key: 'povertyStatus',
      title: '脱贫状态',
      width: 160,
      sortColumn: 'poverty_status',
      render: code('poverty_status', (r) => r.povertyStatus),
      tooltip: code('poverty_status', (r) => r.povertyStatus),
    },
    {
      key: 'mainCause',
      title: '主要致贫原因',
      width: 120,
      sortColumn: 'main_cause',
      render: code('poverty_cause', (r) => r.mainCause),
      tooltip: code('poverty_cause', (r) => r.mainCause),
    },
    {
      key: 'exitYear',
      title: '脱贫年度',
      width: 84,
      align: 'right',
      sortColumn: 'exit_year',
      render: (r) => (r.exitYear === null ? '' : String(r.exitYear)),
    },
    {
      key: 'phoneMasked',
      title: '联系电话',
      width: 120,
      render: (r) => <span className="mono">{r.phoneMasked}</span>,
    },
  ];
  return columns.filter((c): c is Column => c !== false);
}
