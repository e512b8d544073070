// A ledger list's search box (姓名/证件号码 fragment) and its filters: code fields as multi-selects,
// 是/否 fields as 是/否, year fields as a year.
import type { ReactNode } from 'react';
import { Button, InputNumber, Select } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import type { CodeTableKey } from '../../../../shared/code-tables/index.ts';
import type { LedgerDef, LedgerField } from '../../../../shared/ledgers/index.ts';
import { CodeSelect } from '../../components/CodeSelect.tsx';
import { ListSearch } from '../../components/ListSearch.tsx';
import {
  activeFilters,
  EMPTY_VIEW,
  filterFields,
  type FilterValue,
  type LedgerListView,
} from './ledger-query.ts';

const YES_NO = [
  { value: 1, label: '是' },
  { value: 0, label: '否' },
];

function FilterInput(props: {
  field: LedgerField;
  value: readonly FilterValue[];
  onChange: (value: FilterValue[]) => void;
}) {
  const { field: f, value, onChange } = props;
  const testId = `ledger-filter-${f.column}`;
  if (f.type === 'bool')
    return (
      <Select<number>
        className="ledger-filter-bool"
        value={typeof value[0] === 'number' ? value[0] : undefined}
        options={YES_NO}
        onChange={(v) => onChange(v === undefined || v === null ? [] : [v])}
        allowClear
        placeholder={f.label}
        aria-label={f.label}
        data-testid={testId}
      />
    );
  if (f.type === 'year')
    return (
      <InputNumber<number>
        className="ledger-filter-year"
        min={1949}
        max={2100}
        precision={0}
        value={typeof value[0] === 'number' ? value[0] : null}
        onChange={(v) => onChange(v === null || !Number.isFinite(v) ? [] : [Math.trunc(v)])}
        placeholder={f.label}
        aria-label={f.label}
        data-testid={testId}
      />
    );
  return (
    <CodeSelect
      className="list-code-filter"
      style={{ minWidth: f.label.length * 14 + 44 }}
      table={(f.codeTable ?? 'yes_no') as CodeTableKey}
      multiple
      value={value.join(',')}
      onChange={(v) => onChange(v === '' ? [] : v.split(','))}
      placeholder={f.label}
      aria-label={f.label}
      testId={testId}
    />
  );
}

export function LedgerFilters(props: {
  def: LedgerDef;
  view: LedgerListView;
  onChange: (update: (view: LedgerListView) => LedgerListView) => void;
  onFocusList: () => void;
  /** Beside the search box: the total and the list's buttons. */
  children?: ReactNode;
}) {
  const { def, view, onChange, onFocusList } = props;
  const fields = filterFields(def);
  const count = activeFilters(view);
  return (
    <div className="list-filters ledger-filters" data-testid="ledger-filters">
      <div className="list-filters-row">
        <ListSearch
          value={view.search}
          onChange={(search) => onChange((v) => ({ ...v, search }))}
          onFocusList={onFocusList}
          placeholder={
            def.subject === 'person' ? '姓名或证件号码（可只输后几位）' : '名称、姓名、户编号或证件号码'
          }
          ariaLabel="查找记录"
          testId="ledger-search"
        />
        {props.children}
      </div>
      <div className="list-filters-row">
        {fields.map((f) => (
          <FilterInput
            key={f.column}
            field={f}
            value={view.filters[f.column] ?? []}
            onChange={(values) => onChange((v) => ({ ...v, filters: { ...v.filters, [f.column]: values } }))}
          />
        ))}
        <Button
          icon={<ClearOutlined />}
          disabled={count === 0 && view.search === ''}
          onClick={() => onChange((v) => ({ ...EMPTY_VIEW, sort: v.sort }))}
          data-testid="ledger-filters-clear"
        >
          清除筛选{count > 0 ? `（${count}）` : ''}
        </Button>
      </div>
    </div>
  );
}
