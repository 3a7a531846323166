import { cobuildApi } from '../api/cobuild.ts';
import { Empty, ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { notificationText } from './labels.tsx';
import { NOTIFICATIONS_READ } from './NotificationBadge.tsx';
import { cobuildHref, openDataHref } from './routes.ts';

/** What happened to the submissions one takes part in, newest first; opening the page marks them read. */
export function NotificationsPage() {
  const { t, lang } = useI18n();
  const list = useLoad(async () => {
    const n = await cobuildApi.notifications();
    if (n.unread > 0) {
      await cobuildApi.markRead();
      window.dispatchEvent(new Event(NOTIFICATIONS_READ));
    }
    return n;
  }, []);
  return (
    <section>
      <div className="page-head">
        <h1>{t('cobuild.notifications')}</h1>
      </div>
      {list.loading && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.items.length === 0 && <Empty>{t('cobuild.noNotifications')}</Empty>}
      <ul className="timeline" data-testid="notifications">
        {list.data?.items.map((n) => (
          <li key={n.id} data-testid="notification" data-kind={n.kind} className={n.read ? 'muted' : undefined}>
            {formatDateTime(n.at, lang)} ·{' '}
            {n.submissionId ? (
              <a href={cobuildHref({ kind: 'submission', id: n.submissionId })}>{notificationText(n, t)}</a>
            ) : typeof n.params.release === 'string' ? (
              <a href={openDataHref(n.params.release)}>{notificationText(n, t)}</a>
            ) : (
              notificationText(n, t)
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
