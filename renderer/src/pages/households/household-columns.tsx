// The household list's columns. IDs and phones arrive masked from the core; codes are shown as labels.
import { Tag } from 'antd';
import { MarkedNumber, RevealNumber } from '../../components/RevealNumber.tsx';
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
  /** The search text when it is digits (an ID or phone fragment): marked where it shows. */
  digits?: string;
}

const text = (v: string | null | undefined): string => v ?? '';

export function householdColumns(tables: CodeTablesValue, options: ColumnOptions): Column[] {
  /** A coded field shown by its label, sortable, with the label as tooltip (long labels are cut). */
  const codeColumn = (
    key: string,
    title: string,
    width: number,
    sortColumn: SortColumn,
    table: Parameters<CodeTablesValue['label']>[0],
    pick: (r: HouseholdRow) => string | null,
    tooltip = true,
  ): Column => {
    const label = (r: HouseholdRow) => tables.label(table, pick(r));
    return { key, title, width, sortColumn, render: label, ...(tooltip ? { tooltip: label } : {}) };
  };
  const columns: (Column | false)[] = [
    // 户编号 and 户主 name the row: always shown, and frozen when the list scrolls right.
    {
      key: 'householdNo',
      title: '户编号',
      width: 150,
      sortColumn: 'household_no',
      frozen: true,
      fixed: true,
      render: (r) => <span className="mono">{r.householdNo}</span>,
    },
    {
      key: 'headName',
      title: '户主',
      width: 84,
      sortColumn: 'head_name',
      frozen: true,
      fixed: true,
      render: (r) => text(r.headName),
    },
    {
      key: 'headIdMasked',
      title: '户主证件号码',
      width: 190,
      render: (r) => (
        <RevealNumber
          masked={r.headIdMasked}
          highlight={options.digits}
          target={{ entity: 'household', id: r.id, field: 'id_number' }}
          testId="reveal-head-id"
        />
      ),
    },
    options.showMatched && {
      key: 'matched',
      title: '匹配的成员',
      width: 220,
      render: (r) =>
        r.matched === null ? (
          ''
        ) : (
          <span className="list-matched">
            <MarkedNumber text={r.matched} highlight={options.digits} />
          </span>
        ),
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
    codeColumn(
      'povertyAttribute',
      '贫困户属性',
      128,
      'poverty_attribute',
      'poverty_attribute',
      (r) => r.povertyAttribute,
    ),
    codeColumn(
      'householdType',
      '户类型',
      84,
      'household_type',
      'household_type',
      (r) => r.householdType,
      false,
    ),
    codeColumn(
      'monitorCategory',
      '监测对象类别',
      120,
      'monitor_category',
      'monitor_category',
      (r) => r.monitorCategory,
    ),
    codeColumn('povertyStatus', '脱贫状态', 160, 'poverty_status', 'poverty_status', (r) => r.povertyStatus),
    codeColumn('mainCause', '主要致贫原因', 120, 'main_cause', 'poverty_cause', (r) => r.mainCause),
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
      width: 140,
      render: (r) => (
        <RevealNumber
          masked={r.phoneMasked}
          highlight={options.digits}
          target={{ entity: 'household', id: r.id, field: 'phone' }}
          testId="reveal-phone"
        />
      ),
    },
  ];
  return columns.filter((c): c is Column => c !== false);
}
