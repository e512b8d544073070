// Form id → template. Each form of shared/print/forms.ts has its template here; one a line.
import type { PrintFormId } from '../../../../shared/print/forms.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import type { FormTemplate } from '../context.ts';
import { notice, noticeDefaults, rememberNoticeOptions } from './notice.ts';
import { rectification } from './rectification.ts';
import { roster } from './roster.ts';
import { table } from './table.ts';
import { migrantSlip } from './migrant-slip.ts';
import { householdPlan } from './household-plan.ts';
import { policyCard } from './policy-card.ts';
import { visitCheck } from './visit-check.ts';

export const FORM_TEMPLATES: Partial<Record<PrintFormId, FormTemplate>> = {
  roster,
  notice,
  rectification,
  table,
  'migrant-slip': migrantSlip,
  'household-plan': householdPlan,
  'policy-card': policyCard,
  'visit-check': visitCheck,
};

/** The values a form's options start with in the print dialog (remembered settings, today …). */
export const FORM_OPTION_DEFAULTS: Partial<
  Record<PrintFormId, (ledger: Ledger, today: string) => Record<string, string>>
> = {
  notice: noticeDefaults,
};

/** What a form keeps for next time once it was printed or saved as PDF (not on preview). */
export const FORM_AFTER_PRINT: Partial<
  Record<PrintFormId, (ledger: Ledger, options: Readonly<Record<string, string>>) => void>
> = {
  notice: rememberNoticeOptions,
};
