// Per-table row types for Kysely, written by hand and checked against the migrated schema by
// tests/integration/schema.test.ts. One interface per table; `DB` maps table names to them.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Origin = 'manual' | 'import' | 'demo';
export type RecordStatus = 'active' | 'cancelled';
export type RegionLevel = 'county' | 'township' | 'village' | 'group';

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface CodeItemsTable {
  table_key: string;
  code: string;
  label: string;
  aliases: Generated<string>;
  retired: Generated<number>;
  created_at: string;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  kind: 'import' | 'demo';
  file_name: string | null;
  sha256: string | null;
  sheet: string | null;
  operator: string;
  summary: Generated<string>;
  created_at: string;
  mapping: Generated<string>;
  undone_at: string | null;
  undone_by: string | null;
  /** Thematic ledger the batch went into; null for the household register. */
  ledger_id: string | null;
}

export interface ImportTemplatesTable {
  signature: string;
  name: string;
  mapping: string;
  created_at: string;
  used_at: string;
}

export interface RegionsTable {
  code: string;
  parent_code: string | null;
  level: RegionLevel;
  name: string;
  official_name: string | null;
  sort_order: Generated<number>;
  origin: 'official' | Origin;
  created_at: string;
  updated_at: string;
}

export interface HouseholdsTable {
  id: Generated<number>;
  household_no: string;
  township_code: string;
  village_code: string;
  group_code: string | null;
  head_name: string | null;
  head_id_number: string | null;
  poverty_attribute: string | null;
  household_type: string | null;
  monitor_category: string | null;
  poverty_status: string | null;
  exit_year: number | null;
  main_cause: string | null;
  other_causes: string | null;
  member_count: Generated<number>;
  phone: string | null;
  address: string | null;
  identification_standard: string | null;
  first_identified_year: number | null;
  year: number;
  status: Generated<RecordStatus>;
  cancel_reason: string | null;
  cancel_note: string | null;
  cancel_date: string | null;
  origin: Origin;
  batch_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface PersonsTable {
  id: Generated<number>;
  household_id: number;
  name: string;
  id_type: Generated<string>;
  id_number: string;
  id_flagged: Generated<number>;
  sex: string;
  birth_date: string | null;
  ethnicity: string | null;
  relation: string;
  education: string | null;
  school_status: string | null;
  health: string | null;
  labor_skill: string | null;
  work_months: number | null;
  political_status: string | null;
  medical_insurance: number | null;
  serious_illness_insurance: number | null;
  pension_insurance: number | null;
  dibao: number | null;
  tekun: number | null;
  phone: string | null;
  year: number;
  status: Generated<RecordStatus>;
  cancel_reason: string | null;
  cancel_note: string | null;
  cancel_date: string | null;
  origin: Origin;
  batch_id: number | null;
  created_at: string;
  updated_at: string;
}

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'cancel'
  | 'restore'
  | 'move-in'
  | 'move-out'
  | 'set-head'
  /** A file written (entity 'file'), an import committed or undone (entity 'batch'), a setting changed. */
  | 'export'
  | 'import'
  | 'undo-import'
  | 'setting'
  /** A full 证件号码 or phone shown on purpose (migration 0012); changes name the field, no values. */
  | 'reveal';
/** 'record': a thematic ledger's record, entity_id '<ledger id>:<record id>'. */
export type AuditEntity = 'household' | 'person' | 'region' | 'record' | 'file' | 'batch' | 'setting';

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  operator: string;
  action: AuditAction;
  entity: AuditEntity;
  entity_id: string;
  household_id: number | null;
  label: string;
  batch_id: number | null;
  changes: Generated<string>;
  /** SHA-256 chaining this entry to the one before (main/core/audit/audit-chain.ts). */
  hash: string;
}

/** 外出务工三联单: the last number issued per 乡镇 and 年度 ('100-2026'); numbers are never issued twice. */
export interface MigrantSlipCountersTable {
  prefix: string;
  last_number: number;
}

/** 数据质量 (migration 0009, docs/quality.md): the findings of the last check, with 豁免 and 整改 link. */
export interface QualityFindingsTable {
  id: Generated<number>;
  rule_id: string;
  subject_key: string;
  household_id: number | null;
  person_id: number | null;
  record_ledger: string | null;
  record_id: number | null;
  region_code: string | null;
  township_code: string | null;
  message: string;
  fingerprint: string;
  first_found: string;
  last_found: string;
  exempt_reason: string | null;
  exempt_by: string | null;
  exempt_at: string | null;
  exempt_fingerprint: string | null;
  rectification_id: number | null;
}

export interface QualityRunsTable {
  id: Generated<number>;
  region_code: string;
  started_at: string;
  finished_at: string;
  households: number;
  findings: number;
  new_findings: number;
  closed_rectifications: number;
}

export interface DB {
  audit_log: AuditLogTable;
  settings: SettingsTable;
  code_items: CodeItemsTable;
  import_batches: ImportBatchesTable;
  import_templates: ImportTemplatesTable;
  regions: RegionsTable;
  households: HouseholdsTable;
  persons: PersonsTable;
  migrant_slip_counters: MigrantSlipCountersTable;
  quality_findings: QualityFindingsTable;
  quality_runs: QualityRunsTable;
}

export type HouseholdRow = Selectable<HouseholdsTable>;
export type NewHousehold = Insertable<HouseholdsTable>;
export type HouseholdPatch = Updateable<HouseholdsTable>;
export type PersonRow = Selectable<PersonsTable>;
export type NewPerson = Insertable<PersonsTable>;
export type PersonPatch = Updateable<PersonsTable>;
export type RegionRow = Selectable<RegionsTable>;

/**
 * Column names per table at run time, for the schema test. The type below fails to compile when an
 * interface gains a column that is not listed here (or the reverse).
 */
export const TABLE_COLUMNS = {
  audit_log: ['id', 'at', 'operator', 'action', 'entity', 'entity_id', 'household_id', 'label', 'batch_id', 'changes', 'hash'],
  settings: ['key', 'value', 'updated_at'],
  code_items: ['table_key', 'code', 'label', 'aliases', 'retired', 'created_at'],
  import_batches: ['id', 'kind', 'file_name', 'sha256', 'sheet', 'operator', 'summary', 'created_at', 'mapping', 'undone_at', 'undone_by', 'ledger_id'],
  import_templates: ['signature', 'name', 'mapping', 'created_at', 'used_at'],
  regions: ['code', 'parent_code', 'level', 'name', 'official_name', 'sort_order', 'origin', 'created_at', 'updated_at'],
  households: [
    'id', 'household_no', 'township_code', 'village_code', 'group_code', 'head_name', 'head_id_number',
    'poverty_attribute', 'household_type', 'monitor_category', 'poverty_status', 'exit_year', 'main_cause',
    'other_causes', 'member_count', 'phone', 'address', 'identification_standard', 'first_identified_year', 'year',
    'status', 'cancel_reason', 'cancel_note', 'cancel_date', 'origin', 'batch_id', 'created_at', 'updated_at',
  ],
  migrant_slip_counters: ['prefix', 'last_number'],
  persons: [
    'id', 'household_id', 'name', 'id_type', 'id_number', 'id_flagged', 'sex', 'birth_date', 'ethnicity', 'relation',
    'education', 'school_status', 'health', 'labor_skill', 'work_months', 'political_status', 'medical_insurance',
    'serious_illness_insurance', 'pension_insurance', 'dibao', 'tekun', 'phone', 'year', 'status', 'cancel_reason',
    'cancel_note', 'cancel_date', 'origin', 'batch_id', 'created_at', 'updated_at',
  ],
  quality_findings: [
    'id', 'rule_id', 'subject_key', 'household_id', 'person_id', 'record_ledger', 'record_id', 'region_code',
    'township_code', 'message', 'fingerprint', 'first_found', 'last_found', 'exempt_reason', 'exempt_by', 'exempt_at',
    'exempt_fingerprint', 'rectification_id',
  ],
  quality_runs: ['id', 'region_code', 'started_at', 'finished_at', 'households', 'findings', 'new_findings', 'closed_rectifications'],
} as const satisfies { [T in keyof DB]: readonly (keyof DB[T] & string)[] }; // prettier-ignore

type Unlisted = { [T in keyof DB]: Exclude<keyof DB[T], (typeof TABLE_COLUMNS)[T][number]> }[keyof DB];
// If this line fails to compile, a column is missing from TABLE_COLUMNS.
export const TABLE_COLUMNS_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;
