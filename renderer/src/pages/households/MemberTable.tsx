// The household's members with what can be done to each: 修改, 设为户主, 迁移 (分户/合户), 注销 / 恢复.
import type { HTMLAttributes } from 'react';
import { Button, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { cancelledWithHousehold } from '../../../../shared/household-cancel.ts';
import { maskIdNumber } from '../../../../shared/mask.ts';
import { RevealNumber } from '../../components/RevealNumber.tsx';
import { useCodeTables } from '../../state/code-tables.ts';
import type { PersonDetail } from '../persons/PersonEditDialog.tsx';

export type MemberAction = 'open' | 'edit' | 'set-head' | 'move' | 'cancel' | 'restore';

export interface MemberTableProps {
  members: readonly PersonDetail[];
  /** The household is cancelled: nothing but opening a member. */
  readOnly: boolean;
  onAction: (action: MemberAction, person: PersonDetail) => void;
}

/** 户主 first, then by relation code, then the eldest first. */
export function sortMembers(members: readonly PersonDetail[]): PersonDetail[] {
  return [...members].sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1) ||
      a.entry.relation.localeCompare(b.entry.relation) ||
      (a.entry.birth_date ?? '').localeCompare(b.entry.birth_date ?? ''),
  );
}

/** Why a member cannot be 注销/迁移 on its own (the core refuses the same), or null. */
export function soloBlock(p: PersonDetail, activeCount: number, action: 'cancel' | 'move'): string | null {
  if (p.entry.relation === '01' && activeCount > 1) {
    return action === 'cancel'
      ? '户主不能单独注销：请先把其他成员设为户主'
      : '户主不能单独迁出：请先把其他成员设为户主';
  }
  if (action === 'cancel' && activeCount <= 1) return '本户唯一的成员：请注销整户';
  return null;
}

export function MemberTable({ members, readOnly, onAction }: MemberTableProps) {
  const tables = useCodeTables();
  const activeCount = members.filter((m) => m.status === 'active').length;
  const all: TableColumnsType<PersonDetail> = [
    {
      title: '姓名',
      key: 'name',
      width: 100,
      fixed: 'left',
      render: (_, p) => (
        <Button
          type="link"
          size="small"
          className="inline-link"
          onClick={() => onAction('open', p)}
          data-testid="member-name"
        >
          {p.entry.name}
        </Button>
      ),
    },
    {
      title: '与户主关系',
      key: 'relation',
      width: 96,
      render: (_, p) =>
        p.entry.relation === '01' ? <Tag color="blue">户主</Tag> : tables.label('relation', p.entry.relation),
    },
    { title: '性别', key: 'sex', width: 52, render: (_, p) => tables.label('sex', p.entry.sex) },
    {
      title: '证件号码',
      key: 'id',
      width: 196,
      render: (_, p) => (
        <span>
          <RevealNumber
            masked={maskIdNumber(p.entry.id_number)}
            target={{ entity: 'person', id: p.id, field: 'id_number' }}
            testId="member-id"
          />
          {p.idFlagged && <Tag className="id-flag">存疑</Tag>}
        </span>
      ),
    },
    { title: '出生日期', key: 'birth', width: 100, render: (_, p) => p.entry.birth_date ?? '' },
    {
      title: '健康状况',
      key: 'health',
      width: 120,
      ellipsis: true,
      render: (_, p) => tables.label('health', p.entry.health),
    },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, p) =>
        p.status === 'cancelled' ? (
          <span data-testid="member-cancelled">
            <Tag>{cancelledWithHousehold(p.cancelNote) ? '随户注销' : '已注销'}</Tag>
            {tables.label('cancel_reason', p.cancelReason)}
            {p.cancelDate ? ` ${p.cancelDate}` : ''}
          </span>
        ) : (
          '正常'
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 236,
      fixed: 'right',
      render: (_, p) =>
        p.status === 'cancelled' ? (
          <Button size="small" onClick={() => onAction('restore', p)} data-testid="member-restore">
            恢复
          </Button>
        ) : (
          <Space size={4} wrap>
            <Button size="small" onClick={() => onAction('edit', p)} data-testid="member-edit">
              修改
            </Button>
            {p.entry.relation !== '01' && (
              <Button size="small" onClick={() => onAction('set-head', p)} data-testid="member-set-head">
                设为户主
              </Button>
            )}
            <Tooltip title={soloBlock(p, activeCount, 'move')}>
              <Button
                size="small"
                disabled={soloBlock(p, activeCount, 'move') !== null}
                onClick={() => onAction('move', p)}
                data-testid="member-move"
              >
                迁移
              </Button>
            </Tooltip>
            <Tooltip title={soloBlock(p, activeCount, 'cancel')}>
              <Button
                size="small"
                danger
                disabled={soloBlock(p, activeCount, 'cancel') !== null}
                onClick={() => onAction('cancel', p)}
                data-testid="member-cancel"
              >
                注销
              </Button>
            </Tooltip>
          </Space>
        ),
    },
  ];
  // A cancelled household's members can only be opened: no empty 操作 column pinned over their 状态.
  const columns = readOnly ? all.filter((c) => c.key !== 'actions') : all;
  return (
    <Table<PersonDetail>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={sortMembers(members)}
      pagination={false}
      scroll={{ x: readOnly ? 770 : 1006 }}
      locale={{ emptyText: '本户没有成员' }}
      rowClassName={(p) => (p.status === 'cancelled' ? 'member-cancelled' : '')}
      onRow={(p) =>
        ({
          'data-testid': 'member-row',
          'data-person-id': p.id,
          'data-person-name': p.entry.name,
          onDoubleClick: () => onAction('open', p),
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid="member-table"
    />
  );
}
