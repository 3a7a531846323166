import { render } from '../../../src/i18n/catalogue.ts';
import { issueText } from '../../../src/i18n/cobuild.ts';
import type { Readable } from '../../../src/i18n/define.ts';
import type { Issue } from '../../../src/cobuild/model.ts';
import { ApiError } from '../api/client.ts';
import type { Notification, SubmissionHead } from '../api/cobuild.ts';
import { useI18n } from '../i18n/context.tsx';
import type { MessageKey } from '../i18n/zh.ts';
import type { Lang, Translate } from '../i18n/translate.ts';

/** Words for the co-construction states, steps and notifications, and the problems a 422 lists. */

export const STATES = [
  'submitted',
  'under-review',
  'changes-requested',
  'approved',
  'rejected',
] as const satisfies readonly SubmissionHead['state'][];

export function stateLabel(state: SubmissionHead['state'], t: Translate): string {
  return t(`cobuild.state.${state}` as MessageKey);
}

export function StateBadge({ state, t }: { state: SubmissionHead['state']; t: Translate }) {
  const tone =
    state === 'approved' ? ' badge-ok' : state === 'rejected' || state === 'changes-requested' ? ' badge-warn' : '';
  return (
    <span className={`badge${tone}`} data-testid="submission-state" data-state={state}>
      {stateLabel(state, t)}
    </span>
  );
}

export function notificationText(n: Notification, t: Translate): string {
  const params = {
    ...n.params,
    state: typeof n.params.state === 'string' ? stateLabel(n.params.state as SubmissionHead['state'], t) : '',
  };
  const known = [
    'submission-received',
    'submission-revised',
    'submission-edited',
    'submission-state',
    'review-assigned',
    'comment',
    'release-published',
  ];
  return known.includes(n.kind) ? t(`cobuild.notify.${n.kind}` as MessageKey, params) : n.kind;
}

/**
 * The lines of a refused request, in the reader's language: every dataset's field errors, every
 * problem of an aggregate or a move (coded words), or every cell of a workbook.
 */
export function problemLines(error: unknown, lang: Lang): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as (string | Record<string, unknown>)[]).flatMap((d) => {
    if (typeof d !== 'object' || d === null) return [String(d)];
    if (Array.isArray(d.errors))
      return (d.errors as Issue[]).map((e) => `${d.dataset}: ${e.field}: ${issueText(e, lang)}`);
    if ('sheet' in d)
      return [`${d.sheet}${d.row ? ` ${d.row}` : ''}${d.column ? ` ${d.column}` : ''}: ${render(d as Readable, lang)}`];
    return typeof d.message === 'string' ? [`${d.path ?? ''} ${render(d as Readable, lang)}`.trim()] : [];
  });
}

export function ProblemList({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  const lines = problemLines(error, lang);
  if (!lines.length) return null;
  return (
    <div className="alert alert-warn" data-testid="cobuild-problems">
      <strong>{t('cobuild.problems')}</strong>
      <ul>
        {lines.slice(0, 30).map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
