import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api, TEMPLATE_URL } from '../api/endpoints.ts';
import type { SheetIssue } from '../api/types.ts';
import { FileButton } from '../components/FileButton.tsx';
import { render } from '../../../src/i18n/catalogue.ts';
import { ErrorMessage, errorText } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { issueLine } from '../lib/history.ts';

interface ExcelPanelProps {
  studyId: string;
  /** unsaved edits are lost when an upload replaces the entries */
  dirty: boolean;
  onUploaded: () => void;
}

function sheetIssues(error: unknown): SheetIssue[] | null {
  if (!(error instanceof ApiError) || error.status !== 422 || !Array.isArray(error.details)) return null;
  return error.details as SheetIssue[];
}

/** The inventory as a workbook: the template to fill in, and the upload that replaces the entries. */
export function ExcelPanel({ studyId, dirty, onUploaded }: ExcelPanelProps) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const issues = sheetIssues(error);

  async function upload(file: File) {
    if (dirty && !window.confirm(t('excel.confirmDiscard'))) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await api.uploadInventory(studyId, file, file.name);
      setDone(true);
      onUploaded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card excel">
      <h2>{t('excel.title')}</h2>
      <p className="small muted">{t('excel.intro')}</p>
      <div className="inline-fields">
        <a className="button" href={TEMPLATE_URL} download="tanji-study-template.xlsx" data-testid="excel-template">
          {t('excel.template')}
        </a>
        <FileButton
          label={t('excel.upload')}
          busyLabel={t('excel.uploading')}
          busy={busy}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onFile={(file) => void upload(file)}
          testId="excel-upload"
        />
      </div>
      {done && <p className="alert alert-ok">{t('excel.done')}</p>}
      {issues ? (
        <div className="alert alert-error" role="alert" data-testid="excel-issues">
          <strong>{errorText(error, t, lang)}</strong>
          <ul>
            {issues.map((i, n) => (
              <li key={n}>{issueLine({ ...i, message: render(i, lang) }, t('excel.row'))}</li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorMessage error={error} />
      )}
    </section>
  );
}
