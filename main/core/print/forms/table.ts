// 列表打印: what the clerk sees on screen as a ruled table — a 报表 (run-report.ts's result: its merged
// header rows, 合计/小计/村 rows, notes and the statistical report's signature lines), the 户列表 under the
// list's own filters (household-list.ts, IDs and phones masked as on screen), or a 专项台账's record list
// under its filters (record-read.ts, masked as the list shows it), or 查人's results (person-search.ts,
// masked as on screen). Header repeated, page numbers.
import { HOUSEHOLD_FIELDS } from '../../../../shared/fields/household-fields.ts';
import { PERSON_FIELDS } from '../../../../shared/fields/person-fields.ts';
import { printSourceOf } from '../../../../shared/print/forms.ts';
import { LedgerError } from '../../../../shared/result.ts';
import { listHouseholds } from '../../households/household-list.ts';
import { runReport } from '../../reports/run-report.ts';
import { chineseDate, formHeader, signatures, simpleTable, type TableColumn } from '../blocks.ts';
import type { FormOutput, PrintContext } from '../context.ts';
import { html } from '../html.ts';
import { householdErrors, householdMembers, regionPathName } from '../target.ts';
import { fieldOf, printedValue } from '../values.ts';
import type { HouseholdRow } from '../../db/tables.ts';
import type { LedgerDef } from '../../../../shared/ledgers/define.ts';
import { listRecords } from '../../ledgers/record-read.ts';
import { requireLedger } from '../../ledgers/record-sql.ts';
import { searchPersons } from '../../persons/person-search.ts';

/** More rows than this is not a list to print: narrow it first. */
export const TABLE_PRINT_LIMIT = 5000;

const REPORT_CSS = `
table.report { font-size: 8.5pt; }
table.report td, table.report th { padding: 0.6mm 1mm; }
table.report tr.total td, table.report tr.subtotal td { font-weight: bold; }
table.report td.label { white-space: nowrap; }
`;

const formatValue = (v: number | null | undefined, kind: string): string =>
  v === null || v === undefined ? '—' : kind === 'rate' ? `${v.toFixed(1)}%` : String(v);

function reportTable(ctx: PrintContext, id: string): FormOutput {
  if (ctx.target.kind !== 'region') throw new LedgerError('bad-request', '报表按区划打印。');
  const asOf = ctx.options.asOf?.trim() || null;
  if (asOf !== null && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new LedgerError('validation', `统计日期应为 YYYY-MM-DD，实为“${asOf}”`);
  const r = runReport(ctx.ledger, id, { regionCode: ctx.target.region.code, year: ctx.year, asOf });
  const depth = r.header.length;
  const kinds = new Map(r.columns.map((c) => [c.key, c.kind]));
  const right = [
    ...(r.parameters.year === null ? [] : [`年度：${r.parameters.year}`]),
    `统计时间：${chineseDate(r.parameters.asOf)}`,
    `单位：${r.unit}`,
  ].join('\u3000');
  const body = html`${formHeader(r.title, `填报单位：${r.reportingUnit}`, right)}
    <table class="grid report">
      <thead>
        ${r.header.map(
          (cells, i) =>
            html`<tr>
              ${i === 0 ? html`<th rowspan="${depth}">单位</th>` : ''}${cells.map(
                (c) => html`<th colspan="${c.colSpan}" rowspan="${c.rowSpan}">${c.label}</th>`,
              )}
            </tr>`,
        )}
      </thead>
      <tbody>
        ${r.rows.map(
          (row) =>
            html`<tr class="${row.kind}">
              <td class="label">${row.label}</td>
              ${r.columns.map(
                (c) => html`<td class="num">${formatValue(row.values[c.key], kinds.get(c.key) ?? '')}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
    ${r.notes.length > 0 ? html`<div class="notes">${r.notes.map((n) => html`<div>注：${n}</div>`)}</div>` : ''}
    ${signatures([{ label: '单位负责人' }, { label: '审核人' }, { label: '填表人' }, { label: '报出日期' }])}`;
  const orientation = r.columns.length > 8 ? 'landscape' : 'portrait';
  return {
    title: `${r.reportingUnit} ${r.title}`,
    fileLabel: `${r.parameters.regionName}-${r.title}`,
    documents: [
      { label: r.parameters.regionName, page: { title: r.title, orientation, css: REPORT_CSS, body } },
    ],
  };
}

type ListRow = ReturnType<typeof listHouseholds>['rows'][number];
const hf = (column: string) => fieldOf(HOUSEHOLD_FIELDS, column);

const LIST_COLUMNS: readonly TableColumn<ListRow & { seq: number }>[] = [
  { header: '序号', value: (r) => r.seq, className: 'c', width: 9 },
  { header: '乡镇', value: (r) => r.townshipName, width: 16 },
  { header: '村', value: (r) => r.villageName, width: 22 },
  { header: '组', value: (r) => r.groupName ?? '', className: 'c', width: 10 },
  { header: '户编号', value: (r) => r.householdNo, className: 'nowrap', width: 30 },
  { header: '户主姓名', value: (r) => r.headName ?? '', className: 'c', width: 15 },
  { header: '户主证件号码', value: (r) => r.headIdMasked, className: 'nowrap c', width: 34 },
  { header: '人数', value: (r) => r.memberCount, className: 'c', width: 9 },
  { header: hf('poverty_attribute').label, value: (r) => printedValue(hf('poverty_attribute'), r.povertyAttribute), className: 'c', width: 22 },
  { header: hf('household_type').label, value: (r) => printedValue(hf('household_type'), r.householdType), className: 'c', width: 14 },
  { header: '监测类别', value: (r) => printedValue(hf('monitor_category'), r.monitorCategory), className: 'c', width: 20 },
  { header: hf('poverty_status').label, value: (r) => printedValue(hf('poverty_status'), r.povertyStatus), className: 'c', width: 28 },
  { header: '主要致贫原因', value: (r) => printedValue(hf('main_cause'), r.mainCause), className: 'c', width: 22 },
  { header: '联系电话', value: (r) => r.phoneMasked, className: 'nowrap c', width: 21 },
]; // prettier-ignore

function householdTable(ctx: PrintContext): FormOutput {
  if (ctx.target.kind !== 'region') throw new LedgerError('bad-request', '户列表按区划打印。');
  const region = ctx.target.region;
  const query = { status: 'active' as const, ...ctx.request.householdList, regionCode: region.code };
  const { total, rows } = listHouseholds(ctx.ledger, { ...query, offset: 0, limit: TABLE_PRINT_LIMIT });
  if (total === 0) throw new LedgerError('not-found', `${region.name}没有符合条件的户，无可打印的列表。`);
  if (total > TABLE_PRINT_LIMIT)
    throw new LedgerError(
      'validation',
      `列表有 ${total} 户，超过一次打印的上限 ${TABLE_PRINT_LIMIT} 户：请先选择乡镇或村，或加筛选条件（整县名单请用“导出”）。`,
    );
  const byId = ctx.ledger.prepare('SELECT * FROM households WHERE id = ?');
  for (const r of rows) {
    const h = byId.get(r.id) as HouseholdRow;
    ctx.unverified(
      `${r.headName ?? r.householdNo}户（${r.householdNo}）`,
      householdErrors(h, householdMembers(ctx.ledger, r.id)),
    );
  }
  const place =
    region.level === 'county'
      ? ctx.county.fullName
      : `${ctx.county.fullName}${regionPathName(ctx.ledger, region)}`;
  const persons = rows.reduce((n, r) => n + r.memberCount, 0);
  const title = `${region.name}户列表`;
  const body = html`${formHeader(title, `填报单位：${place}`, `共 ${total} 户 ${persons} 人\u3000打印日期：${chineseDate(ctx.today)}`)}
${simpleTable(LIST_COLUMNS, rows.map((r, i) => ({ ...r, seq: i + 1 })), 'list')}`; // prettier-ignore
  return {
    title: `${place} 户列表`,
    fileLabel: `${region.name}-户列表`,
    documents: [
      {
        label: region.name,
        page: {
          title,
          orientation: 'landscape',
          css: 'table.list { font-size: 8.5pt; table-layout: fixed; } table.list td { padding: 0.5mm 0.8mm; }',
          body,
        },
      },
    ],
  };
}

type LedgerRow = ReturnType<typeof listRecords>['rows'][number];

/** The subject columns a ledger's list shows (IDs masked as on screen), then its list columns with labels. */
function ledgerColumns(def: LedgerDef): TableColumn<LedgerRow & { seq: number }>[] {
  const subject: TableColumn<LedgerRow & { seq: number }>[] =
    def.subject === 'person'
      ? [
          { header: '姓名', value: (r) => r.subject.name ?? '', className: 'nowrap c' },
          { header: '证件号码', value: (r) => r.subject.idNumber ?? '', className: 'nowrap c' },
          { header: '乡镇村组', value: (r) => r.subject.place },
        ]
      : def.subject === 'household'
        ? [
            { header: '户编号', value: (r) => r.subject.householdNo ?? '', className: 'nowrap' },
            { header: '户主', value: (r) => r.subject.name ?? '', className: 'nowrap c' },
            { header: '乡镇村组', value: (r) => r.subject.place },
          ]
        : [{ header: '乡镇村组', value: (r) => r.subject.place }];
  const fields = def.listColumns
    .map((c) => def.fields.find((f) => f.column === c))
    .filter((f): f is LedgerDef['fields'][number] => f !== undefined);
  return [
    { header: '序号', value: (r) => r.seq, className: 'c' },
    ...subject,
    ...fields.map((f): TableColumn<LedgerRow & { seq: number }> => ({
      header: f.label,
      // The list's values are masked already (record-read.ts toView), as on screen.
      value: (r) => printedValue(f, r.values[f.column], false),
      // Numbers, dates and code labels stay on one line; free text wraps.
      ...(f.type === 'int' || f.type === 'decimal'
        ? { className: 'num nowrap' }
        : f.type === 'date' || f.type === 'code' || f.type === 'year' || f.type === 'bool'
          ? { className: 'nowrap c' }
          : {}),
    })),
  ];
}

/** A 专项台账's record list under its on-screen filters (values masked as the list shows them). */
function ledgerTable(ctx: PrintContext, q: NonNullable<PrintContext['request']['ledgerList']>): FormOutput {
  if (ctx.target.kind !== 'region') throw new LedgerError('bad-request', '台账列表按区划打印。');
  const def = requireLedger(q.ledgerId);
  const region = ctx.target.region;
  const { total, rows } = listRecords(ctx.ledger, {
    ...q,
    regionCode: region.level === 'county' ? null : region.code,
    offset: 0,
    limit: TABLE_PRINT_LIMIT,
  });
  if (total === 0)
    throw new LedgerError('not-found', `${region.name}的${def.name}没有符合条件的记录，无可打印的列表。`);
  if (total > TABLE_PRINT_LIMIT)
    throw new LedgerError(
      'validation',
      `列表有 ${total} 条记录，超过一次打印的上限 ${TABLE_PRINT_LIMIT} 条：请先选择乡镇或村，或加筛选条件（整县名单请用“导出”）。`,
    );
  const place =
    region.level === 'county'
      ? ctx.county.fullName
      : `${ctx.county.fullName}${regionPathName(ctx.ledger, region)}`;
  const title = `${region.name}${def.name}`;
  const body = html`${formHeader(title, `填报单位：${place}`, `共 ${total} 条\u3000打印日期：${chineseDate(ctx.today)}`)}
${simpleTable(ledgerColumns(def), rows.map((r, i) => ({ ...r, seq: i + 1 })), 'list')}`; // prettier-ignore
  return {
    title: `${place} ${def.name}`,
    fileLabel: `${region.name}-${def.name}`,
    documents: [
      {
        label: region.name,
        page: {
          title,
          orientation: 'landscape',
          // As wide as the page at most: headers and free text wrap, codes, dates and numbers do not.
          css: 'table.list { font-size: 8pt; width: 100%; } table.list th { white-space: normal; } table.list td { padding: 0.5mm 0.8mm; }',
          body,
        },
      },
    ],
  };
}

type PersonRow = ReturnType<typeof searchPersons>['rows'][number];
const pf = (column: string) => fieldOf(PERSON_FIELDS, column);

const PERSON_COLUMNS: readonly TableColumn<PersonRow & { seq: number }>[] = [
  { header: '序号', value: (r) => r.seq, className: 'c', width: 9 },
  { header: '姓名', value: (r) => r.name, className: 'nowrap c', width: 16 },
  { header: '证件号码', value: (r) => r.idMasked, className: 'nowrap c', width: 34 },
  { header: '性别', value: (r) => printedValue(pf('sex'), r.sex), className: 'c', width: 9 },
  { header: '出生日期', value: (r) => r.birthDate ?? '', className: 'nowrap c', width: 20 },
  { header: '与户主关系', value: (r) => printedValue(pf('relation'), r.relation), className: 'c', width: 16 },
  { header: '户编号', value: (r) => r.householdNo, className: 'nowrap', width: 30 },
  { header: '户主', value: (r) => r.headName ?? '', className: 'nowrap c', width: 15 },
  { header: '村', value: (r) => r.villageName, width: 22 },
  { header: '状态', value: (r) => (r.status === 'cancelled' ? '已注销' : '正常'), className: 'c', width: 11 },
]; // prettier-ignore

/** 查人's results as on screen (the whole county; IDs masked, the searched digits shown as on screen). */
function personTable(ctx: PrintContext, q: NonNullable<PrintContext['request']['personList']>): FormOutput {
  const { total, rows } = searchPersons(ctx.ledger, {
    q: q.q,
    status: q.status,
    regionCode: null,
    offset: 0,
    limit: TABLE_PRINT_LIMIT,
  });
  if (total === 0) throw new LedgerError('not-found', `没有找到与“${q.q}”相符的人员，无可打印的列表。`);
  if (total > TABLE_PRINT_LIMIT)
    throw new LedgerError(
      'validation',
      `找到 ${total} 人，超过一次打印的上限 ${TABLE_PRINT_LIMIT} 人：请再输入几个字缩小范围（整县名单请用“导出”）。`,
    );
  const title = `查人：${q.q}`;
  const body = html`${formHeader(title, `填报单位：${ctx.county.fullName}`, `共 ${total} 人\u3000打印日期：${chineseDate(ctx.today)}`)}
${simpleTable(PERSON_COLUMNS, rows.map((r, i) => ({ ...r, seq: i + 1 })), 'list')}`; // prettier-ignore
  return {
    title: `${ctx.county.fullName} 查人：${q.q}`,
    fileLabel: `查人-${q.q}`,
    documents: [
      {
        label: ctx.county.fullName,
        page: {
          title,
          orientation: 'landscape',
          css: 'table.list { font-size: 8.5pt; table-layout: fixed; } table.list td { padding: 0.5mm 0.8mm; }',
          body,
        },
      },
    ],
  };
}

/** What the request prints (shared/print/forms.ts `sources`, the same the print dialog offers options by). */
export const table = (ctx: PrintContext): FormOutput => {
  const { personList, ledgerList } = ctx.request;
  switch (printSourceOf(ctx.form, ctx.request)?.key) {
    case 'persons':
      if (personList) return personTable(ctx, personList);
      break;
    case 'ledger':
      if (ledgerList) return ledgerTable(ctx, ledgerList);
      break;
    case 'report':
      return reportTable(ctx, ctx.options.report?.trim() ?? '');
    case 'households':
      return householdTable(ctx);
  }
  throw new LedgerError('bad-request', `${ctx.form.title}：不知道要打印什么。`);
};
