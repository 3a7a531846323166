import type { ReactNode } from 'react';
import { ApiError, NETWORK_ERROR } from '../api/client.ts';
import { useI18n } from '../i18n/context.tsx';
import type { Translate } from '../i18n/translate.ts';

/** Server error codes with a message in both languages; other errors show the server's own message. */
const TRANSLATED_CODES = [
  'bad-credentials',
  'unauthorized',
  'forbidden',
  'not-found',
  'stale-version',
  'not-calculated',
] as const;

export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.code === NETWORK_ERROR) return t('error.network');
  const code = error instanceof ApiError ? TRANSLATED_CODES.find((c) => c === error.code) : undefined;
  if (code) return t(`error.code.${code}`);
  if (error instanceof Error) return error.message;
  return String(error);
}

export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="error">
      {title && <strong>{title} </strong>}
      {errorText(error, t)}
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
