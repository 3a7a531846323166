import { coder } from '../i18n/define.ts';
import { LABEL_TEXTS } from '../i18n/labels.ts';
import type { Credential } from '../model/credential.ts';
import { DomainError, type ErrorText } from '../model/errors.ts';

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

/** A label the battery passport cannot be made from: the label is as signed, so it is a conflict. */
export class PassportError extends DomainError {
  constructor(text: ErrorText) {
    super('conflict', 'conflict', text);
  }
}

const coded = coder(LABEL_TEXTS);

/**
 * `energyKwh`: the battery's total energy over its service life, for the optional absolute
 * footprint (kg CO2e per battery); left out when not given.
 */
export function batteryPassport(credential: Credential, energyKwh?: number): BatteryCarbonFootprint {
  const s = credential.credentialSubject;
  const du = s.footprint.declaredUnit;
  if (du.unit !== 'kWh' || du.amount !== 1)
    throw new PassportError(coded('passport.unit', { amount: du.amount, unit: du.unit }));
  // the use stage (and anything no stage of the regulation covers) is outside the battery footprint (Annex II)
  const outside = s.footprint.byStage.filter((b) => !STAGES[b.stage] && b.value !== 0);
  if (outside.length)
    throw new PassportError(
      coded('passport.stages', { outside: outside.map((b) => `${b.stage} ${b.value}`).join(', ') }),
    );
  if (!s.grade) throw new PassportError(coded('passport.no-grade', {}));
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
