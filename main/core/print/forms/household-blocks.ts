// What the one-household forms (一户一策, 政策明白卡, 入户核查表) print alike: the household's situation as a
// label/value grid, its members as a table (证件号码 masked: 420626********1234), the place's name, the
// check that puts 未校验 on the page when a record breaks a rule.
import { HOUSEHOLD_FIELDS } from '../../../../shared/fields/household-fields.ts';
import { PERSON_FIELDS } from '../../../../shared/fields/person-fields.ts';
import type { HouseholdRow, PersonRow } from '../../db/tables.ts';
import { html, type HtmlValue, type SafeHtml } from '../html.ts';
import { householdErrors, householdMembers, regionPathName } from '../target.ts';
import { findRegion } from '../../regions/region-tree.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import type { FormOutput, PrintContext } from '../context.ts';
import { fieldOf, printedValue } from '../values.ts';

export const hf = (column: string) => fieldOf(HOUSEHOLD_FIELDS, column);
export const pf = (column: string) => fieldOf(PERSON_FIELDS, column);

/** A household value as printed (code labels, masked 证件号码 and phone). */
export const hv = (h: HouseholdRow, column: string): string =>
  printedValue(hf(column), (h as unknown as Record<string, unknown>)[column]);
/** A member value as printed. */
export const mv = (p: PersonRow, column: string): string =>
  printedValue(pf(column), (p as unknown as Record<string, unknown>)[column]);

/** CSS the one-household forms share (a trusted constant). */
export const HOUSEHOLD_CSS = `
body { font-size: 9.5pt; }
h2 { font-size: 11pt; margin: 2.5mm 0 1mm; }
table.info th { width: 27mm; background: #f0f0f0; font-weight: normal; text-align: center; }
table.info td { min-width: 20mm; }
table.grid { font-size: 9pt; }
.household-no { font-weight: bold; font-size: 11pt; }
.lines { border-bottom: 0.3mm solid #000; height: 7mm; }
.note { font-size: 8.5pt; margin-top: 2mm; }
`;

/** Label/value pairs, `perRow` pairs to a row (the last row padded). */
export function infoGrid(pairs: readonly (readonly [string, HtmlValue])[], perRow = 3): SafeHtml {
  const rows: (readonly [string, HtmlValue])[][] = [];
  for (let i = 0; i < pairs.length; i += perRow) rows.push(pairs.slice(i, i + perRow));
  return html`<table class="grid info">
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            ${r.map(
              ([label, value]) =>
                html`<th>${label}</th>
                  <td>${value}</td>`,
            )}
            ${r.length < perRow ? html`<td colspan="${(perRow - r.length) * 2}"></td>` : ''}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The members with the columns a form asks for (证件号码 masked). */
export function membersTable(members: readonly PersonRow[], columns: readonly string[]): SafeHtml {
  return html`<table class="grid members">
    <thead>
      <tr>
        <th>序号</th>
        ${columns.map((c) => html`<th>${pf(c).label}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${members.map(
        (m, i) =>
          html`<tr>
            <td class="c">${i + 1}</td>
            ${columns.map(
              (c) =>
                html`<td class="${c === 'id_number' || c === 'birth_date' ? 'c nowrap' : 'c'}">
                  ${c === 'name' ? m.name : mv(m, c)}
                </td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** “城关镇东坡村三组” of a household. */
export function householdPlace(ledger: Ledger, h: HouseholdRow): string {
  return regionPathName(ledger, findRegion(ledger, h.group_code ?? h.village_code));
}

/** The household's members, after noting its rule errors for the 未校验 watermark. */
export function checkedMembers(
  ctx: PrintContext,
  h: HouseholdRow,
  extraErrors: readonly string[] = [],
): PersonRow[] {
  const members = householdMembers(ctx.ledger, h.id);
  ctx.unverified(`${h.head_name ?? h.household_no}户（${h.household_no}）`, [
    ...householdErrors(h, members),
    ...extraErrors,
  ]);
  return members;
}

/** Amounts as the forms print them: 8000, 1234.5 → 1234.50. */
export const money = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : Number.isInteger(n) ? String(n) : n.toFixed(2);

/** What a household form is printed for, as its title (户主户（户编号）, or the region's path) and file label. */
export function targetNames(ctx: PrintContext): { name: string; label: string } {
  const t = ctx.target;
  return t.kind === 'household'
    ? { name: `${t.household.head_name ?? ''}户（${t.household.household_no}）`, label: t.household.head_name ?? t.household.household_no }
    : { name: regionPathName(ctx.ledger, t.region), label: t.region.name };
} // prettier-ignore

/** A form of one A4 portrait page per household (the pages already built), titled by what it was printed for. */
export function householdPagesOutput(ctx: PrintContext, form: string, css: string, pages: readonly SafeHtml[], year: number | null = null): FormOutput {
  const { name, label } = targetNames(ctx);
  return {
    title: year === null ? `${name} ${form}` : `${name} ${year}年度 ${form}`,
    fileLabel: year === null ? `${label}-${form}` : `${label}-${form}-${year}`,
    documents: [{ label, page: { title: `${form} ${label}`, orientation: 'portrait', css, body: html`${pages}`, margins: [10, 12, 12, 12] } }],
  };
} // prettier-ignore
