import { useEffect, useState } from 'react';
import { cobuildApi } from '../api/cobuild.ts';
import { useI18n } from '../i18n/context.tsx';
import { cobuildHref } from './routes.ts';

/** How often the header asks for new notifications. */
const POLL_MS = 30_000;

/** Dispatched on window when notifications were marked read, so the bell updates at once. */
export const NOTIFICATIONS_READ = 'tanji:notifications-read';

/** The header's bell: unread notifications, refreshed on every page change and every half minute. */
export function NotificationBadge({ refresh }: { refresh: unknown }) {
  const { t } = useI18n();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () =>
      cobuildApi.notifications().then(
        (n) => live && setUnread(n.unread),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, POLL_MS);
    window.addEventListener(NOTIFICATIONS_READ, load);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_READ, load);
    };
  }, [refresh]);
  return (
    <a
      href={cobuildHref({ kind: 'notifications' })}
      className="nowrap"
      data-testid="notifications-badge"
      data-unread={unread}
    >
      {t('cobuild.notifications')}
      {unread > 0 && <span className="badge badge-warn">{unread}</span>}
    </a>
  );
}
