import { PCR_TEXTS } from '../../../src/i18n/pcr.ts';
import { requirementWords } from '../../../src/rules/terms.ts';
import { renderIn } from '../../../src/i18n/define.ts';
import { pcrApi } from '../api/pcr.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';

/** "Conformance with <rule>": the check the verifier also sees, the declared result in the rule's units, every requirement. */
export function ConformancePanel({ studyId, version }: { studyId: string; version: number }) {
  const { t, lang } = useI18n();
  const check = useLoad(() => pcrApi.check(studyId), [studyId, version]);
  if (check.loading) return <Loading />;
  if (check.error || !check.data) return <ErrorMessage error={check.error} />;
  const c = check.data;
  const failing = c.findings.filter((f) => f.mandatory && f.status === 'missing').length;
  return (
    <section className="card" data-testid="conformance">
      <h2>{t('pcr.conformance', { rule: c.pcr.title[lang] })}</h2>
      <p className={failing ? 'alert alert-error' : 'alert alert-ok'} data-testid="conformance-verdict">
        {failing ? t('pcr.fails', { count: failing }) : t('pcr.conforms')}
      </p>
      {c.declared?.units.map((u) => (
        <div key={u.id} data-testid="declared-unit">
          <h3>
            {formatNumber(u.value, lang)} kg CO2e/{u.unit}
            <span className="muted small"> · {u.label[lang]}</span>
          </h3>
          <table className="table">
            <tbody>
              {u.byStage.map((s) => (
                <tr key={s.stage}>
                  <td>{s.name[lang]}</td>
                  <td className="num">{formatNumber(s.value, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {c.declared?.performanceClass !== undefined && c.declared?.performanceClass !== null && (
        <p>
          {t('pcr.class')}: <strong>{c.declared.performanceClass}</strong>
        </p>
      )}
      <table className="table checklist">
        <thead>
          <tr>
            <th>{t('pcr.requirement')}</th>
            <th>{t('pcr.status')}</th>
            <th>{t('pcr.finding')}</th>
          </tr>
        </thead>
        <tbody>
          {c.findings.map((f, i) => (
            <tr key={i} data-testid={`finding-${f.status}`}>
              <td>
                {renderIn(PCR_TEXTS, requirementWords(f.requirement), lang)}
                <div className="muted small">
                  {f.rule}
                  {f.mandatory ? '' : ` · ${t('pcr.advisory')}`}
                </div>
              </td>
              <td>
                <span className={`status ${f.status}`}>{t(`pcr.status.${f.status}`)}</span>
              </td>
              <td>{renderIn(PCR_TEXTS, f, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
