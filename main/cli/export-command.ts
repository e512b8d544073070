// `export households|persons|LEDGER-ID [--region CODE] [--filter 字段=值]… [--search 词] [--masked]
// [--yes-full-ids] --out FILE.xlsx`: the same 花名册 as the 导出 buttons, through the contract (so the
// request is checked and the export is written to the audit log), then copied to --out.
import fs from 'node:fs';
import path from 'node:path';
import { CODE_TABLES, findCode } from '../../shared/code-tables/index.ts';
import type { MethodName } from '../../shared/contract/index.ts';
import type { FieldDef } from '../../shared/fields/define.ts';
import { HOUSEHOLD_FIELDS } from '../../shared/fields/household-fields.ts';
import type { LedgerField } from '../../shared/ledgers/define.ts';
import { LedgerError } from '../../shared/result.ts';
import { typedDispatch } from '../core/api/dispatch.ts';
import type { Core } from '../core/index.ts';
import { requireLedger } from '../core/ledgers/record-sql.ts';

type Values = Record<string, string | string[] | boolean | undefined>;

export const EXPORT_USAGE =
  '用法：export households|persons|台账编号 [--region 区划代码] [--filter 字段=值 …] [--search 词] [--masked] [--yes-full-ids] --out 文件.xlsx';

/** The household list's filters, by the label the clerk sees (values: code-table labels or codes). */
const HOUSEHOLD_FILTERS = {
  poverty_attribute: 'povertyAttribute',
  household_type: 'householdType',
  monitor_category: 'monitorCategory',
  poverty_status: 'povertyStatus',
  main_cause: 'mainCause',
} as const;
const STATUS: Record<string, 'active' | 'cancelled' | 'all'> = {
  正常: 'active',
  已注销: 'cancelled',
  全部: 'all',
};

function splitFilter(item: string): [string, string] {
  const eq = item.search(/[=＝]/);
  if (eq <= 0)
    throw new LedgerError(
      'bad-request',
      `--filter 应写成 字段=值（如 --filter 脱贫状态=已脱贫），实为“${item}”`,
    );
  return [item.slice(0, eq).trim(), item.slice(eq + 1).trim()];
}

function codeOf(tableKey: string | undefined, value: string, label: string): string {
  if (value === '未填写' || value === '') return '';
  const table = tableKey ? CODE_TABLES[tableKey as keyof typeof CODE_TABLES] : undefined;
  if (!table) return value;
  const item = findCode(table, value);
  if (!item) throw new LedgerError('bad-request', `--filter ${label}=${value}：“${value}”不是${label}的选项`);
  return item.code;
}

function statusOf(value: string): 'active' | 'cancelled' | 'all' {
  const s = STATUS[value];
  if (!s) throw new LedgerError('bad-request', `--filter 状态 应为 正常、已注销 或 全部，实为“${value}”`);
  return s;
}

function householdRequest(filters: Array<[string, string]>): Record<string, unknown> {
  const req: Record<string, unknown> = {};
  for (const [label, value] of filters) {
    if (label === '状态') {
      req.status = statusOf(value);
      continue;
    }
    const f = (HOUSEHOLD_FIELDS as readonly FieldDef[]).find(
      (x) => x.label === label && x.column in HOUSEHOLD_FILTERS,
    );
    if (!f) {
      const known = [
        '状态',
        ...HOUSEHOLD_FIELDS.filter((x) => x.column in HOUSEHOLD_FILTERS).map((x) => x.label),
      ];
      throw new LedgerError('bad-request', `户花名册不能按“${label}”筛选；可用：${known.join('、')}`);
    }
    const key = HOUSEHOLD_FILTERS[f.column as keyof typeof HOUSEHOLD_FILTERS];
    req[key] = [...((req[key] as string[] | undefined) ?? []), codeOf(f.codeTable, value, label)];
  }
  return req;
}

function personRequest(filters: Array<[string, string]>): Record<string, unknown> {
  const req: Record<string, unknown> = {};
  for (const [label, value] of filters) {
    if (label === '状态') req.status = statusOf(value);
    else
      throw new LedgerError(
        'bad-request',
        `人员花名册只能按“状态”筛选（另可用 --search 查人），实为“${label}”`,
      );
  }
  return req;
}

function ledgerValue(f: LedgerField, value: string): string | number {
  switch (f.type) {
    case 'code':
    case 'codes':
      return codeOf(f.codeTable, value, f.label);
    case 'bool':
      if (value === '是') return 1;
      if (value === '否') return 0;
      throw new LedgerError('bad-request', `--filter ${f.label} 应为 是 或 否，实为“${value}”`);
    case 'int':
    case 'year':
    case 'decimal': {
      const n = Number(value);
      if (value === '' || !Number.isFinite(n))
        throw new LedgerError('bad-request', `--filter ${f.label} 应为数字，实为“${value}”`);
      return n;
    }
    default:
      return value;
  }
}

function ledgerRequest(ledgerId: string, filters: Array<[string, string]>): Record<string, unknown> {
  const def = requireLedger(ledgerId);
  const byColumn: Record<string, Array<string | number>> = {};
  for (const [label, value] of filters) {
    const f = def.fields.find((x) => x.label === label);
    if (!f)
      throw new LedgerError('bad-request', `${def.name}没有“${label}”这个字段（字段见 ledgers --json）`);
    (byColumn[f.column] ??= []).push(ledgerValue(f, value));
  }
  return { ledgerId, filters: byColumn };
}

export async function runExport(core: Core, values: Values, positionals: string[]) {
  const [what, ...extra] = positionals;
  const out = values.out as string | undefined;
  if (!what || extra.length > 0 || !out) throw new LedgerError('bad-request', EXPORT_USAGE);
  if (!/\.xlsx$/i.test(out)) throw new LedgerError('bad-request', `--out 应为 .xlsx 文件，实为“${out}”`);
  const filters = ((values.filter as string[] | undefined) ?? []).map(splitFilter);
  const search = values.search as string | undefined;
  const common = {
    regionCode: (values.region as string | undefined) ?? null,
    masked: values.masked === true,
    confirmFullIds: values['yes-full-ids'] === true,
  };
  let method: MethodName;
  let request: Record<string, unknown>;
  if (what === 'households') {
    method = 'households.export';
    request = { ...common, ...householdRequest(filters), ...(search ? { search } : {}) };
  } else if (what === 'persons') {
    method = 'persons.export';
    request = { ...common, ...personRequest(filters), ...(search ? { q: search } : {}) };
  } else {
    method = 'ledgers.export';
    request = { ...common, ...ledgerRequest(what, filters), ...(search ? { search } : {}) };
  }
  const r = await typedDispatch(core.handlers, method as 'households.export', request);
  if (!r.ok) {
    const hint = (r.error.details as { confirmFullIds?: boolean } | undefined)?.confirmFullIds
      ? '（确认需要完整号码时加 --yes-full-ids，或加 --masked 脱敏导出）'
      : '';
    throw new LedgerError(r.error.code, `${r.error.message}${hint}`, r.error.details);
  }
  const target = path.resolve(out);
  fs.copyFileSync(core.files.get(r.value.fileId).path, target);
  return {
    file: target,
    rows: r.value.rows,
    masked: r.value.masked,
    fullIds: r.value.fullIds,
    sha256: r.value.sha256,
  };
}
