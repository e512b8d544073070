// The thematic ledgers on a household's page (and a person's): one tab per ledger that has records for
// the household or its members (ledgers.forHousehold), a click opens a record, and 添加专项记录 offers
// the person and household ledgers (for a person ledger the clerk picks the member).
import { useState, type ReactNode } from 'react';
import { App, Button, Dropdown, type MenuProps, type TabsProps } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { ledgerDef, type LedgerDef } from '../../../../shared/ledgers/index.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { ledgerGroups } from './ledger-groups.ts';
import type { LedgerRecord } from './ledger-display.tsx';
import { RecordDialog } from './RecordDialog.tsx';
import { RecordTable } from './RecordTable.tsx';
import type { FixedSubject } from './SubjectFields.tsx';

export interface SubjectLedgersOptions {
  householdId: number | undefined;
  /** '户 4206…（张三）' or the person's name. */
  label: string;
  /** The household's active members (person ledgers pick one). */
  members: readonly { id: number; name: string }[];
  /** A person's page: only this person's records, and new ones for this person. */
  personId?: number;
  /** Nothing can be added (a 注销 household). */
  readOnly?: boolean;
  /** Tab keys are `${tabPrefix}-ledger-<id>` and test ids likewise. */
  tabPrefix: string;
  /** After a record was added: the page shows its ledger's tab. */
  onShowTab?: (key: string) => void;
}

type Dialog = { def: LedgerDef; record?: LedgerRecord };

/** Ledgers a record can be added to from a household or person page (not child ledgers: those belong
 * under their parent record). */
const addable = (def: LedgerDef, person: boolean) =>
  def.parent === undefined && (def.subject === 'person' || (!person && def.subject === 'household'));

export function useSubjectLedgers(options: SubjectLedgersOptions): {
  tabs: NonNullable<TabsProps['items']>;
  addButton: ReactNode;
  dialog: ReactNode;
  reload: () => void;
} {
  const { householdId, label, members, personId, readOnly = false, tabPrefix, onShowTab } = options;
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const answer = useLedgerQuery('ledgers.forHousehold', { householdId: householdId ?? 1 }, [version], {
    enabled: householdId !== undefined,
  });
  const reload = () => setVersion((v) => v + 1);

  const tabs = (answer.data ?? []).flatMap(({ ledgerId, rows }) => {
    const def = ledgerDef(ledgerId);
    const mine = personId === undefined ? rows : rows.filter((r) => r.subject.personId === personId);
    if (def === undefined || mine.length === 0) return [];
    return [
      {
        key: `${tabPrefix}-ledger-${def.id}`,
        label: (
          <span data-testid={`${tabPrefix}-tab-ledger-${def.id}`}>
            {def.name}
            <span className="page-heading-path">（{mine.length}）</span>
          </span>
        ),
        children: (
          <RecordTable
            def={def}
            rows={mine}
            options={{ hideHousehold: true, hidePerson: personId !== undefined }}
            onOpen={(record) => setDialog({ def, record })}
            testId={`${tabPrefix}-ledger-${def.id}`}
          />
        ),
      },
    ];
  });

  const menu: MenuProps['items'] = ledgerGroups((d) => addable(d, personId !== undefined)).map((g) => ({
    type: 'group' as const,
    key: g.group,
    label: g.group,
    children: g.defs.map((d) => ({
      key: d.id,
      label: <span data-testid={`add-ledger-${d.id}`}>{d.name}</span>,
    })),
  }));
  const addButton = readOnly ? null : (
    <Dropdown
      menu={{
        items: menu,
        onClick: ({ key }) => {
          const def = ledgerDef(key);
          if (def !== undefined) setDialog({ def });
        },
        className: 'ledger-add-menu',
      }}
      trigger={['click']}
    >
      <Button size="small" icon={<PlusOutlined />} data-testid={`${tabPrefix}-add-ledger`}>
        添加专项记录 <DownOutlined />
      </Button>
    </Dropdown>
  );

  let fixed: FixedSubject | undefined;
  if (dialog !== null && dialog.record === undefined) {
    fixed =
      personId !== undefined
        ? { label, personId, householdId }
        : dialog.def.subject === 'person'
          ? { label, householdId, members }
          : { label, householdId };
  }
  const done = (text: string) => {
    setDialog(null);
    reload();
    void message.success(text);
  };
  const dialogNode =
    dialog === null ? null : (
      <RecordDialog
        def={dialog.def}
        record={dialog.record}
        fixed={fixed}
        onSaved={(_, created) => {
          done(created ? `已新增${dialog.def.name}记录` : '已保存');
          onShowTab?.(`${tabPrefix}-ledger-${dialog.def.id}`);
        }}
        onDeleted={() => done('已删除')}
        onClose={() => setDialog(null)}
      />
    );

  return { tabs, addButton, dialog: dialogNode, reload };
}
