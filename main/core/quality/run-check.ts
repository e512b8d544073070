// Runs the 数据质量 rules for a region (or the households an import touched) and stores what fires in
// quality_findings: a finding found again keeps its 豁免 and its 整改 record; one that no longer fires is
// removed and its 整改 record closed (销号, with the date). Rules run one at a time between yields, so a
// long county check reports progress and can be cancelled before anything is written.
import crypto from 'node:crypto';
import type { Ledger } from '../db/open-ledger.ts';
import { dataYear } from '../ledger/operator.ts';
import type { RegionNode } from '../regions/region-tree.ts';
import { nowIso } from '../clock.ts';
import { QUALITY_RULES, type FindingRow, type QualityRule, type RuleContext } from './rules/index.ts';
import { closeRectifications } from './rectify.ts';
import { SCOPE } from './rules/sql-parts.ts';

export interface CheckScope {
  /** The region checked (its households, and the region records inside it). */
  region: RegionNode;
  /** Only these households (after an import): region-only records are then left alone. */
  householdIds?: readonly number[];
}

export interface CheckOptions {
  /** YYYY-MM-DD; default the machine's date. */
  today?: string;
  rules?: readonly QualityRule[];
  onProgress?: (done: number, total: number, rule: QualityRule) => void;
  /** Checked between rules: true stops the run and writes nothing. */
  cancelled?: () => boolean;
  /** Runs the final write: the owner's write queue for a check in the background (it then waits out an
   * import's commit instead of racing it); default at once. */
  write?: <T>(store: () => T) => Promise<T>;
}

export interface CheckSummary {
  households: number;
  rules: number;
  /** Open findings after the run (exempt ones not counted: the clerk already checked those). */
  findings: number;
  /** Findings this run found again that stay 豁免. */
  exempt: number;
  newFindings: number;
  closedRectifications: number;
  cancelled: boolean;
}

interface Computed {
  rule: QualityRule;
  row: FindingRow;
  key: string;
  message: string;
  fingerprint: string;
}

const ID_COLUMNS = new Set(['household_id', 'person_id', 'record_id', 'region_code']);

export const localToday = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** What fired, named: the record it fired on, so a 豁免 and a 整改 follow the same record run after run. */
export function subjectKey(rule: QualityRule, row: FindingRow): string {
  if (row.record_id !== null) return `r:${rule.ledger ?? rule.scope}:${row.record_id}`;
  if (row.person_id !== null) return `p:${row.person_id}`;
  if (row.household_id !== null) return `h:${row.household_id}`;
  return `g:${row.region_code ?? ''}`;
}

/** A hash of the values the rule looked at (every column but the ids): a 豁免 holds while it is unchanged. */
export function fingerprintOf(row: FindingRow): string {
  const values = Object.keys(row)
    .filter((k) => !ID_COLUMNS.has(k))
    .sort()
    .map((k) => [k, row[k] ?? null]);
  return crypto.createHash('sha1').update(JSON.stringify(values)).digest('hex').slice(0, 16);
}

function fillScope(ledger: Ledger, scope: CheckScope): number {
  const db = ledger.sqlite;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS quality_scope (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS quality_regions (code TEXT PRIMARY KEY);
    DELETE FROM temp.quality_scope; DELETE FROM temp.quality_regions;`);
  if (scope.householdIds) {
    const insert = db.prepare('INSERT OR IGNORE INTO temp.quality_scope (id) VALUES (?)');
    for (const id of scope.householdIds) insert.run(id);
  } else {
    const column = { county: null, township: 'township_code', village: 'village_code', group: 'group_code' }[
      scope.region.level
    ];
    db.prepare(
      `INSERT INTO temp.quality_scope (id) SELECT id FROM households WHERE ${column === null ? '1 = 1' : `${column} = ?`}`,
    ).run(...(column === null ? [] : [scope.region.code]));
    db.prepare(
      `WITH RECURSIVE sub(code) AS (SELECT ? UNION ALL SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code)
       INSERT INTO temp.quality_regions (code) SELECT code FROM sub`,
    ).run(scope.region.code);
  }
  return db.prepare('SELECT COUNT(*) FROM temp.quality_scope').pluck().get() as number;
}

/**
 * The rules' SCOPE condition for this run: a region becomes an indexed condition on the household's
 * township/village/group column (no lookup per row), a list of households stays the temp table.
 */
function scopeCondition(scope: CheckScope): string {
  if (scope.householdIds) return SCOPE;
  switch (scope.region.level) {
    case 'county':
      return '1 = 1';
    case 'township':
      return 'h.township_code = @scope_code';
    case 'village':
      return 'h.village_code = @scope_code';
    case 'group':
      return 'h.group_code = @scope_code';
  }
}

function ledgerIsKept(ledger: Ledger, id: string): boolean {
  return ledger.sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM ledger_${id})`).pluck().get() === 1;
}

function computeRule(ctx: RuleContext, rule: QualityRule): Computed[] {
  if (rule.needsLedger && !ledgerIsKept(ctx.ledger, rule.needsLedger)) return [];
  const rows = rule.sql ? ctx.all(rule.sql) : (rule.run?.(ctx) ?? []);
  return rows.map((row) => ({
    rule,
    row,
    key: subjectKey(rule, row),
    message: rule.message(row),
    fingerprint: fingerprintOf(row),
  }));
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the rules over the scope and stores the result; async only to yield between rules. */
export async function runQualityCheck(
  ledger: Ledger,
  scope: CheckScope,
  options: CheckOptions = {},
): Promise<CheckSummary> {
  const rules = options.rules ?? QUALITY_RULES;
  const today = options.today ?? localToday();
  const year = dataYear(ledger);
  // Ages are taken at the data date: the end of the data year, or today if that is earlier.
  const asof = `${year}-12-31` < today ? `${year}-12-31` : today;
  const memo = new Map<string, unknown>();
  const condition = scopeCondition(scope);
  const ctx: RuleContext = {
    ledger,
    all: <T>(text: string) => ledger.sqlite.prepare(text.replaceAll(SCOPE, condition)).all(ctx.params) as T[],
    // 义务教育适龄 is counted on 1 September of the school year the data date falls in.
    params: {
      today,
      asof,
      year,
      scope_code: scope.region.code,
      school_date: `${asof.slice(5) >= '09-01' ? asof.slice(0, 4) : Number(asof.slice(0, 4)) - 1}-09-01`,
    },
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
  const started = nowIso();
  const households = fillScope(ledger, scope);
  const computed: Computed[] = [];
  for (const [i, rule] of rules.entries()) {
    if (options.cancelled?.())
      return {
        households,
        rules: i,
        findings: 0,
        exempt: 0,
        newFindings: 0,
        closedRectifications: 0,
        cancelled: true,
      };
    if (scope.householdIds && rule.byRegion) continue;
    computed.push(...computeRule(ctx, rule));
    options.onProgress?.(i + 1, rules.length, rule);
    await yieldToEventLoop();
  }
  if (options.cancelled?.())
    return {
      households,
      rules: rules.length,
      findings: 0,
      exempt: 0,
      newFindings: 0,
      closedRectifications: 0,
      cancelled: true,
    };
  const store = () => {
    const stored = storeFindings(ledger, scope, rules, computed, today);
    ledger.sqlite
      .prepare(
        `INSERT INTO quality_runs (region_code, started_at, finished_at, households, findings, new_findings, closed_rectifications)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(scope.region.code, started, nowIso(), households, stored.open, stored.newFindings, stored.closed);
    return stored;
  };
  const stored = options.write ? await options.write(store) : store();
  return {
    households,
    rules: rules.length,
    findings: stored.open,
    exempt: stored.exempt,
    newFindings: stored.newFindings,
    closedRectifications: stored.closed,
    cancelled: false,
  };
}

function townshipsOfRegions(ledger: Ledger): Map<string, string> {
  const rows = ledger.sqlite
    .prepare(
      `SELECT r.code, CASE r.level WHEN 'township' THEN r.code WHEN 'village' THEN r.parent_code
         WHEN 'group' THEN (SELECT v.parent_code FROM regions v WHERE v.code = r.parent_code) END AS township
       FROM regions r`,
    )
    .all() as { code: string; township: string | null }[];
  return new Map(rows.filter((r) => r.township !== null).map((r) => [r.code, r.township as string]));
}

function storeFindings(
  ledger: Ledger,
  scope: CheckScope,
  rules: readonly QualityRule[],
  computed: readonly Computed[],
  today: string,
): { newFindings: number; closed: number; open: number; exempt: number } {
  const db = ledger.sqlite;
  const townships = townshipsOfRegions(ledger);
  const ruleIds = rules.filter((r) => !(scope.householdIds && r.byRegion)).map((r) => r.id);
  return db.transaction(() => {
    db.exec(
      'CREATE TEMP TABLE IF NOT EXISTS quality_rules_run (id TEXT PRIMARY KEY); DELETE FROM temp.quality_rules_run;',
    );
    const addRule = db.prepare('INSERT INTO temp.quality_rules_run (id) VALUES (?)');
    for (const id of ruleIds) addRule.run(id);
    // The findings this run is responsible for: its rules, on its households or (region rules) its regions.
    const existing = db
      .prepare(
        `SELECT f.id, f.rule_id, f.subject_key, f.rectification_id, f.exempt_fingerprint FROM quality_findings f
         WHERE f.rule_id IN (SELECT id FROM temp.quality_rules_run)
           AND (f.household_id IN (SELECT id FROM temp.quality_scope)
             OR (f.household_id IS NULL AND f.region_code IN (SELECT code FROM temp.quality_regions)))`,
      )
      .all() as {
      id: number;
      rule_id: string;
      subject_key: string;
      rectification_id: number | null;
      exempt_fingerprint: string | null;
    }[];
    const byKey = new Map(existing.map((f) => [`${f.rule_id}\u0000${f.subject_key}`, f]));
    const at = nowIso();
    const upsert = db.prepare(
      `INSERT INTO quality_findings (rule_id, subject_key, household_id, person_id, record_ledger, record_id, region_code,
         township_code, message, fingerprint, first_found, last_found)
       VALUES (@rule, @key, @household, @person, @ledger, @record, @region, @township, @message, @fp, @at, @at)
       ON CONFLICT (rule_id, subject_key) DO UPDATE SET household_id = excluded.household_id, person_id = excluded.person_id,
         region_code = excluded.region_code, township_code = excluded.township_code, message = excluded.message,
         fingerprint = excluded.fingerprint, last_found = excluded.last_found`,
    );
    let newFindings = 0;
    // A finding whose 豁免 still holds (same fingerprint) is not reported as a problem again.
    let exempt = 0;
    const seen = new Set<string>();
    for (const c of computed) {
      const k = `${c.rule.id}\u0000${c.key}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const result = upsert.run({
        rule: c.rule.id,
        key: c.key,
        household: c.row.household_id,
        person: c.row.person_id,
        ledger: c.row.record_id === null ? null : (c.rule.ledger ?? null),
        record: c.row.record_id,
        region: c.row.region_code,
        township: c.row.region_code === null ? null : (townships.get(c.row.region_code) ?? null),
        message: c.message,
        fp: c.fingerprint,
        at,
      });
      if (!byKey.has(k) && result.changes > 0) newFindings++;
      if (byKey.get(k)?.exempt_fingerprint === c.fingerprint) exempt++;
    }
    const gone = existing.filter((f) => !seen.has(`${f.rule_id}\u0000${f.subject_key}`));
    const remove = db.prepare('DELETE FROM quality_findings WHERE id = ?');
    for (const f of gone) remove.run(f.id);
    const closed = closeRectifications(
      ledger,
      gone.flatMap((f) => (f.rectification_id === null ? [] : [f.rectification_id])),
      today,
    );
    return { newFindings, closed, open: seen.size - exempt, exempt };
  })();
}
