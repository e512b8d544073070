// One household: its fields and members in one view, everything a clerk does to them, and its 历史.
import { useCallback, useRef, useState } from 'react';
import { Alert, App, Button, Card, Space, Spin, Switch, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { cancelledWithHousehold } from '../../../../shared/household-cancel.ts';
import { api } from '../../api/transport.ts';
import { testIdProps } from '../../lib/test-id.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { CancelDialog } from '../../components/CancelDialog.tsx';
import { CancelledAlert } from '../../components/CancelledAlert.tsx';
import { HistoryList } from '../../components/HistoryList.tsx';
import { takeIdleFocus } from '../../lib/dialog-focus.ts';
import { placeText } from '../../lib/display.ts';
import { useRoute } from '../../state/route.ts';
import { useRouteTitle } from '../../state/useRouteStack.ts';
import { useSubjectLedgers } from '../ledgers/useSubjectLedgers.tsx';
import { PersonEditDialog, type PersonDetail } from '../persons/PersonEditDialog.tsx';
import { HouseholdEditDialog } from './HouseholdEditDialog.tsx';
import { HouseholdInfo } from './HouseholdInfo.tsx';
import { MemberTable, type MemberAction } from './MemberTable.tsx';
import { MoveMemberDialog } from './MoveMemberDialog.tsx';
import { SetHeadDialog } from './SetHeadDialog.tsx';
import { HouseholdPrintButton } from '../print/HouseholdPrintButton.tsx';

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit' | 'cancel' | 'set-head' | 'move'; person: PersonDetail }
  | { kind: 'edit-household' }
  | { kind: 'cancel-household' };

export function HouseholdPage({ id }: { id: number }) {
  const { open } = useRoute();
  const { message, modal } = App.useApp();
  const [version, setVersion] = useState(0);
  const [showCancelled, setShowCancelled] = useState(false);
  const [tab, setTab] = useState('main');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // 新增成员 takes the cursor when the page opens (after 新增户 too) and after a member is added.
  const addButtonEl = useRef<HTMLButtonElement | null>(null);
  const addButton = useCallback((el: HTMLButtonElement | null) => {
    addButtonEl.current = el;
    takeIdleFocus(el);
  }, []);
  // A 注销 household's members went with it: show them without asking.
  const [householdCancelled, setHouseholdCancelled] = useState(false);
  const data = useLedgerQuery(
    'households.get',
    { id, includeCancelledMembers: showCancelled || householdCancelled },
    [version],
  );
  const isCancelled = data.data?.household.status === 'cancelled';
  if (data.data !== undefined && isCancelled !== householdCancelled) setHouseholdCancelled(isCancelled);
  const changed = (text?: string) => {
    setDialog(null);
    setVersion((v) => v + 1);
    if (text) void message.success(text);
  };

  const household = data.data?.household;
  const ledgers = useSubjectLedgers({
    householdId: household?.id,
    label: household ? `户 ${household.householdNo}（${household.headName ?? '无户主'}）` : '',
    members: (data.data?.members ?? [])
      .filter((m) => m.status === 'active')
      .map((m) => ({ id: m.id, name: m.entry.name })),
    readOnly: household?.status === 'cancelled',
    tabPrefix: 'household',
    onShowTab: setTab,
  });
  useRouteTitle(
    household
      ? `户 ${household.householdNo}${household.headName ? `（${household.headName}）` : ''}`
      : undefined,
  );

  if (data.data === undefined || household === undefined) {
    if (data.error !== undefined) {
      return (
        <Alert
          type="error"
          showIcon
          title="户信息读取失败"
          description={data.error.message}
          action={<Button onClick={data.reload}>重试</Button>}
          data-testid="household-error"
        />
      );
    }
    return <Spin description="正在读取……" style={{ display: 'block', padding: 48 }} />;
  }

  const members = data.data.members;
  const active = members.filter((m) => m.status === 'active');
  const head = active.find((m) => m.entry.relation === '01');
  const cancelled = household.status === 'cancelled';
  // A 注销 household has no active members: it shows the ones that went with it, not "0 人".
  const wentWithHousehold = members.filter(
    (m) => m.status === 'cancelled' && cancelledWithHousehold(m.cancelNote),
  );
  const membersTitle = cancelled
    ? `家庭成员（${wentWithHousehold.length} 人，已随户注销）`
    : `家庭成员（${active.length} 人）`;

  const onMember = (action: MemberAction, person: PersonDetail) => {
    if (action === 'open') return open({ page: 'person', id: person.id }, person.entry.name);
    if (action === 'restore') {
      modal.confirm({
        title: `恢复成员 ${person.entry.name}？`,
        content: '恢复后此人重新计入本户人数。',
        okText: '恢复',
        cancelText: '取消',
        okButtonProps: testIdProps('restore-confirm'),
        onOk: async () => {
          const r = await api.call('persons.restore', { id: person.id });
          if (r.ok) changed(`已恢复 ${person.entry.name}`);
          else void message.error(r.error.message, 6);
        },
      });
      return;
    }
    setDialog({ kind: action, person });
  };

  const restoreHousehold = () =>
    modal.confirm({
      title: `恢复户 ${household.householdNo}？`,
      content: '恢复后本户和随户注销的成员重新出现在列表中；此前单独注销的成员仍需另行恢复。',
      okText: '恢复',
      cancelText: '取消',
      okButtonProps: testIdProps('restore-confirm'),
      onOk: async () => {
        const r = await api.call('households.restore', { id: household.id });
        if (r.ok) changed('已恢复本户');
        else void message.error(r.error.message, 6);
      },
    });

  const main = (
    <>
      {cancelled && (
        <CancelledAlert
          prefix="本户已注销"
          record={household}
          restoreLabel="恢复此户"
          onRestore={restoreHousehold}
          testId="household-cancelled"
          restoreTestId="household-restore"
        />
      )}
      <Card
        size="small"
        title={<span data-testid="household-members-title">{membersTitle}</span>}
        className="record-card"
        extra={
          <Space size={12}>
            <label className="switch-label">
              <Switch
                size="small"
                checked={showCancelled || cancelled}
                disabled={cancelled}
                onChange={setShowCancelled}
                data-testid="member-show-cancelled"
              />
              显示已注销
            </label>
            {!cancelled && (
              <Button
                size="small"
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ kind: 'add' })}
                ref={addButton}
                data-testid="member-add"
              >
                新增成员
              </Button>
            )}
          </Space>
        }
      >
        {!cancelled && head === undefined && active.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="record-alert"
            title="本户没有户主：请在成员中“设为户主”。"
          />
        )}
        <MemberTable members={members} readOnly={cancelled} onAction={onMember} />
      </Card>
      <Card
        size="small"
        title="户信息"
        className="record-card"
        extra={
          !cancelled && (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setDialog({ kind: 'edit-household' })}
              data-testid="household-edit"
            >
              编辑户信息
            </Button>
          )
        }
      >
        <HouseholdInfo household={household} />
      </Card>
    </>
  );

  return (
    <div className="record-page" data-testid="page-household" data-household-id={household.id}>
      <div className="page-heading">
        <Typography.Title level={4} data-testid="household-title">
          户 <span className="mono">{household.householdNo}</span>
        </Typography.Title>
        <span>户主：{household.headName ?? '无'}</span>
        <span className="page-heading-path">{placeText(household.place)}</span>
        {cancelled && <Tag color="default">已注销</Tag>}
        <span className="page-heading-actions">
          <HouseholdPrintButton householdId={household.id} householdNo={household.householdNo} />
          {!cancelled && (
            <Button
              danger
              icon={<StopOutlined />}
              onClick={() => setDialog({ kind: 'cancel-household' })}
              data-testid="household-cancel"
            >
              注销此户
            </Button>
          )}
        </span>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        tabBarExtraContent={ledgers.addButton}
        items={[
          { key: 'main', label: <span data-testid="household-tab-main">成员与户信息</span>, children: main },
          ...ledgers.tabs,
          {
            key: 'history',
            label: <span data-testid="household-tab-history">历史</span>,
            children: tab === 'history' && <HistoryList householdId={household.id} version={version} />,
          },
        ]}
      />
      {ledgers.dialog}

      {dialog?.kind === 'add' && (
        <PersonEditDialog
          householdId={household.id}
          onSaved={(p) => {
            changed(`已新增成员 ${p.entry.name}`);
            // The next member is one Enter away (the form's input has gone, and the cursor with it).
            window.requestAnimationFrame(() => takeIdleFocus(addButtonEl.current));
          }}
          onClose={() => setDialog(null)}
          onOpenHousehold={(hid) => open({ page: 'household', id: hid })}
        />
      )}
      {dialog?.kind === 'edit' && (
        <PersonEditDialog
          householdId={household.id}
          person={dialog.person}
          onSaved={(p) => changed(`已保存 ${p.entry.name}`)}
          onClose={() => setDialog(null)}
          onOpenHousehold={(hid) => open({ page: 'household', id: hid })}
        />
      )}
      {dialog?.kind === 'cancel' && (
        <CancelDialog
          title={`注销成员：${dialog.person.entry.name}`}
          description={`${dialog.person.entry.name} 将不再计入本户人数，但保留在历史中，可以恢复。`}
          onSubmit={(req) => api.call('persons.cancel', { id: dialog.person.id, ...req })}
          onDone={() => changed(`已注销 ${dialog.person.entry.name}`)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'set-head' && (
        <SetHeadDialog
          householdId={household.id}
          person={dialog.person}
          formerHead={head}
          onDone={() => changed(`${dialog.person.entry.name} 已设为户主`)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'move' && (
        <MoveMemberDialog
          person={dialog.person}
          othersInHousehold={active.length - 1}
          place={{ village: household.place.villageCode, group: household.place.groupCode ?? '' }}
          onDone={(toHouseholdId, created) => {
            changed(
              created === undefined
                ? `${dialog.person.entry.name} 已迁出本户`
                : `${dialog.person.entry.name} 已迁出本户，新立一户 ${created.householdNo}，请补填户信息`,
            );
            if (created !== undefined)
              open({ page: 'household', id: toHouseholdId }, `户 ${created.householdNo}`);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'edit-household' && (
        <HouseholdEditDialog
          household={household}
          onDone={() => changed('户信息已保存')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'cancel-household' && (
        <CancelDialog
          title={`注销户：${household.householdNo}`}
          description="本户及其全部成员将从列表中移除，但保留在历史中，可以恢复。"
          onSubmit={(req) => api.call('households.cancel', { id: household.id, ...req })}
          onDone={() => changed('本户已注销')}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
