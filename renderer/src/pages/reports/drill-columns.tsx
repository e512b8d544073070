// The columns of a 明细 list: households (户编号, 户主, 证件号码, 乡镇村组, 人数), persons (姓名, 证件号码,
// 与户主关系, 户编号, 乡镇村组) or a ledger's records as its own list shows them — each with the value a sum
// adds up. IDs arrive masked from the core.
import { Tag } from 'antd';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { ledgerDef } from '../../../../shared/ledgers/index.ts';
import type { VirtualColumn } from '../../components/VirtualTable.tsx';
import type { CodeTablesValue } from '../../state/code-tables.ts';
import { recordColumns } from '../ledgers/ledger-display.tsx';

export type Drill = ResponseOf<'reports.drill'>;
export type DrillRow = Drill['rows'][number];
type HouseholdRow = Extract<Drill, { list: 'households' }>['rows'][number];
type PersonRow = Extract<Drill, { list: 'persons' }>['rows'][number];
type RecordRow = Extract<Drill, { list: 'records' }>['rows'][number];
type Column = VirtualColumn<DrillRow>;

const mono = (text: string | null) => <span className="mono">{text ?? ''}</span>;
const amount = (v: number | null) =>
  v === null ? '' : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** One column over rows known to be of one list (the drill says which). */
function col<R extends DrillRow>(
  key: string,
  title: string,
  width: number,
  render: (r: R) => React.ReactNode,
  extra: Partial<Column> = {},
): Column {
  return { key, title, width, render: (r) => render(r as R), ...extra };
}

export function drillColumns(drill: Drill, tables: CodeTablesValue): Column[] {
  const value: Column[] =
    drill.valueLabel === null
      ? []
      : [
          col<DrillRow>('value', drill.valueLabel, 120, (r) => amount(r.value), {
            align: 'right',
          }),
        ];
  switch (drill.list) {
    case 'households':
      return [
        col<HouseholdRow>('householdNo', '户编号', 150, (r) => mono(r.householdNo)),
        col<HouseholdRow>('headName', '户主', 90, (r) => r.headName ?? ''),
        col<HouseholdRow>('headIdNumber', '户主证件号码', 168, (r) => mono(r.headIdNumber)),
        col<HouseholdRow>('place', '乡镇村组', 220, (r) => r.place, {
          tooltip: (r) => (r as HouseholdRow).place,
        }),
        col<HouseholdRow>('members', '人数', 60, (r) => r.members, { align: 'right' }),
        ...value,
      ];
    case 'persons':
      return [
        col<PersonRow>('name', '姓名', 130, (r) => (
          <>
            {r.name ?? ''}
            {r.outsideRegister && <Tag className="ledger-outside-tag">户籍外</Tag>}
          </>
        )),
        col<PersonRow>('idNumber', '证件号码', 168, (r) => mono(r.idNumber)),
        col<PersonRow>('relation', '与户主关系', 90, (r) =>
          r.relation === null ? '' : tables.label('relation', r.relation),
        ),
        col<PersonRow>('householdNo', '户编号', 150, (r) => mono(r.householdNo)),
        col<PersonRow>('place', '乡镇村组', 220, (r) => r.place, {
          tooltip: (r) => (r as PersonRow).place,
        }),
        ...value,
      ];
    case 'records': {
      const def = ledgerDef(drill.ledgerId);
      if (def === undefined) return value;
      // The ledger's own list columns (not sortable here), the summed value first when there is one.
      const own = recordColumns(def, tables).map(({ sortColumn: _, ...c }): Column => ({
        ...c,
        render: (r, i) => c.render(r as RecordRow, i),
        tooltip: c.tooltip === undefined ? undefined : (r) => c.tooltip?.(r as RecordRow),
      }));
      return [...own.slice(0, 3), ...value, ...own.slice(3)];
    }
  }
}

/** The household a row opens (none for people outside the register and records without one). */
export function drillHousehold(drill: Drill, row: DrillRow): { id: number; no: string | null } | null {
  switch (drill.list) {
    case 'households': {
      const r = row as HouseholdRow;
      return { id: r.id, no: r.householdNo };
    }
    case 'persons': {
      const r = row as PersonRow;
      return r.householdId === null ? null : { id: r.householdId, no: r.householdNo };
    }
    case 'records': {
      const r = row as RecordRow;
      return r.subject.householdId === null ? null : { id: r.subject.householdId, no: r.subject.householdNo };
    }
  }
}
