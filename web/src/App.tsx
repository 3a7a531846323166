import { useSession } from './auth/session.tsx';
import { CobuildPage } from './cobuild/CobuildPage.tsx';
import { OpenDataPage } from './cobuild/OpenDataPage.tsx';
import { Header } from './components/Header.tsx';
import { Empty, ErrorMessage, Loading } from './components/status.tsx';
import { useI18n } from './i18n/context.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MapPage } from './pages/MapPage.tsx';
import { StudiesPage } from './pages/StudiesPage.tsx';
import { StudyPage } from './pages/StudyPage.tsx';
import { SupplyChainPage } from './pages/SupplyChainPage.tsx';
import { AdminPage } from './admin/AdminPage.tsx';
import { PortfolioPage } from './portfolio/PortfolioPage.tsx';
import { href, useRoute } from './router.ts';
import { RegistryPage } from './labels/RegistryPage.tsx';
import { VerifyPage } from './labels/VerifyPage.tsx';
import { VerifierPage } from './labels/VerifierPage.tsx';

export function App() {
  const route = useRoute();
  const { me, error } = useSession();
  const { t } = useI18n();

  let page;
  if (me === undefined) page = <Loading />;
  else if (route.page === 'map') page = <MapPage />;
  else if (route.page === 'open-data') page = <OpenDataPage me={me} release={route.release} q={route.q} />;
  // the registry and the verify page are public: no account
  else if (route.page === 'registry') page = <RegistryPage id={route.id} />;
  else if (route.page === 'verify') page = <VerifyPage id={route.id} />;
  // Signing in on any other page keeps the user where they were headed.
  else if (!me || route.page === 'login') page = <LoginPage onLoginPage={route.page === 'login'} />;
  else if (route.page === 'studies' && me.role === 'steward')
    page = <CobuildPage me={me} view={{ kind: 'submissions' }} />;
  else if (route.page === 'studies') page = <StudiesPage me={me} />;
  else if (route.page === 'cobuild') page = <CobuildPage me={me} view={route.view} />;
  else if (route.page === 'new-study' && me.role !== 'enterprise') page = <Empty>{t('studies.cannotCreate')}</Empty>;
  else if (route.page === 'new-study') page = <StudyPage key="new" me={me} id={null} tab="inventory" />;
  else if (route.page === 'study') page = <StudyPage key={route.id} me={me} id={route.id} tab={route.tab} />;
  else if (route.page === 'supply-chain' && me.role !== 'enterprise') page = <Empty>{t('pact.enterpriseOnly')}</Empty>;
  else if (route.page === 'supply-chain') page = <SupplyChainPage me={me} />;
  else if (route.page === 'portfolio')
    page = me.role === 'enterprise' ? <PortfolioPage /> : <Empty>{t('portfolio.enterpriseOnly')}</Empty>;
  else if (route.page === 'admin') page = me.role === 'admin' ? <AdminPage /> : <Empty>{t('admin.only')}</Empty>;
  else if (route.page === 'verification' && me.role !== 'verifier')
    page = <Empty>{t('label.queue.verifiersOnly')}</Empty>;
  else if (route.page === 'verification') page = <VerifierPage />;
  else
    page = (
      <Empty>
        {t('app.notFound')} <a href={href({ page: 'studies' })}>{t('nav.studies')}</a>
      </Empty>
    );

  return (
    <>
      <Header route={route} />
      <main className="main">
        {me === null && !['map', 'open-data', 'registry', 'verify'].includes(route.page) && (
          <ErrorMessage error={error} />
        )}
        {page}
      </main>
    </>
  );
}
