// Which page the main menu points at. Areas not built yet say so plainly.
import type { NavKey } from '../layout/nav-items.ts';
import { navLabel } from '../layout/nav-items.ts';
import { HomePage } from './home/HomePage.tsx';
import { PendingFeaturePage } from './pending/PendingFeaturePage.tsx';

export function PageOutlet({ page }: { page: NavKey }) {
  if (page === 'home') return <HomePage />;
  return <PendingFeaturePage pageKey={page} title={navLabel(page)} />;
}
