import { coder } from '../i18n/define.ts';
import { JOB_TEXTS } from '../i18n/jobs.ts';
import type { Study } from '../model/study.ts';

/** What a calculation says while it runs, coded (src/i18n/jobs.ts) so that a job shows it in the reader's language. */
export const progressMessage = coder(JOB_TEXTS);

export const loadingBackground = (releases: Study['releases']) =>
  progressMessage('job.loading-background', { lci: releases.lci, factors: releases.factors });
