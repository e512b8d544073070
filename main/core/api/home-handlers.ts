// The 首页 methods of the contract (shared/contract/home.ts), over one open ledger.
import type { homeContract } from '../../../shared/contract/home.ts';
import { runHomeCard } from '../home/home-card.ts';
import { homeQuality } from '../home/quality-by-region.ts';
import type { Handlers } from './dispatch.ts';
import type { HandlerContext } from './handlers.ts';

type HomeMethods = keyof typeof homeContract;

export function homeHandlers(ctx: HandlerContext): Pick<Handlers, HomeMethods> {
  return {
    'home.card': ({ id, regionCode }) => runHomeCard(ctx.ledger, id, regionCode),
    'home.quality': ({ regionCode }) => homeQuality(ctx.ledger, regionCode),
  };
}
