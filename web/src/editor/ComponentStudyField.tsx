import { api } from '../api/endpoints.ts';
import { ErrorMessage } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useLoad } from '../lib/useLoad.ts';

/** A component or sub-assembly: another study of the company, used per its functional unit (the server refuses loops and other releases). */
export function ComponentStudyField({
  value,
  invalid,
  onChange,
}: {
  value: string;
  invalid?: boolean;
  onChange: (studyId: string) => void;
}) {
  const { t } = useI18n();
  const studies = useLoad(() => api.studies(), []);
  return (
    <label className="field span-all">
      <span>{t('entry.componentStudy')}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        data-testid="entry-component-study"
      >
        <option value="">—</option>
        {(studies.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} · {s.product} · v{s.version}
          </option>
        ))}
      </select>
      <small className="muted">{t('entry.componentStudyHint')}</small>
      <ErrorMessage error={studies.error} />
    </label>
  );
}
