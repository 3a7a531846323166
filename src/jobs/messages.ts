import { coder } from '../i18n/define.ts';
import { JOB_TEXTS } from '../i18n/jobs.ts';

/** A job's progress and outcome as code and params (src/i18n/jobs.ts), stored with the job row. */
export const jobMessage = coder(JOB_TEXTS);
