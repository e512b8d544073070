// Form id → template. Each form of shared/print/forms.ts has its template here; one a line.
import type { PrintFormId } from '../../../../shared/print/forms.ts';
import type { FormTemplate } from '../context.ts';
import { roster } from './roster.ts';
import { householdPlan } from './household-plan.ts';
import { policyCard } from './policy-card.ts';
import { visitCheck } from './visit-check.ts';

export const FORM_TEMPLATES: Partial<Record<PrintFormId, FormTemplate>> = {
  roster,
  'household-plan': householdPlan,
  'policy-card': policyCard,
  'visit-check': visitCheck,
};
