import type { Grade, LabelStatus } from '../api/labels.ts';
import { useI18n } from '../i18n/context.tsx';

export function GradeBadge({ grade }: { grade: Grade | null }) {
  const { t } = useI18n();
  if (!grade) return <span className="muted">{t('label.notGraded')}</span>;
  return (
    <span className={`grade grade-${grade}`} data-testid="grade">
      {grade}
    </span>
  );
}

export function StatusBadge({ status }: { status: LabelStatus }) {
  const { t } = useI18n();
  return (
    <span
      className={`badge ${status === 'active' ? 'badge-ok' : status === 'revoked' ? 'badge-error' : 'badge-warn'}`}
      data-testid="label-status"
    >
      {t(`label.status.${status}`)}
    </span>
  );
}
