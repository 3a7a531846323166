import { useState } from 'react';
import type { Me, ReceivedFootprint } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import type { Loaded } from '../lib/useLoad.ts';
import { ProductIds } from './PublishedSection.tsx';
import { UseInStudy } from './UseInStudy.tsx';

/** Suppliers' footprints as they arrived, each with where it came from, ready to cost a study entry. */
export function ReceivedSection({ me, received }: { me: Me; received: Loaded<ReceivedFootprint[]> }) {
  const { t, lang } = useI18n();
  const [using, setUsing] = useState<ReceivedFootprint | null>(null);
  return (
    <section className="card">
      <h2>{t('pact.received')}</h2>
      {received.loading && !received.data && <Loading />}
      <ErrorMessage error={received.error} />
      {received.data?.length === 0 && <p className="muted">{t('pact.noReceived')}</p>}
      {received.data && received.data.length > 0 && (
        <div className="table-scroll">
          <table className="table compact" data-testid="received-table">
            <thead>
              <tr>
                <th>{t('pact.partner')}</th>
                <th>{t('pact.company')}</th>
                <th>{t('pact.product')}</th>
                <th className="num">{t('pact.pcfPerUnit')}</th>
                <th>{t('pact.via')}</th>
                <th>{t('pact.source')}</th>
                <th>{t('pact.receivedAt')}</th>
                <th>{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {received.data.map((r) => (
                <tr key={r.id} data-testid="received-row" data-id={r.id}>
                  <td>{r.connection}</td>
                  <td>{r.companyName}</td>
                  <td>
                    {r.productName}
                    <ProductIds ids={r.productIds} />
                  </td>
                  <td className="num nowrap">
                    {formatNumber(Number(r.pcf), lang)} kg CO2e / {r.declaredUnit}
                  </td>
                  <td className="nowrap">
                    {t(`pact.via.${r.via}`)} · v{r.spec}
                  </td>
                  <td className="small">
                    {/* a long URL may wrap anywhere, or it would widen the table past the page */}
                    <code className="block" style={{ overflowWrap: 'anywhere' }}>
                      {r.sourceUrl}
                    </code>
                    <span className="muted">{r.pfId}</span>
                  </td>
                  <td className="small">{formatDateTime(r.receivedAt, lang)}</td>
                  <td>
                    <button type="button" onClick={() => setUsing(r)} data-testid="use-in-study">
                      {t('pact.useInStudy')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {using && <UseInStudy key={using.id} me={me} received={using} onClose={() => setUsing(null)} />}
    </section>
  );
}
