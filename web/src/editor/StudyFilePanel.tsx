import type { Study } from '../../../src/model/study.ts';
import { useI18n } from '../i18n/context.tsx';
import { saveBlob } from '../lib/download.ts';
import { studyFile } from '../study/studyFile.ts';

/** The saved version as a study JSON file, the file a steward adds as a benchmark product. */
export function StudyFilePanel({ study }: { study: Study }) {
  const { t } = useI18n();
  const download = () => {
    const { fileName, text } = studyFile(study);
    saveBlob(new Blob([text], { type: 'application/json' }), fileName);
  };
  return (
    <section className="card">
      <h2>{t('studyFile.title')}</h2>
      <p className="small muted">{t('studyFile.intro', { version: study.version })}</p>
      <button type="button" onClick={download} data-testid="download-study-json">
        {t('studyFile.download')}
      </button>
    </section>
  );
}
