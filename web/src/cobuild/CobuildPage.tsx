import type { Me } from '../api/types.ts';
import { Empty } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { AggregatesPage } from './AggregatesPage.tsx';
import { BenchmarksPage } from './BenchmarksPage.tsx';
import { NotificationsPage } from './NotificationsPage.tsx';
import { ReleasesPage } from './ReleasesPage.tsx';
import { ScreenPage } from './ScreenPage.tsx';
import type { CobuildView } from './routes.ts';
import { SubmissionPage } from './SubmissionPage.tsx';
import { SubmissionsPage } from './SubmissionsPage.tsx';
import { SubmitPage } from './SubmitPage.tsx';

/** The co-construction pages, each for the roles the API lets do it; the server checks again. */
export function CobuildPage({ me, view }: { me: Me; view: CobuildView }) {
  const { t } = useI18n();
  const steward = me.role === 'steward';
  const takesPart = me.role === 'enterprise' || steward || me.role === 'verifier';
  switch (view.kind) {
    case 'notifications':
      return <NotificationsPage />;
    case 'submit':
      return me.role === 'enterprise' ? <SubmitPage /> : <Empty>{t('cobuild.onlyOrganisations')}</Empty>;
    case 'aggregates':
      return steward ? <AggregatesPage /> : <Empty>{t('cobuild.onlyStewards')}</Empty>;
    case 'releases':
      return steward ? <ReleasesPage /> : <Empty>{t('cobuild.onlyStewards')}</Empty>;
    case 'screen':
      return steward ? <ScreenPage release={view.release} /> : <Empty>{t('cobuild.onlyStewards')}</Empty>;
    case 'benchmarks':
      return steward ? <BenchmarksPage /> : <Empty>{t('cobuild.onlyStewards')}</Empty>;
    case 'submission':
      return takesPart ? <SubmissionPage key={view.id} me={me} id={view.id} /> : <Empty>{t('cobuild.noAccess')}</Empty>;
    case 'submissions':
      return takesPart ? <SubmissionsPage me={me} /> : <Empty>{t('cobuild.noAccess')}</Empty>;
  }
}
