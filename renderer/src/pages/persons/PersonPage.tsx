// One person: all fields (the full 证件号码 — this is the record itself), the household with a link,
// and the person's 历史.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Spin, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { api } from '../../api/transport.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { CancelDialog } from '../../components/CancelDialog.tsx';
import { CancelledAlert } from '../../components/CancelledAlert.tsx';
import { HistoryList } from '../../components/HistoryList.tsx';
import { PERSON_FORM_FIELDS } from '../../forms/form-fields.ts';
import { displayField, placeText } from '../../lib/display.ts';
import { testIdProps } from '../../lib/test-id.ts';
import { useCodeTables } from '../../state/code-tables.ts';
import { useRoute } from '../../state/route.ts';
import { useRouteTitle } from '../../state/useRouteStack.ts';
import { useSubjectLedgers } from '../ledgers/useSubjectLedgers.tsx';
import { MoveMemberDialog } from '../households/MoveMemberDialog.tsx';
import { PersonEditDialog } from './PersonEditDialog.tsx';

type Dialog = 'edit' | 'cancel' | 'move';

export function PersonPage({ id }: { id: number }) {
  const { open } = useRoute();
  const { message, modal } = App.useApp();
  const tables = useCodeTables();
  const [version, setVersion] = useState(0);
  const [tab, setTab] = useState('main');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const data = useLedgerQuery('persons.get', { id }, [version]);
  const person = data.data?.person;
  useRouteTitle(person?.entry.name);
  const ledgers = useSubjectLedgers({
    householdId: person?.householdId,
    label: person?.entry.name ?? '',
    members: [],
    personId: person?.id,
    readOnly: person?.status === 'cancelled',
    tabPrefix: 'person',
    onShowTab: setTab,
  });

  const changed = (text: string) => {
    setDialog(null);
    setVersion((v) => v + 1);
    void message.success(text);
  };

  if (data.data === undefined || person === undefined) {
    if (data.error !== undefined) {
      return (
        <Alert
          type="error"
          showIcon
          title="人员信息读取失败"
          description={data.error.message}
          data-testid="person-error"
        />
      );
    }
    return <Spin description="正在读取……" style={{ display: 'block', padding: 48 }} />;
  }
  const { householdNo, headName, place } = data.data;
  const cancelled = person.status === 'cancelled';
  const entry = person.entry as Readonly<Record<string, unknown>>;
  const openHousehold = () => open({ page: 'household', id: person.householdId }, `户 ${householdNo}`);

  const restore = () =>
    modal.confirm({
      title: `恢复 ${person.entry.name}？`,
      okText: '恢复',
      cancelText: '取消',
      okButtonProps: testIdProps('restore-confirm'),
      onOk: async () => {
        const r = await api.call('persons.restore', { id: person.id });
        if (r.ok) changed(`已恢复 ${person.entry.name}`);
        else void message.error(r.error.message, 6);
      },
    });

  const main = (
    <>
      {cancelled && (
        <CancelledAlert
          prefix="已注销"
          record={person}
          restoreLabel="恢复"
          onRestore={restore}
          testId="person-cancelled"
          restoreTestId="person-restore"
        />
      )}
      <Card size="small" title="所在户" className="record-card">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3 }}
          items={[
            {
              key: 'household',
              label: '户编号',
              children: (
                <Button
                  type="link"
                  size="small"
                  className="inline-link mono"
                  onClick={openHousehold}
                  data-testid="person-household-link"
                >
                  {householdNo}
                </Button>
              ),
            },
            { key: 'head', label: '户主', children: headName ?? '—' },
            { key: 'place', label: '所在村组', children: placeText(place) },
          ]}
        />
      </Card>
      <Card size="small" title="个人信息" className="record-card">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2, xl: 3 }}
          className="record-info"
          items={PERSON_FORM_FIELDS.map((f) => ({
            key: f.column,
            label: f.label,
            children: (
              <span
                className={f.type === 'id-number' || f.type === 'phone' ? 'mono' : undefined}
                data-testid={`person-info-${f.column}`}
              >
                {displayField(f, entry[f.column], tables)}
                {f.type === 'id-number' && person.idFlagged && <Tag className="id-flag">存疑</Tag>}
              </span>
            ),
          }))}
          data-testid="person-info"
        />
      </Card>
    </>
  );

  return (
    <div className="record-page" data-testid="page-person" data-person-id={person.id}>
      <div className="page-heading">
        <Typography.Title level={4} data-testid="person-title">
          {person.entry.name}
        </Typography.Title>
        <span>{tables.label('relation', person.entry.relation)}</span>
        <span className="page-heading-path">
          {placeText(place)} · {householdNo} 户
        </span>
        {cancelled && <Tag>已注销</Tag>}
        <span className="page-heading-actions">
          {!cancelled && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="person-edit">
                修改
              </Button>
              <Button icon={<SwapOutlined />} onClick={() => setDialog('move')} data-testid="person-move">
                迁移
              </Button>
              <Button
                danger
                icon={<StopOutlined />}
                onClick={() => setDialog('cancel')}
                data-testid="person-cancel"
              >
                注销
              </Button>
            </>
          )}
        </span>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        tabBarExtraContent={ledgers.addButton}
        items={[
          { key: 'main', label: '信息', children: main },
          ...ledgers.tabs,
          {
            key: 'history',
            label: <span data-testid="person-tab-history">历史</span>,
            children: tab === 'history' && <HistoryList personId={person.id} version={version} />,
          },
        ]}
      />
      {ledgers.dialog}
      {dialog === 'edit' && (
        <PersonEditDialog
          householdId={person.householdId}
          person={person}
          onSaved={(p) => changed(`已保存 ${p.entry.name}`)}
          onClose={() => setDialog(null)}
          onOpenHousehold={(hid) => open({ page: 'household', id: hid })}
        />
      )}
      {dialog === 'cancel' && (
        <CancelDialog
          title={`注销：${person.entry.name}`}
          description={`${person.entry.name} 将不再计入所在户的人数，但保留在历史中，可以恢复。`}
          onSubmit={(req) => api.call('persons.cancel', { id: person.id, ...req })}
          onDone={() => changed(`已注销 ${person.entry.name}`)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'move' && (
        <MoveMemberDialog
          person={person}
          othersInHousehold={0}
          place={{ village: place.villageCode, group: place.groupCode ?? '' }}
          onDone={(_, created) =>
            changed(
              created === undefined
                ? `${person.entry.name} 已迁入新户`
                : `${person.entry.name} 已新立一户 ${created.householdNo}，请在户页面补填户信息`,
            )
          }
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
