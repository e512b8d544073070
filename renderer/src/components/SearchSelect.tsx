// A select that asks the core as the clerk types (households, persons, a ledger's records): answers to
// older keystrokes are dropped, the chosen row stays shown while another search runs.
import { useEffect, useEffectEvent, useState } from 'react';
import { Select } from 'antd';
import type { Result } from '../../../shared/result.ts';
import { useDebouncedValue } from '../api/useDebouncedValue.ts';
import { useImeText } from '../lib/useImeText.ts';

export interface SearchSelectProps<Row> {
  value: Row | null;
  onChange: (row: Row | null) => void;
  /** One search (the rows to offer for `q`). */
  search: (q: string) => Promise<Result<readonly Row[]>>;
  rowKey: (row: Row) => number;
  describe: (row: Row) => string;
  /** Rows never offered (the household a member is moving out of). */
  exclude?: (row: Row) => boolean;
  /** Offer the first rows before anything is typed (a ledger's few records). */
  searchEmpty?: boolean;
  placeholder: string;
  notFound: string;
  id?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  status?: '' | 'error';
  testId: string;
}

interface Found<Row> {
  q: string;
  rows: readonly Row[];
}

export function SearchSelect<Row>(props: SearchSelectProps<Row>) {
  const { value, onChange, rowKey, describe, exclude, searchEmpty = false } = props;
  const [q, setQ] = useState('');
  const qText = useImeText(q, setQ);
  const query = useDebouncedValue(q.trim(), 250);
  const [found, setFound] = useState<Found<Row> | null>(null);
  const ask = useEffectEvent((text: string) => props.search(text));

  useEffect(() => {
    if (query === '' && !searchEmpty) return;
    let stale = false;
    void ask(query).then((r) => {
      if (!stale && r.ok) setFound({ q: query, rows: r.value });
    });
    return () => {
      stale = true;
    };
  }, [query, searchEmpty]);

  const current = found !== null && found.q === query && (query !== '' || searchEmpty);
  const rows = current ? found.rows.filter((r) => exclude?.(r) !== true) : [];
  const options = rows.map((r) => ({ value: rowKey(r), label: describe(r), row: r }));
  if (value !== null && !options.some((o) => o.value === rowKey(value)))
    options.unshift({ value: rowKey(value), label: describe(value), row: value });
  const searching = (q.trim() !== '' || searchEmpty) && !current;

  return (
    // Composition events bubble from the select's input: the search waits for the committed characters.
    <span style={{ display: 'contents' }} {...qText.composition}>
      <Select<number>
        id={props.id}
        showSearch={{
          filterOption: false,
          onSearch: qText.change,
          searchValue: qText.value,
          autoClearSearchValue: false,
        }}
        value={value === null ? undefined : rowKey(value)}
        options={options}
        onChange={(v) => onChange(options.find((o) => o.value === v)?.row ?? null)}
        placeholder={props.placeholder}
        notFoundContent={
          q.trim() === '' && !searchEmpty ? '请输入查找内容' : searching ? '正在查找……' : props.notFound
        }
        autoFocus={props.autoFocus}
        disabled={props.disabled}
        status={props.status === '' ? undefined : props.status}
        style={{ width: '100%' }}
        popupMatchSelectWidth
        allowClear
        onClear={() => onChange(null)}
        data-testid={props.testId}
      />
    </span>
  );
}
