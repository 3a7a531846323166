import { useState } from 'react';
import { render } from '../../../src/i18n/catalogue.ts';
import { SCREEN_RULE_NAMES, type ScreenCode } from '../../../src/i18n/screen.ts';
import { cobuildApi, type ScreenFinding, type ScreenReport } from '../api/cobuild.ts';
import { NameCell } from '../components/NameCell.tsx';
import { Empty, ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { navigate } from '../router.ts';
import { cobuildHref, openDataHref } from './routes.ts';

/** Rows shown per rule and in the quarantine list before "show all": the TianGong screen has 1,645 of one rule. */
const FIRST_ROWS = 20;

/**
 * The steward's view of the quality screen of an LCI release: counts, loops, the findings grouped
 * by rule (each in the reader's language with its numbers), a filter by rule, and the quarantined
 * processes. Names come from the data and are shown as React text, never as HTML.
 */
export function ScreenPage({ release }: { release?: string }) {
  const { t } = useI18n();
  const releases = useLoad(() => cobuildApi.openReleases(), []);
  const lci = releases.data?.filter((r) => r.processes > 0) ?? [];
  return (
    <section>
      <div className="page-head">
        <h1>{t('screen.title')}</h1>
        <a className="button" href={cobuildHref({ kind: 'releases' })}>
          {t('cobuild.releases.title')}
        </a>
      </div>
      <p className="muted small">{t('screen.intro')}</p>
      <ErrorMessage error={releases.error} />
      <label className="field narrow">
        <span>{t('screen.release')}</span>
        <select
          value={release ?? ''}
          onChange={(e) =>
            navigate({ page: 'cobuild', view: { kind: 'screen', release: e.target.value || undefined } })
          }
          data-testid="screen-release"
        >
          <option value="">{t('screen.chooseRelease')}</option>
          {lci.map((r) => (
            <option key={r.release} value={r.release}>
              {r.release}
            </option>
          ))}
        </select>
      </label>
      {release && <ReleaseScreen key={release} release={release} />}
    </section>
  );
}

function ReleaseScreen({ release }: { release: string }) {
  const { t, lang } = useI18n();
  const report = useLoad(() => cobuildApi.screen(release), [release]);
  const [code, setCode] = useState('');
  if (report.loading) return <Loading />;
  if (report.error) return <ErrorMessage error={report.error} />;
  const r = report.data;
  if (!r) return <Empty>{t('screen.none')}</Empty>;
  const ruleName = (c: string) => SCREEN_RULE_NAMES[c as ScreenCode]?.[lang] ?? c;
  const withFindings = r.rules.filter((rule) => (r.counts[rule.code] ?? 0) > 0);
  const shown = withFindings.filter((rule) => !code || rule.code === code);
  return (
    <>
      <p data-testid="screen-summary">
        {t('screen.summary', {
          processes: formatNumber(r.processes, lang),
          quarantined: formatNumber(r.quarantined.length, lang),
          scored: formatNumber(r.scored, lang),
          method: r.method,
          at: formatDateTime(r.screenedAt, lang),
        })}
      </p>
      {r.loops.length > 0 && <Loops report={r} />}
      {withFindings.length === 0 ? (
        <Empty>{t('screen.noFindings')}</Empty>
      ) : (
        <label className="field narrow">
          <span>{t('screen.filter')}</span>
          <select value={code} onChange={(e) => setCode(e.target.value)} data-testid="screen-filter">
            <option value="">{t('screen.allRules', { count: formatNumber(r.findings.length, lang) })}</option>
            {withFindings.map((rule) => (
              <option key={rule.code} value={rule.code}>
                {t('screen.ruleOption', { name: ruleName(rule.code), count: r.counts[rule.code] ?? 0 })}
              </option>
            ))}
          </select>
        </label>
      )}
      {shown.map((rule) => (
        <RuleFindings
          key={rule.code}
          release={release}
          code={rule.code}
          name={ruleName(rule.code)}
          severity={rule.severity}
          findings={r.findings.filter((f) => f.code === rule.code)}
        />
      ))}
      <Quarantined release={release} report={r} ruleName={ruleName} />
    </>
  );
}

function Loops({ report }: { report: ScreenReport }) {
  const { t, lang } = useI18n();
  return (
    <div className="card">
      <h2>{t('screen.loops')}</h2>
      <table className="table" data-testid="screen-loops">
        <thead>
          <tr>
            <th className="num">{t('screen.loopSize')}</th>
            <th className="num">{t('screen.loopRadius')}</th>
            <th className="num">{t('screen.loopFeedback')}</th>
            <th>{t('screen.loopExamples')}</th>
          </tr>
        </thead>
        <tbody>
          {[...report.loops]
            .sort((a, b) => b.size - a.size)
            .map((l, i) => (
              <tr key={i} data-testid="screen-loop">
                <td className="num">{l.size}</td>
                <td className="num">{l.radius >= 1 ? '≥ 1' : formatNumber(l.radius, lang)}</td>
                <td className="num">{l.feedback === null ? t('screen.unbounded') : formatNumber(l.feedback, lang)}</td>
                <td className="small">{l.examples.join('; ')}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

/** A process's name in the reader's language first, the other under it, with its id: a link to it in the open data. */
function ProcessCell({ release, f }: { release: string; f: ScreenFinding }) {
  const { lang } = useI18n();
  const [first, second] =
    lang === 'zh' && f.processNameZh ? [f.processNameZh, f.processName] : [f.processName, f.processNameZh];
  return (
    <NameCell detail={f.processId}>
      <a href={openDataHref(release, f.processId)} data-testid="screen-process">
        {first}
      </a>
      {second && <div className="small">{second}</div>}
    </NameCell>
  );
}

function RuleFindings(p: {
  release: string;
  code: string;
  name: string;
  severity: 'quarantine' | 'note';
  findings: ScreenFinding[];
}) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const rows = all ? p.findings : p.findings.slice(0, FIRST_ROWS);
  return (
    <div className="card" data-testid="screen-rule" data-code={p.code}>
      <h2>
        {p.name} <span className="small muted">{p.code}</span>{' '}
        <span className={p.severity === 'quarantine' ? 'badge badge-warn' : 'badge'}>{t(`screen.${p.severity}`)}</span>
      </h2>
      <p className="small muted">{t('screen.findings', { count: formatNumber(p.findings.length, lang) })}</p>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('screen.process')}</th>
              <th>{t('screen.region')}</th>
              <th>{t('screen.finding')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f, i) => (
              <tr key={`${f.processId}:${i}`} data-testid="screen-finding">
                <ProcessCell release={p.release} f={f} />
                <td className="nowrap">{f.location ?? '—'}</td>
                <td className="small">{render(f, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && p.findings.length > FIRST_ROWS && (
        <button type="button" onClick={() => setAll(true)} data-testid="screen-show-all">
          {t('screen.showAll', { count: formatNumber(p.findings.length, lang) })}
        </button>
      )}
    </div>
  );
}

function Quarantined(p: { release: string; report: ScreenReport; ruleName: (code: string) => string }) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const byProcess = new Map<string, { finding: ScreenFinding; codes: string[] }>();
  for (const f of p.report.findings) {
    if (f.severity !== 'quarantine') continue;
    const seen = byProcess.get(f.processId);
    if (seen) seen.codes.push(f.code);
    else byProcess.set(f.processId, { finding: f, codes: [f.code] });
  }
  const list = [...byProcess.values()];
  if (list.length === 0) return null;
  const rows = all ? list : list.slice(0, FIRST_ROWS);
  return (
    <div className="card" data-testid="screen-quarantined">
      <h2>
        {t('screen.quarantined')} <span className="small muted">{formatNumber(list.length, lang)}</span>
      </h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('screen.process')}</th>
              <th>{t('screen.region')}</th>
              <th>{t('screen.quarantinedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ finding, codes }) => (
              <tr key={finding.processId} data-testid="screen-quarantined-process">
                <ProcessCell release={p.release} f={finding} />
                <td className="nowrap">{finding.location ?? '—'}</td>
                <td className="small">{[...new Set(codes)].map(p.ruleName).join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && list.length > FIRST_ROWS && (
        <button type="button" onClick={() => setAll(true)}>
          {t('screen.showAll', { count: formatNumber(list.length, lang) })}
        </button>
      )}
    </div>
  );
}
