// The page the navigation points at. Areas not built yet say so plainly.
import { navLabel } from '../layout/nav-items.ts';
import type { Route } from '../state/route.ts';
import { HomePage } from './home/HomePage.tsx';
import { HouseholdListPage } from './households/HouseholdListPage.tsx';
import { HouseholdPage } from './households/HouseholdPage.tsx';
import { NewHouseholdPage } from './households/NewHouseholdPage.tsx';
import { ImportPage } from './import/ImportPage.tsx';
import { LedgerIndexPage } from './ledgers/LedgerIndexPage.tsx';
import { LedgerPage } from './ledgers/LedgerPage.tsx';
import { PendingFeaturePage } from './pending/PendingFeaturePage.tsx';
import { PersonPage } from './persons/PersonPage.tsx';
import { PrintPage } from './print/PrintPage.tsx';
import { PersonSearchPage } from './persons/PersonSearchPage.tsx';
import { ReportsPage } from './reports/ReportsPage.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';

export function PageOutlet({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'households':
      return <HouseholdListPage />;
    case 'household':
      return <HouseholdPage key={route.id} id={route.id} />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} />;
    case 'new-household':
      return <NewHouseholdPage />;
    case 'person-search':
      return <PersonSearchPage key={route.q} q={route.q} />;
    case 'settings':
      return <SettingsPage />;
    case 'import':
      return 'into' in route ? <ImportPage key={route.into} into={route.into} /> : <ImportPage />;
    case 'special':
      return <LedgerIndexPage />;
    case 'ledger':
      return <LedgerPage key={route.id} id={route.id} />;
    case 'reports':
      return <ReportsPage />;
    case 'print':
      return <PrintPage />;
    default:
      return <PendingFeaturePage pageKey={route.page} title={navLabel(route.page)} />;
  }
}
