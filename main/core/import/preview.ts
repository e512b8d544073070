// The preview the clerk reads before anything is written (and the CLI prints as JSON).
import { fieldLabel } from '../../../shared/fields/entry-fields.ts';
import { ledgerDef, ledgerFieldLabel } from '../../../shared/ledgers/index.ts';
import type { Analysis } from './analyze-file.ts';

const MAX_LISTED_ISSUES = 2000;
const MAX_LISTED_CHANGES = 500;

export function previewOf(a: Analysis) {
  const { plan } = a;
  const errors = plan.issues.filter((i) => i.level === 'error');
  const warnings = plan.issues.filter((i) => i.level === 'warning');
  const invalidRows = a.ledgerPlan?.invalidRows ?? new Set(errors.map((e) => e.row)).size;
  const changes: Array<{
    kind: 'household' | 'person' | 'record';
    label: string;
    row: number;
    fields: string[];
  }> = [];
  const def = a.into === null ? undefined : ledgerDef(a.into);
  for (const r of a.ledgerPlan?.records ?? []) {
    if (changes.length >= MAX_LISTED_CHANGES || !def) break;
    if (r.existingId !== null && r.changes.length > 0)
      changes.push({
        kind: 'record',
        label: r.label,
        row: r.row,
        fields: r.changes.map((c) => ledgerFieldLabel(def, c.field)),
      });
  }
  for (const h of plan.households) {
    if (changes.length >= MAX_LISTED_CHANGES) break;
    if (h.existing && h.changes.length > 0) {
      changes.push({
        kind: 'household',
        label: h.existing.household_no,
        row: h.parsed.firstRow,
        fields: h.changes.map((c) => fieldLabel('household', c.field)),
      });
    }
    for (const p of h.persons) {
      if (p.existing && p.changes.length > 0 && !p.invalid) {
        changes.push({
          kind: 'person',
          label: p.existing.name,
          row: p.parsed.row,
          fields: p.changes.map((c) => fieldLabel('person', c.field)),
        });
      }
    }
  }
  return {
    fileName: a.fileName,
    sheet: a.sheet,
    sheets: a.sheets.map((s) => ({ name: s.name, rowCount: s.rowCount, hidden: s.hidden === true })),
    title: a.title,
    mapping: a.mapping,
    constants: a.constants,
    templateUsed: a.templateUsed,
    regionCode: a.regionCode,
    rows: a.table.rows.length,
    households: plan.counts.households,
    persons: plan.counts.persons,
    into: a.into,
    records: a.ledgerPlan?.counts ?? { created: 0, updated: 0, unchanged: 0 },
    skipped: a.table.skipped,
    // Errors first, then warnings; the counts say how many there are in all.
    errors: [...errors, ...warnings].slice(0, MAX_LISTED_ISSUES),
    errorCount: errors.length,
    warningCount: warnings.length,
    invalidRows,
    newGroups: plan.newGroups.map((g) => g.split('|')[1] ?? g),
    changes,
  };
}

export type ImportPreview = ReturnType<typeof previewOf>;
