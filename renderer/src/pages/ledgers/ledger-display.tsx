// How a thematic ledger's records look in lists and small tables: the subject columns by the ledger's
// subject, then its list columns (codes as labels, 是/否), then its rollups. One set of columns serves the
// long virtual list and the small antd tables (a household's tabs, a parent record's children).
import { Tag, type TableColumnsType } from 'antd';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import {
  asFieldDef,
  ledgerDef,
  type LedgerDef,
  type LedgerField,
  type LedgerSubject,
} from '../../../../shared/ledgers/index.ts';
import type { VirtualColumn } from '../../components/VirtualTable.tsx';
import { displayField } from '../../lib/display.ts';
import { sortColumnOf } from './ledger-sort.ts';
import type { CodeTablesValue } from '../../state/code-tables.ts';

export type LedgerRecord = ResponseOf<'ledgers.records'>['rows'][number];
export type RecordColumn = VirtualColumn<LedgerRecord>;

export const SUBJECT_TAGS: Readonly<Record<LedgerSubject, string>> = {
  person: '按人',
  household: '按户',
  region: '按村组',
  // Records not about a person, household or village (物资, 项目, 经营主体)
  none: '不关联户籍',
};

/** A field's value as the clerk reads it ('—' for empty). */
export const fieldText = (f: LedgerField, value: unknown, tables: CodeTablesValue): string =>
  displayField(asFieldDef(f), value, tables);

const NUMERIC = new Set(['int', 'decimal', 'year']);

/** Wide enough for the label and the sort arrows beside it (the header's title shows it whole anyway). */
function fieldWidth(f: LedgerField): number {
  const byLabel = f.label.length * 13 + 40;
  const byType =
    f.long === true
      ? 220
      : f.type === 'text'
        ? 150
        : f.type === 'date'
          ? 100
          : f.type === 'code' || f.type === 'codes'
            ? 104
            : 72;
  return Math.min(220, Math.max(byLabel, byType));
}

const mono = (text: string | null) => <span className="mono">{text ?? ''}</span>;

export interface ColumnOptions {
  /** Subject columns that say nothing here (the household on its own page). */
  hideHousehold?: boolean;
  /** The parent record is known (its children under it). */
  hideParent?: boolean;
  /** The person is known (the person's own page). */
  hidePerson?: boolean;
}

function subjectColumns(def: LedgerDef, options: ColumnOptions): RecordColumn[] {
  const name: RecordColumn = {
    key: 'subject-name',
    title: def.subject === 'household' ? '户主' : '姓名',
    fixed: true,
    // Room for the 户籍外 tag where people outside the register may be listed.
    width: def.personOptional === true ? 140 : 96,
    render: (r) => (
      <span data-testid="record-subject-name">
        {r.subject.name ?? ''}
        {r.subject.outsideRegister && <Tag className="ledger-outside-tag">户籍外</Tag>}
      </span>
    ),
    tooltip: (r) =>
      r.subject.name === null
        ? undefined
        : `${r.subject.name}${r.subject.outsideRegister ? '（户籍外）' : ''}`,
  };
  const idNumber: RecordColumn = {
    key: 'subject-id',
    title: '证件号码',
    width: 168,
    render: (r) => mono(r.subject.idNumber),
  };
  const householdNo: RecordColumn = {
    key: 'subject-household',
    title: '户编号',
    width: 150,
    render: (r) => mono(r.subject.householdNo),
  };
  const place: RecordColumn = {
    key: 'subject-place',
    title: def.subject === 'region' || def.subject === 'none' ? '区划' : '乡镇村',
    width: 170,
    render: (r) => r.subject.place,
    tooltip: (r) => r.subject.place,
  };
  const parent = def.parent === undefined ? undefined : ledgerDef(def.parent.ledger);
  const parentColumn: RecordColumn[] =
    parent === undefined || options.hideParent === true
      ? []
      : [
          {
            key: 'subject-parent',
            title: `所属${parent.name}`,
            width: 150,
            render: (r) => r.subject.parentLabel ?? '',
            tooltip: (r) => r.subject.parentLabel ?? undefined,
          },
        ];
  const where = options.hideHousehold === true ? [] : [householdNo, place];
  // A child whose subject is its parent's says who through the parent column.
  if (def.parent?.key === 'subject') return parentColumn;
  // Who the record is about stays in view when a wide ledger scrolls right (as 户编号 and 户主 in the
  // household list); frozen columns must come first, so not behind a parent column.
  const frozen = (c: RecordColumn): RecordColumn => (parentColumn.length === 0 ? { ...c, frozen: true } : c);
  switch (def.subject) {
    case 'person':
      return [...parentColumn, ...(options.hidePerson === true ? [] : [frozen(name), idNumber]), ...where];
    case 'household':
      return options.hideHousehold === true
        ? parentColumn
        : [...parentColumn, frozen(householdNo), frozen(name), place];
    case 'region':
    case 'none':
      // A free-standing child (入库/出库) is where its parent is: no place of its own.
      if (def.subject === 'none' && def.parent !== undefined) return parentColumn;
      return [...parentColumn, ...(options.hideHousehold === true ? [] : [place])];
  }
}

/** Every column of a ledger's record list. */
export function recordColumns(def: LedgerDef, tables: CodeTablesValue, options: ColumnOptions = {}) {
  const fields: RecordColumn[] = def.listColumns.flatMap((column) => {
    const f = def.fields.find((x) => x.column === column);
    if (f === undefined) return [];
    const numeric = NUMERIC.has(f.type);
    return [
      {
        key: f.column,
        title: f.label,
        width: fieldWidth(f),
        align: numeric ? ('right' as const) : undefined,
        sortColumn: sortColumnOf(def, f.column),
        render: (r: LedgerRecord) => {
          const text = fieldText(f, r.values[f.column], tables);
          return text === '—' ? '' : text;
        },
        tooltip: (r: LedgerRecord) => fieldText(f, r.values[f.column], tables),
      },
    ];
  });
  const rollups: RecordColumn[] = (def.rollups ?? []).map((r) => ({
    key: `rollup-${r.column}`,
    title: r.label,
    width: Math.max(80, r.label.length * 13 + 24),
    align: 'right',
    render: (row) => (row.rollups[r.column] ?? 0).toLocaleString('zh-CN'),
  }));
  // A rollup (库存) right after the field that names the record, where it is seen without scrolling.
  return [...subjectColumns(def, options), ...fields.slice(0, 1), ...rollups, ...fields.slice(1)];
}

/** The same columns for antd's Table (small lists that need no windowing). */
export function tableColumns(columns: readonly RecordColumn[]): TableColumnsType<LedgerRecord> {
  return columns.map((c) => ({
    key: c.key,
    title: c.title,
    width: c.width,
    align: c.align,
    ellipsis: true,
    render: (_: unknown, r: LedgerRecord, i: number) => c.render(r, i),
  }));
}

/** The field that names a free-standing record (物资名称, 项目编号): its first key field, else its first text. */
function namingField(def: LedgerDef): string | undefined {
  return (
    def.key.find((k) => def.fields.some((f) => f.column === k)) ??
    def.fields.find((f) => f.type === 'text')?.column
  );
}

/** Who or what a record is about, in a dialog title: '张三', '户 4206…', '城关镇 东坡村', '医用外科口罩'. */
export function recordSubjectText(def: LedgerDef, r: LedgerRecord): string {
  if (def.parent?.key === 'subject' && r.subject.parentLabel !== null) return r.subject.parentLabel;
  switch (def.subject) {
    case 'person':
      return r.subject.name ?? '';
    case 'household':
      return `${r.subject.householdNo ?? ''}（${r.subject.name ?? '无户主'}）`;
    case 'region':
      return r.subject.parentLabel ?? r.subject.place;
    case 'none': {
      if (r.subject.parentLabel !== null) return r.subject.parentLabel;
      const column = namingField(def);
      const name = column === undefined ? null : r.values[column];
      return [name === null || name === undefined ? '' : String(name), r.subject.place]
        .filter((s) => s !== '')
        .join(' ');
    }
  }
}
