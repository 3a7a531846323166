import { useState } from 'react';
import type { Connection, NewConnection } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import type { Loaded } from '../lib/useLoad.ts';
import { ConnectionForm } from './ConnectionForm.tsx';
import { ConnectionTable } from './ConnectionTable.tsx';
import { NewSecret } from './NewSecret.tsx';

interface ConnectionsSectionProps {
  connections: Loaded<Connection[]>;
  hostUrl?: string;
  onChanged: () => void;
}

export function ConnectionsSection({ connections, hostUrl, onChanged }: ConnectionsSectionProps) {
  const { t } = useI18n();
  // kept only in this component's state: leaving the page forgets the secret, as promised
  const [created, setCreated] = useState<NewConnection | null>(null);
  return (
    <section className="card">
      <h2>{t('pact.connections')}</h2>
      <p className="small muted">{t('pact.connectionsIntro')}</p>
      {created && <NewSecret created={created} hostUrl={hostUrl} onDone={() => setCreated(null)} />}
      {connections.loading && !connections.data && <Loading />}
      <ErrorMessage error={connections.error} />
      {connections.data?.length === 0 && <p className="muted">{t('pact.noConnections')}</p>}
      {connections.data && connections.data.length > 0 && (
        <ConnectionTable connections={connections.data} onChanged={onChanged} />
      )}
      <h3>{t('pact.connectionNew')}</h3>
      <ConnectionForm
        onAdded={(c) => {
          setCreated(c);
          onChanged();
        }}
      />
    </section>
  );
}
