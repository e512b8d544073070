// `forms` and `print FORM (--region CODE | --household 户编号) [--year YYYY] [form options] --out FILE.pdf`:
// the same forms as the 打印 buttons, through the contract (print.pdf), copied to --out.
import fs from 'node:fs';
import path from 'node:path';
import { optionChoiceError, PRINT_FORMS, printFormDef, type PrintFormDef } from '../../shared/print/forms.ts';
import type { z } from 'zod';
import type { statusFilter } from '../../shared/contract/register-schemas.ts';
import { LedgerError } from '../../shared/result.ts';
import { typedDispatch } from '../core/api/dispatch.ts';
import type { Core } from '../core/index.ts';

type Values = Record<string, string | string[] | boolean | undefined>;
type StatusFilter = z.output<typeof statusFilter>;

export const PRINT_USAGE =
  '用法：print 表单编号 (--region 区划代码 | --household 户编号) [--year 年度] [表单选项] --out 文件.pdf（表单见 forms；查人的结果：print table --persons 查找文字 [--status all] --out 文件.pdf）';

const formOptions = (f: PrintFormDef) => f.options ?? [];

/** Every form's own flags (--days, --report …), for the argument parser. */
export const PRINT_OPTION_FLAGS: Record<string, { type: 'string' }> = Object.fromEntries(
  (PRINT_FORMS as readonly PrintFormDef[]).flatMap((f) =>
    formOptions(f).map((o) => [o.flag, { type: 'string' as const }]),
  ),
);

export async function formsList(core: Core) {
  const r = await typedDispatch(core.handlers, 'print.forms', {});
  if (!r.ok) throw new LedgerError(r.error.code, r.error.message);
  return r.value;
}

export function formsText(forms: Awaited<ReturnType<typeof formsList>>): string {
  const side = { portrait: '纵向', landscape: '横向' };
  const what = { region: '--region', household: '--household' };
  return forms
    .map((f) => {
      const opts = f.options.map((o) => `      --${o.flag}  ${o.label}：${o.help}`);
      return [
        `${f.id}\t${f.title}（A4 ${side[f.orientation]}；${f.targets.map((t) => what[t]).join(' 或 ')}${f.year ? '，可加 --year' : ''}）`,
        `      ${f.description}`,
        ...opts,
      ].join('\n');
    })
    .join('\n');
}

/**
 * `table --persons 王 [--status all]`: 查人's results, the request the 查人 page's 打印 makes (personList;
 * shared/print/forms.ts, source 'persons').
 */
function personListOf(options: Record<string, string>): { q: string; status: StatusFilter } | undefined {
  const q = options.persons?.trim() ?? '';
  if (q === '') {
    if (options.status !== undefined)
      throw new LedgerError('bad-request', '--status 只与 --persons（查人的查找文字）同用');
    return undefined;
  }
  if (q.length > 40) throw new LedgerError('bad-request', `--persons 最多 40 个字，实为 ${q.length} 个`);
  return { q, status: (options.status ?? 'active') as StatusFilter };
}

export async function runPrint(core: Core, values: Values, positionals: string[]) {
  const [form, ...extra] = positionals;
  const out = values.out as string | undefined;
  if (!form || extra.length > 0 || !out) throw new LedgerError('bad-request', PRINT_USAGE);
  const def = printFormDef(form);
  if (!def)
    throw new LedgerError(
      'bad-request',
      `没有表单“${form}”；可用：${PRINT_FORMS.map((f) => f.id).join('、')}`,
    );
  if (!/\.pdf$/i.test(out)) throw new LedgerError('bad-request', `--out 应为 .pdf 文件，实为“${out}”`);
  const options: Record<string, string> = {};
  for (const [flag] of Object.entries(PRINT_OPTION_FLAGS)) {
    const v = values[flag];
    if (typeof v !== 'string') continue;
    const o = formOptions(def).find((x) => x.flag === flag);
    if (!o) throw new LedgerError('bad-request', `${def.title}没有 --${flag} 选项`);
    const wrong = optionChoiceError(o, v);
    if (wrong !== null) throw new LedgerError('bad-request', `--${flag}：${wrong}`);
    options[o.key] = v;
  }
  const personList = personListOf(options);
  const yearText = values.year as string | undefined;
  const year = yearText === undefined ? null : Number(yearText);
  if (year !== null && (!Number.isInteger(year) || year < 2000 || year > 2100))
    throw new LedgerError('bad-request', `--year 应为 2000 到 2100 之间的年份，实为“${yearText}”`);
  const r = await typedDispatch(core.handlers, 'print.pdf', {
    form,
    regionCode: (values.region as string | undefined) ?? null,
    householdNo: (values.household as string | undefined) ?? null,
    year,
    options,
    ...(personList ? { personList } : {}),
  });
  if (!r.ok) throw new LedgerError(r.error.code, r.error.message, r.error.details);
  const target = path.resolve(out);
  fs.copyFileSync(core.files.get(r.value.fileId).path, target);
  return {
    file: target,
    form,
    pages: r.value.pages,
    documents: r.value.documents,
    unverified: r.value.unverified,
  };
}

export function describePrint(r: Awaited<ReturnType<typeof runPrint>>): string {
  const lines = [`已生成 ${r.file}：共 ${r.pages} 页`];
  if (r.documents.length > 1) lines.push(...r.documents.map((d) => `  ${d.label}：${d.pages} 页`));
  if (r.unverified.count > 0) {
    lines.push(`注意：${r.unverified.count} 户（条）数据未通过校验，每页印有“未校验”水印：`);
    lines.push(...r.unverified.examples.map((e) => `  ${e}`));
  }
  return lines.join('\n');
}
