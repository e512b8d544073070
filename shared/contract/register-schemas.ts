// Shapes of the 户籍台账 methods: household and person records as the UI sees them.
import { z } from 'zod';
import { HOUSEHOLD_ENTRY_FIELDS, PERSON_ENTRY_FIELDS } from '../fields/entry-fields.ts';
import { patchSchema, recordSchema } from '../fields/record-schema.ts';
import { regionCode } from './schemas.ts';

export const householdEntry = recordSchema(HOUSEHOLD_ENTRY_FIELDS);
export const householdPatch = patchSchema(HOUSEHOLD_ENTRY_FIELDS);
export const personEntry = recordSchema(PERSON_ENTRY_FIELDS);
export const personPatch = patchSchema(PERSON_ENTRY_FIELDS);

export const recordStatus = z.enum(['active', 'cancelled']);
export const statusFilter = z.enum(['active', 'cancelled', 'all']);
const id = z.number().int().positive();
export const entityId = id;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

export const cancelRequest = z
  .object({
    id,
    reason: z.string().min(1).max(4),
    note: z.string().max(200).nullable().default(null),
    date: isoDate,
  })
  .strict();

const cancelInfo = {
  status: recordStatus,
  cancelReason: z.string().nullable(),
  cancelNote: z.string().nullable(),
  cancelDate: z.string().nullable(),
};

export const HOUSEHOLD_SORT_COLUMNS = [
  'household_no',
  'head_name',
  'village_code',
  'group_code',
  'poverty_attribute',
  'household_type',
  'monitor_category',
  'poverty_status',
  'main_cause',
  'member_count',
  'exit_year',
  'updated_at',
] as const;

const codeList = z.array(z.string().max(10)).max(50).optional();

export const householdListQuery = z
  .object({
    regionCode: regionCode.nullable(),
    status: statusFilter.default('active'),
    povertyAttribute: codeList,
    householdType: codeList,
    monitorCategory: codeList,
    povertyStatus: codeList,
    mainCause: codeList,
    memberCountMin: z.number().int().min(0).max(99).optional(),
    memberCountMax: z.number().int().min(0).max(99).optional(),
    /** 姓名 (any member), full or partial 证件号码, 户编号 or phone. */
    search: z.string().max(40).optional(),
    sort: z.object({ column: z.enum(HOUSEHOLD_SORT_COLUMNS), order: z.enum(['asc', 'desc']) }).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const householdListRow = z.object({
  id,
  householdNo: z.string(),
  headName: z.string().nullable(),
  headIdMasked: z.string(),
  townshipName: z.string(),
  villageName: z.string(),
  groupName: z.string().nullable(),
  povertyAttribute: z.string().nullable(),
  householdType: z.string().nullable(),
  monitorCategory: z.string().nullable(),
  povertyStatus: z.string().nullable(),
  mainCause: z.string().nullable(),
  memberCount: z.number().int(),
  phoneMasked: z.string(),
  exitYear: z.number().int().nullable(),
  status: recordStatus,
  /** When a search matched a member other than the 户主: who, with the ID masked. */
  matched: z.string().nullable(),
});

export const placeSchema = z.object({
  townshipCode: z.string(),
  townshipName: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  groupCode: z.string().nullable(),
  groupName: z.string().nullable(),
});

export const personDetail = z.object({
  id,
  householdId: id,
  entry: personEntry,
  idFlagged: z.boolean(),
  year: z.number().int(),
  origin: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  ...cancelInfo,
});

export const householdDetail = z.object({
  id,
  householdNo: z.string(),
  place: placeSchema,
  entry: householdEntry,
  headName: z.string().nullable(),
  memberCount: z.number().int(),
  year: z.number().int(),
  origin: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  ...cancelInfo,
});

export const personSearchRow = z.object({
  id,
  name: z.string(),
  idMasked: z.string(),
  sex: z.string(),
  birthDate: z.string().nullable(),
  relation: z.string(),
  householdId: id,
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageName: z.string(),
  status: recordStatus,
});

export const idConflict = z.object({
  personId: id,
  name: z.string(),
  /** As registered: another number of the same person when only the first 18 characters match. */
  idNumber: z.string(),
  householdId: id,
  householdNo: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  status: recordStatus,
});

export const auditEntry = z.object({
  /** 0 for entries read from an imported row's origin rather than the audit log. */
  id: z.number().int().nonnegative(),
  at: z.string(),
  operator: z.string(),
  action: z.enum([
    'create',
    'update',
    'delete',
    'cancel',
    'restore',
    'move-in',
    'move-out',
    'set-head',
    'reveal',
  ]),
  entity: z.enum(['household', 'person', 'region', 'record']),
  entityId: z.string(),
  label: z.string(),
  lines: z.array(z.string()),
});
