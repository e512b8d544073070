// 列: which columns a list shows, chosen with checkboxes and remembered per list in the ledger's settings
// (lists.getColumns / lists.setColumns), so the choice survives a restart. One hook and one button serve
// every list (户籍台账, 查人, each 专项台账's records); columns marked `fixed` (户编号, 户主, 姓名 …) cannot be
// hidden — they say which row is which.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Popover } from 'antd';
import { TableOutlined } from '@ant-design/icons';
import { api } from '../api/transport.ts';

export interface ChoosableColumn {
  key: string;
  title: string;
  /** Always shown: the columns that name the row. */
  fixed?: boolean;
}

export interface ColumnChoice<C extends ChoosableColumn> {
  /** The columns to show, in their order. */
  visible: C[];
  /** The 列 button with its checkboxes. */
  chooser: React.ReactNode;
}

export function useColumnChoice<C extends ChoosableColumn>(
  list: string,
  columns: readonly C[],
  testId = 'column-chooser',
): ColumnChoice<C> {
  const [hidden, setHidden] = useState<readonly string[]>([]);
  useEffect(() => {
    let live = true;
    void api.call('lists.getColumns', { list }).then((r) => {
      if (live && r.ok) setHidden(r.value.hidden ?? []);
    });
    return () => {
      live = false;
    };
  }, [list]);

  const toggle = useCallback(
    (key: string, show: boolean) => {
      setHidden((before) => {
        const next = show ? before.filter((k) => k !== key) : [...before.filter((k) => k !== key), key];
        void api.call('lists.setColumns', { list, hidden: next });
        return next;
      });
    },
    [list],
  );
  const reset = useCallback(() => {
    setHidden([]);
    void api.call('lists.setColumns', { list, hidden: [] });
  }, [list]);

  const visible = useMemo(() => columns.filter((c) => c.fixed || !hidden.includes(c.key)), [columns, hidden]);
  const hiddenCount = columns.filter((c) => !c.fixed && hidden.includes(c.key)).length;

  const content = (
    <div className="column-chooser" data-testid={`${testId}-panel`}>
      {columns.map((c) => (
        <span key={c.key} data-testid={`${testId}-${c.key}`} data-fixed={c.fixed ? 'true' : undefined}>
          <Checkbox
            checked={c.fixed || !hidden.includes(c.key)}
            disabled={c.fixed}
            onChange={(e) => toggle(c.key, e.target.checked)}
          >
            {c.title}
          </Checkbox>
        </span>
      ))}
      <Button size="small" type="link" onClick={reset} disabled={hiddenCount === 0}>
        显示全部列
      </Button>
    </div>
  );
  const chooser = (
    <Popover content={content} trigger="click" placement="bottomRight" title="显示哪些列">
      <Button icon={<TableOutlined />} data-testid={testId}>
        列{hiddenCount > 0 ? `（隐藏 ${hiddenCount}）` : ''}
      </Button>
    </Popover>
  );
  return { visible, chooser };
}
