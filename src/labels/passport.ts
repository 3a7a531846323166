import type { Credential } from '../model/credential.ts';

/**
 * The battery carbon footprint in the EU battery passport's data model: the BatteryPass
 * consortium's aspect CarbonFootprintForBatteries 1.2.0 (urn:samm:io.BatteryPass.CarbonFootprint:1.2.0,
 * after DIN DKE SPEC 99100 6.3 and Regulation (EU) 2023/1542 Art. 7): kg CO2e per kWh of total
 * energy over the service life, the four life cycle stages, the performance class and a link to
 * the public study. Made only from a signed credential, so the passport says what was verified.
 */

export const BATTERYPASS_ASPECT = 'urn:samm:io.BatteryPass.CarbonFootprint:1.2.0#CarbonFootprintForBatteries';

export type BatteryStage = 'RawMaterialExtraction' | 'MainProduction' | 'Distribution' | 'Recycling';

/** The regulation's stages (Annex II), by the EU battery rule's stage ids and by Tanji's life cycle stages. */
const STAGES: Record<string, BatteryStage> = {
  'raw-material': 'RawMaterialExtraction',
  'raw-materials': 'RawMaterialExtraction',
  'main-production': 'MainProduction',
  manufacturing: 'MainProduction',
  distribution: 'Distribution',
  'end-of-life': 'Recycling',
};
const ORDER: BatteryStage[] = ['RawMaterialExtraction', 'MainProduction', 'Distribution', 'Recycling'];

export interface BatteryCarbonFootprint {
  batteryCarbonFootprint: number;
  carbonFootprintPerLifecycleStage: { lifecycleStage: BatteryStage; carbonFootprint: number }[];
  carbonFootprintPerformanceClass: string;
  carbonFootprintStudy: string;
  absoluteCarbonFootprint?: number;
}

export class PassportError extends Error {}

/**
 * `energyKwh`: the battery's total energy over its service life, for the optional absolute
 * footprint (kg CO2e per battery); left out when not given.
 */
export function batteryPassport(credential: Credential, energyKwh?: number): BatteryCarbonFootprint {
  const s = credential.credentialSubject;
  const du = s.footprint.declaredUnit;
  if (du.unit !== 'kWh' || du.amount !== 1)
    throw new PassportError(
      `the battery passport declares kg CO2e per 1 kWh of total energy over the service life; this label declares per ${du.amount} ${du.unit}`,
    );
  // the use stage (and anything no stage of the regulation covers) is outside the battery footprint (Annex II)
  const outside = s.footprint.byStage.filter((b) => !STAGES[b.stage] && b.value !== 0);
  if (outside.length)
    throw new PassportError(
      `the battery footprint has only the four stages of Regulation (EU) 2023/1542 Annex II, but the label has ${outside.map((b) => `${b.stage} ${b.value}`).join(', ')} kg CO2e/kWh outside them`,
    );
  if (!s.grade)
    throw new PassportError(
      'the battery passport needs a performance class: the label was not graded against a benchmark',
    );
  return {
    batteryCarbonFootprint: s.footprint.value,
    carbonFootprintPerLifecycleStage: ORDER.map((lifecycleStage) => ({
      lifecycleStage,
      carbonFootprint: s.footprint.byStage
        .filter((b) => STAGES[b.stage] === lifecycleStage)
        .reduce((sum, b) => sum + b.value, 0),
    })),
    carbonFootprintPerformanceClass: s.grade.grade,
    carbonFootprintStudy: s.verificationPage,
    ...(energyKwh !== undefined ? { absoluteCarbonFootprint: s.footprint.value * energyKwh } : {}),
  };
}
