import { ADMIN_TEXTS } from './admin.ts';
import { API_TEXTS } from './api.ts';
import { ISSUE_TEXTS } from './cobuild.ts';
import { COBUILD_ERROR_TEXTS } from './cobuild-errors.ts';
import { AUDIT_TEXTS } from './audit.ts';
import { CALCULATION_TEXTS } from './calculation.ts';
import { CLI_TEXTS } from './cli.ts';
import { FACTOR_TEXTS } from './factors.ts';
import { FORMAT_TEXTS } from './formats.ts';
import { JOB_TEXTS } from './jobs.ts';
import { LABEL_TEXTS } from './labels.ts';
import { PACT_TEXTS } from './pact.ts';
import { PCR_TEXTS } from './pcr.ts';
import { SCREEN_TEXTS } from './screen.ts';
import { STUDY_TEXTS } from './studies.ts';
import { UNIT_TEXTS } from './units.ts';
import { renderIn, type Readable, type TextLang, type TextTable } from './define.ts';

/**
 * The one catalogue of coded user-facing messages, zh and en: every domain's table
 * (src/i18n/<domain>.ts) and the co-construction texts, merged. A message travels as
 * `{ code, params, message }`; the web app, the report and the CLI render it here in the
 * reader's language. Each domain file is listed once below; test/i18n/catalogue.test.ts fails
 * when a file of src/i18n is missing from the list or two tables define one code.
 */

export const DOMAIN_TABLES: Readonly<Record<string, TextTable>> = {
  cobuild: ISSUE_TEXTS as unknown as TextTable,
  'cobuild-errors': COBUILD_ERROR_TEXTS as unknown as TextTable,
  admin: ADMIN_TEXTS as unknown as TextTable,
  calculation: CALCULATION_TEXTS as unknown as TextTable,
  factors: FACTOR_TEXTS as unknown as TextTable,
  audit: AUDIT_TEXTS as unknown as TextTable,
  pcr: PCR_TEXTS as unknown as TextTable,
  labels: LABEL_TEXTS as unknown as TextTable,
  screen: SCREEN_TEXTS as unknown as TextTable,
  units: UNIT_TEXTS as unknown as TextTable,
  jobs: JOB_TEXTS as unknown as TextTable,
  studies: STUDY_TEXTS as unknown as TextTable,
  api: API_TEXTS as unknown as TextTable,
  formats: FORMAT_TEXTS as unknown as TextTable,
  pact: PACT_TEXTS as unknown as TextTable,
  cli: CLI_TEXTS as unknown as TextTable,
};

/** Files of src/i18n that are machinery, not a domain's texts. */
export const NOT_DOMAINS = ['define.ts', 'catalogue.ts'];

export const CATALOGUE: TextTable = Object.assign({}, ...Object.values(DOMAIN_TABLES));

/** A coded message in the reader's language (its English `message` when the code is unknown here). */
export function render(m: Readable, lang: TextLang): string {
  return renderIn(CATALOGUE, m, lang);
}
