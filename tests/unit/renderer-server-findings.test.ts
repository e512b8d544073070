// A refused save's findings follow the values: once the clerk corrects what the core judged, its old
// error goes (the 返乡排查 form kept refusing a corrected 证件号码 until it was cancelled and retyped).
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../shared/rules/issue.ts';
import { liveFindings } from '../../renderer/src/forms/server-findings.ts';

const error = (field: string | null, message: string): Issue => ({ field, level: 'error', message });

describe('server findings on a form', () => {
  const sent = { name: '外来测试人', person_id_number: '440306199006155174', remark: '', subject: '[1]' };
  const findings = {
    issues: [
      error('person_id_number', '身份证号校验位错误'),
      error('remark', '备注太长'),
      error(null, '请选择人员'),
      error('other_rule', '一条跨字段的规则'),
    ],
    sent,
  };

  it('shows every finding while nothing has changed', () => {
    expect(liveFindings(findings, sent)).toHaveLength(4);
  });

  it('drops a field’s finding as soon as that field is corrected, and keeps the others’', () => {
    const live = liveFindings(findings, { ...sent, person_id_number: '440306199006155166' });
    expect(live.map((i) => i.message)).toEqual(['备注太长']);
  });

  it('keeps a field’s finding while another field changes, and drops findings about no one field', () => {
    const live = liveFindings(findings, { ...sent, remark: '已核实' });
    expect(live.map((i) => i.message)).toEqual(['身份证号校验位错误']);
  });

  it('drops findings about the subject when the subject changes', () => {
    expect(liveFindings(findings, { ...sent, subject: '[2]' }).map((i) => i.field)).toEqual([
      'person_id_number',
      'remark',
    ]);
  });

  it('comes back unchanged when the value is typed back as it was sent', () => {
    expect(liveFindings(findings, { ...sent })).toEqual(findings.issues);
  });
});
