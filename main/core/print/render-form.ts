// A print request → its HTML documents: resolve the target, run the form's template, and apply the one
// rule for unverified data (a 未校验 watermark on every page; never a refusal: the paper is what the
// village checks and corrects, docs/printing.md).
import { todayIso } from '../../../shared/date-input.ts';
import {
  optionChoiceError,
  printFormDef,
  UNVERIFIED_WATERMARK,
  type PrintOrientation,
} from '../../../shared/print/forms.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { requireCounty } from '../regions/county-setup.ts';
import type { PrintRequest } from './context.ts';
import { FORM_TEMPLATES } from './forms/index.ts';
import { printDocument } from './page.ts';
import { resolveTarget } from './target.ts';

export interface RenderedForm {
  title: string;
  fileName: string;
  documents: Array<{ label: string; html: string; orientation: PrintOrientation }>;
  unverified: { count: number; examples: string[] };
}

const EXAMPLES = 5;

/** Characters Windows does not allow in a file name. */
const safeFileName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '-');

export function renderForm(
  ledger: Ledger,
  request: PrintRequest,
  now = new Date(),
  /** Printed or saved as PDF, not only previewed (PrintContext.final). */
  final = false,
): RenderedForm {
  const form = printFormDef(request.form);
  if (!form) throw new LedgerError('not-found', `没有编号为“${request.form}”的表单。`);
  const template = FORM_TEMPLATES[request.form];
  if (!template) throw new LedgerError('not-found', `“${form.title}”还不能打印（尚未实现）。`);
  for (const o of form.options ?? []) {
    const wrong = optionChoiceError(o, request.options[o.key]);
    if (wrong !== null) throw new LedgerError('validation', wrong);
  }
  const county = requireCounty(ledger);
  const target = resolveTarget(ledger, form, request);
  const today = todayIso(now);
  const flagged: string[] = [];
  const out = template({
    ledger,
    form,
    target,
    year: request.year,
    options: request.options,
    request,
    today,
    county,
    final,
    unverified: (label, errors) => {
      if (errors.length > 0) flagged.push(`${label}：${errors.join('；')}`);
    },
  });
  if (out.documents.length === 0) throw new LedgerError('not-found', `${out.title}：没有可打印的内容。`);
  const watermark = flagged.length > 0 ? UNVERIFIED_WATERMARK : null;
  return {
    title: out.title,
    fileName: `${safeFileName(out.fileLabel)}-${today}.pdf`,
    documents: out.documents.map((d) => ({
      label: d.label,
      html: printDocument({ ...d.page, watermark }),
      orientation: d.page.orientation,
    })),
    unverified: { count: flagged.length, examples: flagged.slice(0, EXAMPLES) },
  };
}
