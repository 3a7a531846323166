import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { followJob } from '../api/jobs.ts';
import { ErrorMessage } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { reportFileName, safeFileName, saveBlob } from '../lib/download.ts';

type Busy = 'html' | 'pdf' | 'pact' | null;

/** The report is fetched by the API client and handed to the browser as a blob; the PDF is printed by a job it follows. */
export function ReportButtons({ studyId, studyName }: { studyId: string; studyName: string }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);

  async function openHtml() {
    // Opened before the fetch, while the click still counts as a user gesture for popup blockers.
    const tab = window.open('', '_blank');
    setBusy('html');
    setError(null);
    try {
      const blob = await api.reportHtml(studyId, lang);
      const html = new Blob([blob], { type: 'text/html;charset=utf-8' });
      if (tab) tab.location.href = URL.createObjectURL(html);
      else saveBlob(html, reportFileName(studyName, lang, 'html'));
    } catch (e) {
      tab?.close();
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function downloadPdf() {
    setBusy('pdf');
    setError(null);
    try {
      const printed = await followJob(await api.printReport(studyId, lang));
      saveBlob(await api.download(String(printed.output?.download)), reportFileName(studyName, lang, 'pdf'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function downloadPact() {
    setBusy('pact');
    setError(null);
    try {
      const footprint = await api.pactFootprint(studyId);
      saveBlob(
        new Blob([JSON.stringify(footprint, null, 2)], { type: 'application/json' }),
        `${safeFileName(studyName)}-pact-v3.json`,
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="report-buttons">
      <button type="button" onClick={() => void openHtml()} disabled={busy !== null} data-testid="open-report">
        {busy === 'html' ? t('common.loading') : t('report.open')}
      </button>
      <button type="button" onClick={() => void downloadPdf()} disabled={busy !== null} data-testid="download-pdf">
        {busy === 'pdf' ? t('report.preparing') : t('report.pdf')}
      </button>
      <button
        type="button"
        onClick={() => void downloadPact()}
        disabled={busy !== null}
        data-testid="download-pact"
        title={t('report.pactHint')}
      >
        {busy === 'pact' ? t('common.loading') : t('report.pact')}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
