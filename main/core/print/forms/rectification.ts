// 问题整改清单 (landscape) for a village, township or the county: the 问题排查整改 records of the region
// (the ledger list's own query, oldest first), with 整改措施, 时限 and 状态 and the 销号 columns — 销号日期,
// 销号人 and an empty 签字 cell for the pen — a count by status, and the signature lines.
import { checkLedgerValues } from '../../../../shared/ledgers/index.ts';
import { LedgerError } from '../../../../shared/result.ts';
import { listRecords } from '../../ledgers/record-read.ts';
import { requireLedger } from '../../ledgers/record-sql.ts';
import { formHeader, signatures } from '../blocks.ts';
import type { FormTemplate } from '../context.ts';
import { html } from '../html.ts';
import { regionPathName } from '../target.ts';
import { fieldOf, printedValue } from '../values.ts';

const LEDGER = 'rectification';
const CLOSED = '03';

const CSS = `
table.rect { font-size: 8.5pt; table-layout: fixed; }
table.rect td { padding: 0.6mm 1mm; word-break: break-all; }
`;

export const rectification: FormTemplate = (ctx) => {
  if (ctx.target.kind !== 'region') throw new LedgerError('bad-request', '问题整改清单按区划打印。');
  const region = ctx.target.region;
  const def = requireLedger(LEDGER);
  const f = (column: string) => fieldOf(def.fields, column);
  const { rows } = listRecords(ctx.ledger, {
    ledgerId: LEDGER,
    regionCode: region.code,
    filters: {},
    sort: { column: 'found_date', order: 'asc' },
    offset: 0,
    limit: 1_000_000,
  });
  if (rows.length === 0)
    throw new LedgerError('not-found', `${region.name}没有问题排查整改记录，无可打印的清单。`);
  for (const r of rows)
    ctx.unverified(
      `${r.values.issue_no ?? `第 ${r.id} 条`}（${r.subject.place}）`,
      checkLedgerValues(def, r.values)
        .filter((i) => i.level === 'error')
        .map((i) => i.message),
    );
  const count = (status: string) => rows.filter((r) => r.values.status === status).length;
  const v = (r: (typeof rows)[number], column: string) => printedValue(f(column), r.values[column]);
  const place =
    region.level === 'county'
      ? ctx.county.fullName
      : `${ctx.county.fullName}${regionPathName(ctx.ledger, region)}`;
  const showPlace = region.level !== 'village' && region.level !== 'group';
  const title = `${region.name}问题整改清单`;
  const body = html`${formHeader(title, `填报单位：${place}`, `问题 ${rows.length} 个：已销号 ${count(CLOSED)}，整改中 ${count('02')}，待整改 ${count('01')}`)}
<table class="grid rect">
<colgroup><col style="width:8mm"><col style="width:20mm">${showPlace ? html`<col style="width:24mm">` : ''}<col style="width:18mm"><col style="width:16mm"><col><col style="width:20mm"><col style="width:14mm"><col style="width:31mm"><col style="width:19mm"><col style="width:16mm"><col style="width:19mm"><col style="width:13mm"><col style="width:16mm"></colgroup>
<thead>
<tr><th rowspan="2">序号</th><th rowspan="2">问题编号</th>${showPlace ? html`<th rowspan="2">村</th>` : ''}<th rowspan="2">问题来源</th><th rowspan="2">问题类别</th><th rowspan="2">问题描述</th><th rowspan="2">责任单位</th><th rowspan="2">责任人</th><th rowspan="2">整改措施</th><th rowspan="2">整改时限</th><th rowspan="2">整改状态</th><th colspan="3">销号</th></tr>
<tr><th>销号日期</th><th>销号人</th><th>签字</th></tr>
</thead>
<tbody>${rows.map(
    (r, i) => html`<tr><td class="c">${i + 1}</td><td class="c">${v(r, 'issue_no')}</td>${showPlace ? html`<td>${r.subject.place}</td>` : ''}<td class="c">${v(r, 'source')}</td><td class="c">${v(r, 'category')}</td><td>${v(r, 'description')}</td><td>${v(r, 'resp_unit')}</td><td class="c">${v(r, 'resp_person')}</td><td>${v(r, 'measures')}</td><td class="c nowrap">${v(r, 'deadline')}</td><td class="c">${v(r, 'status')}</td><td class="c nowrap">${v(r, 'closed_date')}</td><td class="c">${v(r, 'closed_by')}</td><td></td></tr>`,
  )}</tbody>
</table>
${signatures([{ label: '填报单位（盖章）' }, { label: '负责人' }, { label: '填表人' }, { label: '日期' }])}`; // prettier-ignore
  return {
    title: `${place} 问题整改清单`,
    fileLabel: `${region.name}-问题整改清单`,
    documents: [{ label: region.name, page: { title, orientation: 'landscape', css: CSS, body } }],
  };
};
