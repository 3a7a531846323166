import type { ScreenCode } from '../i18n/screen.ts';

/**
 * The screen's rules as data: what each code checks, whether a finding quarantines the process
 * (left out of default search and study use; a user may still choose it, with the finding shown
 * and carried into the report) or is only shown, and the limits it applies. Texts for every code
 * are in src/i18n/screen.ts. The limits are physical bounds with a margin, not statistics: a
 * process that crosses one is wrong, whatever its peers do.
 */

export type ScreenSeverity = 'quarantine' | 'note';

export interface ScreenRule {
  code: ScreenCode;
  severity: ScreenSeverity;
  /** what is checked, for the steward's view and the docs */
  checks: string;
  limits?: Record<string, number>;
}

export const SCREEN_RULES: readonly ScreenRule[] = [
  {
    code: 'screen.emissions-only',
    severity: 'quarantine',
    checks: 'a process with elementary outputs but no product, waste or resource input at all',
  },
  {
    code: 'screen.self-loop',
    severity: 'quarantine',
    checks: 'a process consuming its own reference product at a ratio of input to output at or above the limit',
    limits: { ratio: 0.5 },
  },
  {
    code: 'screen.loop-spectral-radius',
    severity: 'quarantine',
    checks:
      'the spectral radius ρ of each loop (strongly connected component of A) of the input coefficients per unit output, ' +
      'by power iteration with Collatz–Wielandt bounds; at or above the limit, demand is amplified 1/(1−ρ)-fold',
    limits: { radius: 0.95 },
  },
  {
    code: 'screen.singular',
    severity: 'quarantine',
    checks: 'processes the sparse LU names when the technosphere matrix is singular, after the other quarantines',
  },
  {
    code: 'screen.written-reference',
    severity: 'note',
    checks: 'a data set whose own quantitative reference is a product input or an elementary flow (ILCD allows it)',
  },
  {
    code: 'screen.reference-not-product',
    severity: 'note',
    checks:
      'a quantitative reference that is neither a product output nor a waste input, kept as written because no product output can take its place: ' +
      'the process is counted per that amount and no other process links to it',
  },
  {
    code: 'screen.reference-share',
    severity: 'quarantine',
    checks:
      'a reference that is not a product (see reference-not-product) in mass units below the limit share of the mass passing through the process ' +
      '(the larger of its other mass inputs and outputs): the inventory of a whole plant charged to a sliver',
    limits: { share: 1e-3 },
  },
  {
    code: 'screen.reference-scale',
    severity: 'quarantine',
    checks: 'a reference amount outside the limits, in its declared unit',
    limits: { min: 1e-4, max: 1e8 },
  },
  {
    code: 'screen.co2-per-mass',
    severity: 'quarantine',
    checks: 'direct CO2 emitted per kg of a mass product above the limit (burning pure carbon gives 3.7 kg/kg)',
    limits: { kgPerKg: 50 },
  },
  {
    code: 'screen.ghg-per-mass',
    severity: 'quarantine',
    checks:
      'direct greenhouse gases (kg CO2e, the release method) per kg of a mass product above the limit (HCFC-22 with its HFC-23 by-product ≈ 440 kg CO2e/kg)',
    limits: { kgCo2ePerKg: 1000 },
  },
  {
    code: 'screen.energy-per-mass',
    severity: 'quarantine',
    checks:
      'energy inputs (in energy units) per kg of a mass product above the limit (primary aluminium ≈ 200 MJ/kg, polysilicon ≈ 500 MJ/kg, ' +
      'uranium enriched by gaseous diffusion ≈ 15,000–60,000 MJ/kg)',
    limits: { mjPerKg: 1e5 },
  },
  {
    code: 'screen.input-scale',
    severity: 'quarantine',
    checks:
      'a product input measured in the same unit as the reference product (kg per kg, MJ per MJ, EUR per EUR) above the limit times the reference amount',
    limits: { ratio: 1e4 },
  },
  {
    code: 'screen.carbon-balance',
    severity: 'quarantine',
    checks:
      'where every input is in mass units: carbon leaving as CO2, CH4 and CO above the mass of everything entering',
  },
  {
    code: 'screen.mass-balance',
    severity: 'note',
    checks:
      'where every exchange is in mass units: outputs above the limit times the inputs (air and water taken in are often unrecorded)',
    limits: { ratio: 10 },
  },
  {
    code: 'screen.negative-footprint',
    severity: 'quarantine',
    checks:
      'a footprint (removals apart) below the limit per declared unit, on the release with the other quarantines left out',
    limits: { kgCo2e: -1e-9 },
  },
  {
    code: 'screen.score-outlier',
    severity: 'note',
    checks:
      'a footprint more than `fold` times away from the median of at least `peers` processes of the same classification, ' +
      'and more than `z` robust standard deviations (1.4826 × MAD of log10) from it',
    limits: { fold: 100, peers: 5, z: 3.5 },
  },
];

export function ruleOf(code: ScreenCode): ScreenRule {
  return SCREEN_RULES.find((r) => r.code === code)!;
}

export function limit(code: ScreenCode, name: string): number {
  const v = ruleOf(code).limits?.[name];
  if (v === undefined) throw new Error(`screen rule ${code} has no limit "${name}"`);
  return v;
}
