import type { ReactNode } from 'react';
import { CATALOGUE, render } from '../../../src/i18n/catalogue.ts';
import { ApiError, NETWORK_ERROR, type ErrorWords } from '../api/client.ts';
import { JobFailedError } from '../api/jobs.ts';
import { useI18n } from '../i18n/context.tsx';
import type { Lang, Translate } from '../i18n/translate.ts';

/** Server error codes with a message in both languages; other errors show the server's own message. */
const TRANSLATED_CODES = [
  'bad-credentials',
  'unauthorized',
  'forbidden',
  'not-found',
  'stale-version',
  'not-calculated',
] as const;

/** What went wrong in the reader's language: the catalogue's words when the server sent them. */
export function errorText(error: unknown, t: Translate, lang: Lang): string {
  if (error instanceof ApiError && error.code === NETWORK_ERROR) return t('error.network');
  const words: ErrorWords | undefined =
    error instanceof ApiError || error instanceof JobFailedError ? error.words : undefined;
  if (words && Object.hasOwn(CATALOGUE, words.code)) return render(words, lang);
  const code = error instanceof ApiError ? TRANSLATED_CODES.find((c) => c === error.code) : undefined;
  if (code) return t(`error.code.${code}`);
  if (error instanceof Error) return error.message;
  return String(error);
}

export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="error">
      {title && <strong>{title} </strong>}
      {errorText(error, t, lang)}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}
