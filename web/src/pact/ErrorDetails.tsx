import { ApiError } from '../api/client.ts';
import { errorText } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';

/**
 * The server lists every problem in `details`: the schema errors of a partner's document as
 * strings, the fields of our own request as {path, message}.
 */
function errorItems(error: unknown): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.map((d: unknown) => {
    if (typeof d === 'string') return d;
    if (d && typeof d === 'object' && 'message' in d)
      return `${(d as { path?: string }).path || 'body'}: ${String((d as { message: unknown }).message)}`;
    return JSON.stringify(d);
  });
}

/** An error with all the problems the server listed, not only the first. */
export function ErrorDetails({ error, testId }: { error: unknown; testId: string }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const items = errorItems(error);
  const text = errorText(error, t, lang);
  // The message repeats the items; its first line names what failed (a partner's document: its URL).
  const heading =
    items.length === 0
      ? text
      : error instanceof ApiError && error.code === 'invalid-request'
        ? t('pact.invalidRequest')
        : text.split('\n')[0];
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <strong>{heading}</strong>
      {items.length > 0 && (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
