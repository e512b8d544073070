// The history tab in plain Chinese: "2020-03-21 张三 将 李四 的 与户主关系 由 之子 改为 户主".
import { CODE_TABLES, MULTI_SEPARATOR, codeLabel } from './code-tables/index.ts';
import { HOUSEHOLD_FIELDS } from './fields/household-fields.ts';
import { PERSON_FIELDS } from './fields/person-fields.ts';
import { fieldLabel } from './fields/entry-fields.ts';
import { maskIdNumber, maskPhone } from './mask.ts';
import { ledgerDef } from './ledgers/index.ts';

export interface AuditChange {
  field: string;
  before: string | number | null;
  after: string | number | null;
}

export interface AuditEntryView {
  at: string;
  operator: string;
  action:
    'create' | 'update' | 'delete' | 'cancel' | 'restore' | 'move-in' | 'move-out' | 'set-head' | 'reveal';
  entity: 'household' | 'person' | 'region' | 'record';
  /** For 'record' entries: the thematic ledger, whose definition names and displays the fields. */
  ledgerId?: string;
  /** What the entry is about, as it was named then (a person's name, 户编号 …). */
  label: string;
  changes: readonly AuditChange[];
}

const STATUS: Record<string, string> = { active: '正常', cancelled: '已注销' };

/** A stored value as the clerk reads it: code labels, 是/否, masked IDs and phones. */
export function displayValue(
  entity: 'household' | 'person' | 'region' | 'record',
  field: string,
  value: string | number | null,
  ledgerId?: string,
): string {
  if (value === null || value === '') return '空';
  const fields: readonly { column: string; type: string; codeTable?: string }[] =
    entity === 'household'
      ? HOUSEHOLD_FIELDS
      : entity === 'person'
        ? PERSON_FIELDS
        : entity === 'record'
          ? (ledgerDef(ledgerId ?? '')?.fields ?? [])
          : [];
  const def = fields.find((f) => f.column === field);
  if (field === 'status') return STATUS[String(value)] ?? String(value);
  if (field === 'cancel_reason') return codeLabel(CODE_TABLES.cancel_reason, String(value));
  if (!def) return String(value);
  if (def.type === 'bool') return value === 1 ? '是' : '否';
  if (def.type === 'id-number') return maskIdNumber(String(value));
  if (def.type === 'phone') return maskPhone(String(value));
  if ((def.type === 'code' || def.type === 'codes') && def.codeTable && def.codeTable in CODE_TABLES) {
    const table = CODE_TABLES[def.codeTable as keyof typeof CODE_TABLES];
    return String(value)
      .split(MULTI_SEPARATOR)
      .map((c) => codeLabel(table, c))
      .join('、');
  }
  return String(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Stored UTC timestamps shown in the clerk's local time: '2020-03-21 14:05'. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const ACTION_VERB: Record<AuditEntryView['action'], string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  cancel: '注销',
  restore: '恢复',
  'move-in': '迁入',
  'move-out': '迁出',
  'set-head': '变更户主',
  reveal: '查看',
};

const ENTITY_NOUN = { household: '户', person: '成员', region: '区划', record: '记录' } as const;

function labelOf(e: AuditEntryView, field: string): string {
  if (e.entity === 'record')
    return ledgerDef(e.ledgerId ?? '')?.fields.find((f) => f.column === field)?.label ?? field;
  return fieldLabel(e.entity === 'region' ? 'household' : e.entity, field);
}

/**
 * One line per change for updates, one line for other actions. `subject` false leaves the entry's own
 * name out (on that record's own page the clerk knows whose history it is).
 */
export function describeAuditEntry(e: AuditEntryView, subject = true): string[] {
  const who = `${localDateTime(e.at)} ${e.operator}`;
  const whose = subject ? `${e.label} 的 ` : '';
  const details = e.changes.filter((c) => !['updated_at', 'created_at'].includes(c.field));
  if (e.action === 'update' || e.action === 'set-head') {
    if (details.length === 0) return [`${who} ${ACTION_VERB[e.action]}了 ${e.label}`];
    return details.map(
      (c) =>
        `${who} 将 ${whose}${labelOf(e, c.field)} 由 ${displayValue(e.entity, c.field, c.before, e.ledgerId)} 改为 ${displayValue(e.entity, c.field, c.after, e.ledgerId)}`,
    );
  }
  const noun = ENTITY_NOUN[e.entity];
  if (e.action === 'cancel') {
    const reason = details.find((c) => c.field === 'cancel_reason');
    const note = details.find((c) => c.field === 'cancel_note');
    const when = details.find((c) => c.field === 'cancel_date');
    const why = reason
      ? `，原因：${displayValue(e.entity, 'cancel_reason', reason.after)}${note?.after ? `（${note.after}）` : ''}`
      : '';
    return [`${who} 注销了${noun} ${e.label}${when?.after ? `（${when.after}）` : ''}${why}`];
  }
  if (e.action === 'reveal') {
    const field = details[0]?.field ?? 'id_number';
    const what = field === 'phone' ? '联系电话' : field === 'head_id_number' ? '户主证件号码' : '证件号码';
    return [`${who} 查看了${noun} ${e.label} 的完整${what}`];
  }
  if (e.action === 'move-in' || e.action === 'move-out') {
    const moved = details.find((c) => c.field === 'household_no');
    const from = moved?.before !== undefined && moved.before !== null ? String(moved.before) : '';
    const to = moved?.after !== undefined && moved.after !== null ? String(moved.after) : '';
    return [`${who} 将${noun} ${e.label} 从户 ${from || '?'} 迁到户 ${to || '?'}`];
  }
  return [`${who} ${ACTION_VERB[e.action]}了${noun} ${e.label}`];
}
