import { render } from '../../../src/i18n/catalogue.ts';
import type { PactEventRecord } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import type { MessageKey } from '../i18n/zh.ts';
import { formatDateTime } from '../lib/format.ts';
import type { Loaded } from '../lib/useLoad.ts';

/** The states src/pact/events.ts writes; another (a newer server's) shows as it is. */
const EVENT_STATES = ['accepted', 'fetch', 'received', 'fulfilled', 'rejected', 'sent', 'fetched', 'failed'];

/** The CloudEvents exchanged with partners, so that a request that got no answer can be traced. */
export function EventsSection({ events }: { events: Loaded<PactEventRecord[]> }) {
  const { t, lang } = useI18n();
  return (
    <section className="card">
      <div className="section-head">
        <h2>{t('pact.events')}</h2>
        <button type="button" onClick={events.reload} disabled={events.loading}>
          {t('pact.refresh')}
        </button>
      </div>
      {events.loading && !events.data && <Loading />}
      <ErrorMessage error={events.error} />
      {events.data?.length === 0 && <p className="muted">{t('pact.noEvents')}</p>}
      {events.data && events.data.length > 0 && (
        <div className="table-scroll">
          <table className="table compact" data-testid="events-table">
            <thead>
              <tr>
                <th>{t('pact.eventAt')}</th>
                <th>{t('pact.direction')}</th>
                <th>{t('pact.partner')}</th>
                <th>{t('pact.eventType')}</th>
                <th>{t('pact.eventState')}</th>
                <th>{t('pact.eventId')}</th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((e) => (
                <tr key={e.id} data-testid="events-row" data-state={e.state}>
                  <td className="small nowrap">{formatDateTime(e.at, lang)}</td>
                  <td>{t(`pact.direction.${e.direction}`)}</td>
                  <td>{e.connection}</td>
                  <td className="small">
                    <code>{e.type}</code> · v{e.spec}
                  </td>
                  <td>
                    {EVENT_STATES.includes(e.state) ? t(`pact.eventState.${e.state}` as MessageKey) : e.state}
                    {e.error && <span className="small muted block">{render(e.codedError ?? e.error, lang)}</span>}
                    {e.nextAttemptAt && e.attempts > 0 && (
                      <span className="small muted block" data-testid="event-retry">
                        {t('pact.eventRetry', { attempts: e.attempts, at: formatDateTime(e.nextAttemptAt, lang) })}
                      </span>
                    )}
                  </td>
                  <td className="small">
                    <code>{e.eventId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
