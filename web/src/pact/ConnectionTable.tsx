import { useState } from 'react';
import { pactApi } from '../api/pact.ts';
import type { Connection } from '../api/types.ts';
import { ErrorMessage } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime } from '../lib/format.ts';
import { PartnerEdit } from './PartnerEdit.tsx';

/** The company's partners; revoking stops the partner's tokens at once, so it asks first. */
/** `onChanged` reloads the list after a revocation or a partner host recorded. */
export function ConnectionTable({ connections, onChanged }: { connections: Connection[]; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);

  async function revoke(c: Connection) {
    if (!window.confirm(t('pact.revokeConfirm', { name: c.name }))) return;
    setBusy(c.id);
    setError(null);
    try {
      await pactApi.revokeConnection(c.id);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <ErrorMessage error={error} />
      <div className="table-scroll">
        <table className="table compact" data-testid="connections-table">
          <thead>
            <tr>
              <th>{t('pact.connectionName')}</th>
              <th>client_id</th>
              <th>{t('pact.connectionProducts')}</th>
              <th>{t('pact.partnerUrl')}</th>
              <th>{t('pact.created')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {connections.map((c) => [
              <tr key={c.id} data-testid="connection-row" data-id={c.id} data-revoked={c.revokedAt ? 'true' : 'false'}>
                <td>{c.name}</td>
                <td>
                  <code>{c.clientId}</code>
                </td>
                <td className="small">
                  {c.products.length
                    ? c.products.map((p) => (
                        <code key={p} className="block">
                          {p}
                        </code>
                      ))
                    : t('pact.allProducts')}
                </td>
                <td className="small">
                  {c.partnerUrl ? <code>{c.partnerUrl}</code> : '—'}
                  {c.partnerUrl && (
                    <span className="muted block">
                      {c.partnerClientId && c.hasPartnerSecret ? t('pact.hasCredentials') : t('pact.noCredentials')}
                      {c.hasPartnerCa && ` · ${t('pact.hasCa')}`}
                    </span>
                  )}
                </td>
                <td className="small">{formatDateTime(c.createdAt, lang)}</td>
                <td>
                  {c.revokedAt ? (
                    <span className="badge badge-warn" title={formatDateTime(c.revokedAt, lang)}>
                      {t('pact.revoked')}
                    </span>
                  ) : (
                    <>
                      <button
                        type="button"
                        onClick={() => setEditing(editing === c.id ? null : c.id)}
                        data-testid="connection-edit-partner"
                      >
                        {t('pact.partnerEdit')}
                      </button>{' '}
                      <button
                        type="button"
                        disabled={busy !== null}
                        onClick={() => void revoke(c)}
                        data-testid="connection-revoke"
                      >
                        {busy === c.id ? t('common.loading') : t('pact.revoke')}
                      </button>
                    </>
                  )}
                </td>
              </tr>,
              editing === c.id && (
                <tr key={`${c.id}-edit`}>
                  <td colSpan={6}>
                    <PartnerEdit
                      connection={c}
                      onSaved={() => {
                        setEditing(null);
                        onChanged();
                      }}
                    />
                  </td>
                </tr>
              ),
            ])}
          </tbody>
        </table>
      </div>
    </>
  );
}
