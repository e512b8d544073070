// The 数据质量 methods of the contract (shared/contract/quality.ts), over one open ledger.
import { todayIso } from '../../../shared/date-input.ts';
import { DOWNLOAD_PATH_PREFIX } from '../../../shared/api.ts';
import type { qualityContract } from '../../../shared/contract/quality.ts';
import { createCheckJobs, type CheckJobs } from '../quality/check-jobs.ts';
import { exportFindings } from '../quality/export-findings.ts';
import {
  countsByRule,
  countsByVillage,
  exemptFindings,
  listFindings,
  unexemptFindings,
} from '../quality/findings-read.ts';
import { findingsToRectification } from '../quality/rectify.ts';
import { localToday } from '../quality/run-check.ts';
import { requireCounty } from '../regions/county-setup.ts';
import { countyRegion, findRegion } from '../regions/region-tree.ts';
import type { Handlers } from './dispatch.ts';
import type { HandlerContext } from './handlers.ts';

type QualityMethods = keyof typeof qualityContract;

export function qualityHandlers(ctx: HandlerContext): Pick<Handlers, QualityMethods> {
  const { ledger } = ctx;
  let jobs: CheckJobs | null = null;
  // A check runs in the background: its findings are written in turn with the other writes.
  const write = <T>(store: () => T): Promise<T> => ctx.owner.run(true, store);
  const regionOf = (code: string | null) => {
    requireCounty(ledger);
    return code === null ? countyRegion(ledger) : findRegion(ledger, code);
  };
  return {
    'quality.start': ({ regionCode }) => ({ jobId: (jobs ??= createCheckJobs(ledger, write)).start(regionOf(regionCode)) }),
    'quality.job': ({ jobId }) => (jobs ??= createCheckJobs(ledger, write)).get(jobId),
    'quality.cancel': ({ jobId }) => ({ cancelled: jobs?.cancel(jobId) ?? false }),
    'quality.summary': ({ regionCode }) => {
      const region = regionOf(regionCode);
      const last = ledger
        .prepare('SELECT finished_at AS finishedAt, households FROM quality_runs WHERE region_code = ? ORDER BY id DESC LIMIT 1')
        .get(region.code) as { finishedAt: string; households: number } | undefined;
      return { lastRun: last ?? null, rules: countsByRule(ledger, region), villages: countsByVillage(ledger, region) };
    },
    'quality.findings': ({ regionCode, rule, villageCode, state, offset, limit }) =>
      listFindings(ledger, regionOf(regionCode), { rule, villageCode, state, offset, limit }),
    'quality.exempt': ({ ids, reason }) => ({ count: exemptFindings(ledger, ids, reason) }),
    'quality.unexempt': ({ ids }) => ({ count: unexemptFindings(ledger, ids) }),
    'quality.rectify': ({ ids }) => ({ created: findingsToRectification(ledger, ids, localToday()) }),
    'quality.export': async ({ regionCode }) => {
      const region = regionOf(regionCode);
      const fileName = `数据质量问题清单-${region.name}-${todayIso()}.xlsx`;
      const path = ctx.files.tempPath(fileName);
      const rows = await exportFindings(ledger, region, path);
      const fileId = ctx.files.register({ path, name: fileName, temporary: true });
      return { fileId, fileName, downloadPath: ctx.host === 'browser' ? `${DOWNLOAD_PATH_PREFIX}${fileId}` : null, rows };
    },
  };
} // prettier-ignore
