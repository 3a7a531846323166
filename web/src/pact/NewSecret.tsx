import type { NewConnection } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';

/** The server keeps only a hash of the secret: this is the one time anyone sees it. */
export function NewSecret({
  created,
  hostUrl,
  onDone,
}: {
  created: NewConnection;
  hostUrl?: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="alert alert-warn" role="status" data-testid="connection-secret">
      <strong>{t('pact.secretOnce', { name: created.connection.name })}</strong>
      <dl className="facts">
        {hostUrl && (
          <>
            <dt>{t('pact.hostUrl')}</dt>
            <dd>
              <code>{hostUrl}</code>
            </dd>
          </>
        )}
        <dt>client_id</dt>
        <dd>
          <code data-testid="connection-client-id">{created.connection.clientId}</code>
        </dd>
        <dt>client_secret</dt>
        <dd>
          <code data-testid="connection-client-secret">{created.clientSecret}</code>
        </dd>
      </dl>
      <button type="button" onClick={onDone} data-testid="connection-secret-done">
        {t('pact.secretDone')}
      </button>
    </div>
  );
}
