import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The PACT OpenAPI files as an independent oracle: python-jsonschema validates documents against
 * the spec's own component schemas (ProductFootprint, Error, events), not against Tanji's zod ones.
 */

const here = dirname(fileURLToPath(import.meta.url));
export const PACT_REFERENCE = resolve(here, '../../../shared/reference/pact');

export interface OracleItem {
  spec: '3.0' | '2.3';
  schema: string;
  instance: unknown;
}

/** The spec's validation errors for each item (empty when valid), in one python run. */
export function oracle(items: OracleItem[]): string[][] {
  const out = execFileSync('python3', [resolve(here, 'openapi_oracle.py'), PACT_REFERENCE], {
    input: JSON.stringify(items),
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8'));
}

/** For each v3 footprint, the spec's PCF sums (read from its openapi.yaml `x-comment`s) that do not hold. */
export function pcfSumsOracle(footprints: unknown[]): string[][] {
  const out = execFileSync('python3', [resolve(here, 'pcf_sums_oracle.py'), PACT_REFERENCE], {
    input: JSON.stringify(footprints),
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8'));
}
