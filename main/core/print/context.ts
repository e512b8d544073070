// What a form template gets and gives back. A template is a function of the ledger and the request:
// it reads data through the core's own queries, returns one or more documents (a township roster: one
// per village, each numbered from 第 1 页), and reports every household/record it prints that still
// breaks a rule — the engine then puts the 未校验 watermark on every page (docs/printing.md).
import type { PrintFormDef } from '../../../shared/print/forms.ts';
import type { z } from 'zod';
import type { printRequest } from '../../../shared/contract/print.ts';
import type { CountyInfo } from '../regions/county-setup.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { PrintPage } from './page.ts';
import type { PrintTarget } from './target.ts';

export type PrintRequest = z.output<typeof printRequest>;

export interface PrintContext {
  readonly ledger: Ledger;
  readonly form: PrintFormDef;
  readonly target: PrintTarget;
  /** The --year asked for, or null (the template picks the latest it has). */
  readonly year: number | null;
  /** The form's own options by key (shared/print/forms.ts `options`), as given. */
  readonly options: Readonly<Record<string, string>>;
  readonly request: PrintRequest;
  /** The clerk's date, YYYY-MM-DD. */
  readonly today: string;
  readonly county: CountyInfo;
  /** Notes a printed household/record whose data break a rule (label: “张三户（420626…）”). */
  unverified(label: string, errors: readonly string[]): void;
}

export interface PrintedDocument {
  /** What this part is (the village's name); shown in the preview and the PDF summary. */
  label: string;
  page: PrintPage;
}

export interface FormOutput {
  /** The title the preview shows (“城关镇东坡村 村级花名册”). */
  title: string;
  /** The PDF's suggested name without date and extension (“东坡村-村级花名册”). */
  fileLabel: string;
  documents: PrintedDocument[];
}

export type FormTemplate = (ctx: PrintContext) => FormOutput;
