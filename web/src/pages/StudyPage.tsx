import { useEffect, useMemo, useState } from 'react';
import type { Study, StudyInput } from '../../../src/model/study.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { pcrApi } from '../api/pcr.ts';
import type { Me } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { ExcelPanel } from '../editor/ExcelPanel.tsx';
import { HistoryPanel } from '../editor/HistoryPanel.tsx';
import { Inventory } from '../editor/Inventory.tsx';
import { ScenarioEditor } from '../editor/ScenarioEditor.tsx';
import { StudyFilePanel } from '../editor/StudyFilePanel.tsx';
import { StudyForm } from '../editor/StudyForm.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useLoad } from '../lib/useLoad.ts';
import { ResultsView } from '../results/ResultsView.tsx';
import { ComparePanel } from '../rules/ComparePanel.tsx';
import { ConformancePanel } from '../rules/ConformancePanel.tsx';
import { ParameterForm } from '../rules/ParameterForm.tsx';
import { RulePicker } from '../rules/RulePicker.tsx';
import { href, navigate, type StudyTab } from '../router.ts';
import { namesFromHits, namesFromResult } from '../study/datasets.ts';
import { completeInput, missingFields, newStudyInput, sameInput, toInput } from '../study/draft.ts';
import { scenarioProblems } from '../study/scenarioDraft.ts';

interface StudyPageProps {
  me: Me;
  /** null: a new study, created on its first save */
  id: string | null;
  tab: StudyTab;
}

export function StudyPage({ me, id, tab }: StudyPageProps) {
  const { t, lang } = useI18n();
  const releases = useLoad(() => api.releases(), []);
  const loaded = useLoad(() => (id ? api.study(id) : Promise.resolve(null)), [id]);
  const result = useLoad(() => (id ? api.result(id) : Promise.resolve(null)), [id]);
  // the study's own references, resolved once per loaded version; the result's names fill in meanwhile
  const resolved = useLoad(
    () =>
      loaded.data
        ? api.resolveDatasets(
            loaded.data.releases,
            loaded.data.entries.flatMap((e) => (e.source.type === 'background' ? [e.source.dataset] : [])),
          )
        : Promise.resolve([]),
    [loaded.data],
  );
  const datasetNames = useMemo(
    () => new Map([...namesFromResult(result.data), ...namesFromHits(resolved.data ?? [], lang)]),
    [result.data, resolved.data, lang],
  );
  const [saved, setSaved] = useState<Study | null>(null);
  const ruleId = loaded.data?.pcr?.id ?? '';
  const rule = useLoad(() => (ruleId ? pcrApi.rule(ruleId) : Promise.resolve(null)), [ruleId]);
  const [draft, setDraft] = useState<StudyInput | null>(null);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [rangeProblems, setRangeProblems] = useState<string[]>([]);

  useEffect(() => {
    if (!loaded.data) return;
    setSaved(loaded.data);
    setDraft(toInput(loaded.data));
  }, [loaded.data]);

  // A new study starts from the newest releases, so it waits for the list (or its failure).
  const releasesSettled = !releases.loading;
  useEffect(() => {
    if (id || draft || !releasesSettled) return;
    setDraft(
      newStudyInput(
        releases.data ?? [],
        { cutoff: t('default.cutoff'), allocation: t('default.allocation'), electricity: t('default.electricity') },
        new Date().getFullYear() - 1,
      ),
    );
  }, [id, draft, releasesSettled, releases.data, t]);

  const dirty = draft !== null && (saved === null || !sameInput(draft, toInput(saved)));
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (loaded.error)
    return (
      <section>
        <a className="small" href={href({ page: 'studies' })}>
          ← {t('nav.studies')}
        </a>
        <ErrorMessage error={loaded.error} />
      </section>
    );
  if (!draft) return <Loading />;

  const editable = me.role === 'enterprise' && (saved === null || saved.companyId === me.companyId);

  async function save() {
    if (!draft) return;
    const missing = missingFields(draft);
    if (missing.length > 0) {
      setSaveError(
        new Error(t('study.missing', { fields: missing.map((k) => t(k)).join(lang === 'zh' ? '、' : ', ') })),
      );
      return;
    }
    if (rangeProblems.length > 0) {
      setSaveError(
        new Error(t('study.parameterRangeProblems', { name: rangeProblems.join(lang === 'zh' ? '、' : ', ') })),
      );
      return;
    }
    const problems = scenarioProblems(draft);
    if (problems.length > 0) {
      setSaveError(new Error(t('scenario.problems', { count: problems.length })));
      return;
    }
    setSaving(true);
    setSaveError(null);
    setNotice('');
    try {
      const input = completeInput(draft);
      if (!saved) {
        const created = await api.createStudy(input);
        navigate({ page: 'study', id: created.id, tab: 'inventory' });
        return;
      }
      const next = await api.saveStudy(saved.id, input, saved.version, comment.trim());
      setSaved(next);
      setDraft(toInput(next));
      setComment('');
      setNotice(t('study.savedVersion', { version: next.version }));
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  }

  const conflict = saveError instanceof ApiError && saveError.status === 409;

  return (
    <section>
      <div className="page-head sticky">
        <div>
          <a className="small" href={href({ page: 'studies' })}>
            ← {t('nav.studies')}
          </a>
          <h1>
            <span data-user-text>{draft.name || t('study.untitled')}</span>
            {saved && <span className="badge">v{saved.version}</span>}
            {dirty && <span className="badge badge-warn">{saved ? t('study.unsaved') : t('study.new')}</span>}
          </h1>
        </div>
        {tab === 'inventory' && editable && (
          <div className="save-bar">
            {saved && (
              <input
                className="comment"
                placeholder={t('study.comment')}
                aria-label={t('study.comment')}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                data-testid="save-comment"
              />
            )}
            <button
              type="button"
              className="primary"
              disabled={saving || !dirty}
              onClick={() => void save()}
              data-testid="save-study"
            >
              {saving ? t('study.saving') : saved ? t('study.save') : t('study.create')}
            </button>
          </div>
        )}
      </div>
      {saved && (
        <nav className="tabs" aria-label={t('study.tabs')}>
          <a
            href={href({ page: 'study', id: saved.id, tab: 'inventory' })}
            className={tab === 'inventory' ? 'active' : ''}
            aria-current={tab === 'inventory' ? 'page' : undefined}
            data-testid="tab-inventory"
          >
            {t('study.tabInventory')}
          </a>
          <a
            href={href({ page: 'study', id: saved.id, tab: 'results' })}
            className={tab === 'results' ? 'active' : ''}
            aria-current={tab === 'results' ? 'page' : undefined}
            data-testid="tab-results"
          >
            {t('study.tabResults')}
          </a>
        </nav>
      )}
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      {saveError !== null && (
        <div>
          <ErrorMessage error={saveError} title={conflict ? t('study.conflict') : undefined} />
          {conflict && (
            <button
              type="button"
              onClick={() => {
                setSaveError(null);
                loaded.reload();
              }}
            >
              {t('study.loadLatest')}
            </button>
          )}
        </div>
      )}
      {!editable && <p className="muted small">{t('study.readOnly')}</p>}

      {tab === 'results' && saved ? (
        <>
          <ResultsView study={saved} result={result} dirty={dirty} canCalculate={editable} />
          <ConformancePanel studyId={saved.id} version={saved.version} key={result.data?.computedAt ?? 'none'} />
          {result.data && <ComparePanel studyId={saved.id} version={result.data.version} />}
        </>
      ) : (
        <div className="study-layout">
          <div className="study-main">
            <ErrorMessage error={releases.error} title={t('study.releasesFailed')} />
            {!saved && editable && <RulePicker draft={draft} />}
            <StudyForm
              input={draft}
              onChange={setDraft}
              releases={releases.data ?? []}
              readOnly={!editable}
              onRangeProblems={setRangeProblems}
            />
            <ParameterForm
              draft={draft}
              rule={rule.data?.rule}
              savedUnit={saved?.unit}
              onChange={(parameters) => setDraft({ ...draft, parameters })}
              readOnly={!editable}
            />
            <ScenarioEditor
              input={draft}
              onChange={(scenarios) => setDraft({ ...draft, scenarios })}
              readOnly={!editable}
              compareHref={saved ? href({ page: 'study', id: saved.id, tab: 'results' }) : null}
              dirty={dirty}
            />
            <Inventory
              entries={draft.entries}
              onChange={(entries) => setDraft({ ...draft, entries })}
              scope={{ region: draft.region, year: draft.year, ...draft.releases }}
              readOnly={!editable}
              datasetNames={datasetNames}
              ruleStages={rule.data?.rule.stages}
            />
          </div>
          {saved && (
            <aside className="study-aside">
              {editable && <ExcelPanel studyId={saved.id} dirty={dirty} onUploaded={loaded.reload} />}
              <HistoryPanel studyId={saved.id} version={saved.version} />
              <StudyFilePanel study={saved} />
            </aside>
          )}
        </div>
      )}
    </section>
  );
}
