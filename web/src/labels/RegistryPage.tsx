import { useState, type FormEvent } from 'react';
import { GRADES } from '../../../src/model/credential.ts';
import { labelFileUrl, labelsApi, type LabelDetail, type RegistryItem, type RegistryQuery } from '../api/labels.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { href } from '../router.ts';
import { GradeBadge, StatusBadge } from './badges.tsx';

/** The public registry of labelled products: search, and each label's disclosed data and files. No account needed. */
export function RegistryPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const [query, setQuery] = useState<RegistryQuery>({});
  const [draft, setDraft] = useState<RegistryQuery>({});
  const list = useLoad(() => labelsApi.registry(query), [JSON.stringify(query)]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery(draft);
  };
  return (
    <section data-testid="registry-page">
      <div className="page-head">
        <h1>{t('label.registry.title')}</h1>
        <a href={href({ page: 'verify' })}>{t('label.verify.nav')}</a>
      </div>
      <p className="muted small">{t('label.registry.intro')}</p>
      <form className="toolbar" onSubmit={submit}>
        <input
          aria-label={t('label.registry.search')}
          placeholder={t('label.registry.search')}
          value={draft.q ?? ''}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          data-testid="registry-q"
        />
        <input
          aria-label={t('label.f.region')}
          placeholder={t('label.f.region')}
          value={draft.region ?? ''}
          onChange={(e) => setDraft({ ...draft, region: e.target.value.trim().toUpperCase() })}
          size={8}
        />
        <select
          aria-label={t('label.f.grade')}
          value={draft.grade ?? ''}
          onChange={(e) => setDraft({ ...draft, grade: e.target.value })}
        >
          <option value="">{t('label.f.anyGrade')}</option>
          {GRADES.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </select>
        <select
          aria-label={t('label.f.status')}
          value={draft.status ?? ''}
          onChange={(e) => setDraft({ ...draft, status: e.target.value })}
        >
          <option value="">{t('label.f.anyStatus')}</option>
          {(['active', 'superseded', 'revoked'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`label.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('label.registry.searchButton')}</button>
      </form>
      {list.loading && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.length === 0 && <p className="muted">{t('label.registry.none')}</p>}
      {list.data && list.data.length > 0 && <RegistryTable rows={list.data} current={id} />}
      {id && <LabelDetailView key={id} id={id} />}
    </section>
  );
}

function RegistryTable({ rows, current }: { rows: RegistryItem[]; current?: string }) {
  const { t, lang } = useI18n();
  return (
    <table className="table" data-testid="registry-table">
      <thead>
        <tr>
          <th>{t('label.f.product')}</th>
          <th>{t('label.f.company')}</th>
          <th className="num">{t('label.f.value')}</th>
          <th>{t('label.f.grade')}</th>
          <th>{t('label.f.pcr')}</th>
          <th>{t('label.f.region')}</th>
          <th>{t('label.f.verifier')}</th>
          <th>{t('label.f.validUntil')}</th>
          <th>{t('label.f.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.id}
            data-testid="registry-row"
            data-label={r.id}
            aria-current={r.id === current ? 'true' : undefined}
          >
            <td>
              <a href={href({ page: 'registry', id: r.id })}>{r.product}</a>
            </td>
            <td>{r.company}</td>
            <td className="num nowrap">
              {formatNumber(r.value, lang)} kg CO2e / {r.declaredUnit}
            </td>
            <td>
              <GradeBadge grade={r.grade} />
            </td>
            <td className="small">{r.pcr}</td>
            <td>{r.region}</td>
            <td className="small">{r.verifier}</td>
            <td className="nowrap">{formatDateTime(r.validUntil, lang).slice(0, 10)}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LabelDetailView({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const detail = useLoad(() => labelsApi.detail(id), [id]);
  if (detail.loading) return <Loading />;
  if (!detail.data) return <ErrorMessage error={detail.error} />;
  return <Disclosure detail={detail.data} lang={lang} t={t} />;
}

function Disclosure({
  detail,
  lang,
  t,
}: {
  detail: LabelDetail;
  lang: 'zh' | 'en';
  t: ReturnType<typeof useI18n>['t'];
}) {
  const { item, disclosure: d } = detail;
  const f = d.footprint;
  return (
    <div className="card" data-testid="label-detail">
      <h2>
        {item.product} <StatusBadge status={item.status} />
      </h2>
      {item.status !== 'active' && <p className="alert alert-error">{item.statusReason}</p>}
      <div className="label-preview">
        {/* an SVG shown as an image cannot run script */}
        <img src={labelFileUrl(item.id, 'label.svg', lang)} alt={t('label.preview')} width={300} height={180} />
      </div>
      <dl className="facts">
        <dt>{t('label.f.value')}</dt>
        <dd data-testid="label-value">
          {formatNumber(f.value, lang)} kg CO2e / {f.declaredUnit.amount} {f.declaredUnit.unit}{' '}
          {f.declaredUnit.description && `(${f.declaredUnit.description})`}
        </dd>
        <dt>{t('label.f.removals')}</dt>
        <dd>{formatNumber(f.removals, lang)} kg CO2e</dd>
        <dt>{t('label.f.grade')}</dt>
        <dd>
          <GradeBadge grade={d.grade?.grade ?? null} />{' '}
          {d.grade &&
            t('label.gradeOf', {
              benchmark: `${d.grade.benchmark.title[lang]} v${d.grade.benchmark.version}`,
              bounds: d.grade.benchmark.bounds.join(' | '),
            })}
          {d.grade && !d.grade.benchmark.verified && (
            <span className="badge badge-warn">{t('label.unverifiedSource')}</span>
          )}
        </dd>
        <dt>{t('label.f.pcr')}</dt>
        <dd>
          {d.pcr.title[lang]} ({d.pcr.id} {d.pcr.version}) · {d.standard}
        </dd>
        <dt>{t('label.f.company')}</dt>
        <dd>
          {d.product.company.name} · {d.product.region}
        </dd>
        <dt>{t('label.f.verifier')}</dt>
        <dd>
          {detail.issuer.name} · {d.verification.verifier} · {d.verification.statement}
        </dd>
        <dt>{t('label.f.validity')}</dt>
        <dd>
          {item.validFrom.slice(0, 10)} – {item.validUntil.slice(0, 10)}
        </dd>
        <dt>{t('label.f.study')}</dt>
        <dd>
          {d.study.name} (v{d.study.version}, {d.study.boundary}, {d.study.year}) · {t('label.f.releases')}{' '}
          {d.result.releases.lci} + {d.result.releases.factors} · {d.result.gwpSet} · {t('label.f.primaryShare')}{' '}
          {Math.round(d.result.primaryDataShare * 100)}% · DQR {d.result.dqr.toFixed(1)}
        </dd>
        <dt>{t('label.f.resultHash')}</dt>
        <dd className="mono small">{d.result.hash}</dd>
      </dl>
      <h3>{t('label.f.stages')}</h3>
      <table className="table compact">
        <tbody>
          {f.byStage.map((s) => (
            <tr key={s.stage}>
              <td>{s.name[lang]}</td>
              <td className="num">{formatNumber(s.value, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('label.f.lines')}</h3>
      <table className="table compact">
        <tbody>
          {Object.entries(f.lines).map(([line, v]) => (
            <tr key={line}>
              <td>{t(`label.line.${line as keyof typeof f.lines}`)}</td>
              <td className="num">{formatNumber(v, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="downloads">
        <a href={labelFileUrl(item.id, 'credential')} download data-testid="download-credential">
          {t('label.download.credential')}
        </a>
        {(['svg', 'png', 'pdf'] as const).map((fmt) =>
          (['zh', 'en'] as const).map((l) => (
            <a key={`${fmt}-${l}`} href={labelFileUrl(item.id, `label.${fmt}`, l)} download>
              {fmt.toUpperCase()} {l === 'zh' ? '中文' : 'EN'}
            </a>
          )),
        )}
        <a href={labelFileUrl(item.id, 'pact')} download>
          PACT v3.0
        </a>
        {f.declaredUnit.unit === 'kWh' && (
          <a href={labelFileUrl(item.id, 'battery-passport')} download>
            {t('label.download.battery')}
          </a>
        )}
        <a href={href({ page: 'verify', id: item.id })} data-testid="verify-link">
          {t('label.verify.this')}
        </a>
      </p>
    </div>
  );
}
