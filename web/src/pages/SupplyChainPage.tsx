import { pactApi } from '../api/pact.ts';
import type { Me } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { useLoad } from '../lib/useLoad.ts';
import { ConnectionsSection } from '../pact/ConnectionsSection.tsx';
import { EventsSection } from '../pact/EventsSection.tsx';
import { PublishedSection } from '../pact/PublishedSection.tsx';
import { PullSection } from '../pact/PullSection.tsx';
import { ReceivedSection } from '../pact/ReceivedSection.tsx';

/** PACT exchange for an enterprise: what it publishes, its partners, and what its suppliers sent. */
export function SupplyChainPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const host = useLoad(() => pactApi.host(), []);
  const footprints = useLoad(() => pactApi.footprints(), []);
  const connections = useLoad(() => pactApi.connections(), []);
  const received = useLoad(() => pactApi.received(), []);
  const events = useLoad(() => pactApi.events(), []);

  return (
    <section data-testid="supply-chain-page">
      <div className="page-head">
        <h1>{t('pact.title')}</h1>
      </div>
      <p className="muted">{t('pact.intro')}</p>
      <PublishedSection host={host} footprints={footprints} />
      <ConnectionsSection
        connections={connections}
        hostUrl={host.data?.url}
        onChanged={() => {
          connections.reload();
          events.reload();
        }}
      />
      <PullSection
        connections={connections.data ?? []}
        onPulled={() => {
          received.reload();
          events.reload();
        }}
      />
      <ReceivedSection me={me} received={received} />
      <EventsSection events={events} />
    </section>
  );
}
