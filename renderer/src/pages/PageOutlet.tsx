// The page the navigation points at.
import type { Route } from '../state/route.ts';
import { HomePage } from './home/HomePage.tsx';
import { HouseholdListPage } from './households/HouseholdListPage.tsx';
import { HouseholdPage } from './households/HouseholdPage.tsx';
import { NewHouseholdPage } from './households/NewHouseholdPage.tsx';
import { ImportPage } from './import/ImportPage.tsx';
import { LedgerIndexPage } from './ledgers/LedgerIndexPage.tsx';
import { LedgerPage } from './ledgers/LedgerPage.tsx';
import { PersonPage } from './persons/PersonPage.tsx';
import { PrintPage } from './print/PrintPage.tsx';
import { PersonSearchPage } from './persons/PersonSearchPage.tsx';
import { ReportsPage } from './reports/ReportsPage.tsx';
import { QualityPage } from './quality/QualityPage.tsx';
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
      return 'report' in route ? (
        <ReportsPage key={route.report} initialId={route.report} />
      ) : (
        <ReportsPage />
      );
    case 'print':
      return <PrintPage />;
    case 'quality':
      return <QualityPage />;
    default: {
      // Every page of the navigation exists; the compiler checks that no route is left without one.
      const none: never = route;
      return none;
    }
  }
}
