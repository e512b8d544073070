// 首页: one card of key indicators for the selected region (shared/home/cards.ts says which report and
// which cells), and the 数据质量 findings per 100 households by region.
import { z } from 'zod';
import { HOME_CARD_IDS } from '../home/cards.ts';
import { method } from './define.ts';
import { regionCode } from './schemas.ts';

const cells = z.record(z.string(), z.number().nullable());
const shownRegion = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['county', 'township', 'village', 'group']),
});

export const homeContract = {
  'home.card': method({
    summary: '首页一项指标：所选区划的报表合计数与各乡镇（或各村）数',
    request: z.object({ id: z.enum(HOME_CARD_IDS), regionCode: regionCode.nullable() }).strict(),
    response: z.object({
      id: z.string(),
      reportId: z.string(),
      reportTitle: z.string(),
      /** The region counted: the selection, or the village of a selected 组. */
      region: shownRegion,
      year: z.number().int().nullable(),
      asOf: z.string(),
      /** Report cell → value in the 合计 row (only the cells the card shows). */
      total: cells,
      /** The 乡镇 (or 村) rows, for a card charted by region; empty otherwise. */
      regions: z.array(z.object({ regionCode: z.string(), label: z.string(), values: cells })),
    }),
    errors: ['not-found', 'not-initialized'],
  }),
  'home.quality': method({
    summary: '首页数据质量：各乡镇每百户问题数（上次检查的结果）',
    request: z.object({ regionCode: regionCode.nullable() }).strict(),
    response: z.object({
      region: shownRegion,
      /** When a check covering the region last finished (ISO time); null: never checked, no rows. */
      checkedAt: z.string().nullable(),
      /** The rows added up. */
      total: z.object({
        households: z.number().int(),
        findings: z.number().int(),
        householdsWithFindings: z.number().int(),
        per100: z.number().nullable(),
      }),
      /** Per 乡镇 (the county: every one; below: its own): open findings per 100 active households. */
      rows: z.array(
        z.object({
          regionCode: z.string(),
          label: z.string(),
          households: z.number().int(),
          findings: z.number().int(),
          householdsWithFindings: z.number().int(),
          per100: z.number().nullable(),
        }),
      ),
    }),
    errors: ['not-found', 'not-initialized'],
  }),
}; // prettier-ignore
