// 花名册 (detail exports) of the register: the household list and the person list as the clerk sees
// them (same filters), as print-ready .xlsx. The thematic ledgers' export (ledgers.export) shares the
// options and the answer. More than FULL_ID_CONFIRM_LIMIT full 证件号码 need `confirmFullIds`; without it
// the core refuses and names the count (the masked variant never needs it).
import { z } from 'zod';
import { method } from './define.ts';
import { fileId } from './import.ts';
import { householdListQuery, statusFilter } from './register-schemas.ts';
import { regionCode } from './schemas.ts';

/** Exports carrying more persons' full ID numbers than this ask the clerk first. */
export const FULL_ID_CONFIRM_LIMIT = 100;

export const exportOptions = {
  /** 脱敏导出: 证件号码 and phones masked as on screen. */
  masked: z.boolean().default(false),
  /** The clerk confirmed an export of more than FULL_ID_CONFIRM_LIMIT full ID numbers. */
  confirmFullIds: z.boolean().default(false),
};

export const exportResult = z.object({
  fileId,
  fileName: z.string(),
  downloadPath: z.string().nullable(),
  rows: z.number().int(),
  masked: z.boolean(),
  /** Persons whose full ID number the file carries (0 when masked). */
  fullIds: z.number().int(),
  /** SHA-256 of the file, as written to the audit log. */
  sha256: z.string(),
});

export const householdExportQuery = householdListQuery
  .omit({ offset: true, limit: true })
  .extend(exportOptions)
  .strict();

export const personExportQuery = z
  .object({
    /** The person search's words (姓名, 证件号码 fragment, phone); empty: everyone in the region. */
    q: z.string().trim().max(40).default(''),
    regionCode: regionCode.nullable().default(null),
    status: statusFilter.default('active'),
    ...exportOptions,
  })
  .strict();

export const exportsContract = {
  'households.export': method({
    summary: '户花名册：按户列表当前的区划、筛选和搜索导出 Excel（可脱敏）',
    request: householdExportQuery,
    response: exportResult,
    errors: ['not-initialized', 'not-found', 'validation'],
  }),
  'persons.export': method({
    summary: '人员花名册：按查人条件（可为空）导出全部成员信息及所在户（可脱敏，可重新导入）',
    request: personExportQuery,
    response: exportResult,
    errors: ['not-initialized', 'not-found', 'validation'],
  }),
};
