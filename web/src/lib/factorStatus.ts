import { FactorStatusSchema, type FactorStatus } from '../../../src/model/factor.ts';
import type { Translate } from '../i18n/translate.ts';

const STATUSES = FactorStatusSchema.options as readonly string[];

/** A factor's status (verified, check, derived) in the reader's language; an unknown one as sent. */
export function factorStatus(status: string, t: Translate): string {
  return STATUSES.includes(status) ? t(`factorStatus.${status as FactorStatus}`) : status;
}
