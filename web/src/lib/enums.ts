import type { LifeCycleStage } from '../../../src/model/lci.ts';
import type { GhgLine } from '../../../src/model/method.ts';
import type {
  DirectGas,
  EntryKind,
  EvidenceType,
  StudyMethod,
  SystemBoundary,
  TransportLeg,
} from '../../../src/model/study.ts';

/**
 * Runtime lists of the model's enums. The model's zod schemas would bring zod into the bundle,
 * so the values are repeated here; a Record keyed by the type makes the compiler reject a
 * missing or an extra value when the model changes.
 */
function valuesOf<T extends string>(all: Record<T, true>): T[] {
  return Object.keys(all) as T[];
}

export const STAGES = valuesOf<LifeCycleStage>({
  'raw-materials': true,
  manufacturing: true,
  distribution: true,
  use: true,
  'end-of-life': true,
});
export const KINDS = valuesOf<EntryKind>({
  material: true,
  energy: true,
  transport: true,
  waste: true,
  emission: true,
  removal: true,
});
export const EVIDENCE_TYPES = valuesOf<EvidenceType>({
  'meter-reading': true,
  invoice: true,
  'supplier-statement': true,
  measurement: true,
  calculation: true,
  literature: true,
  estimate: true,
});
export const DIRECT_GASES = valuesOf<DirectGas>({
  'CO2-fossil': true,
  'CO2-biogenic': true,
  'CO2-luc': true,
  'CH4-fossil': true,
  'CH4-biogenic': true,
  N2O: true,
  SF6: true,
  NF3: true,
  'HFC-134a': true,
});
export const TRANSPORT_MODES = valuesOf<TransportLeg['mode']>({
  road: true,
  rail: true,
  sea: true,
  'inland-water': true,
  air: true,
});
export const GHG_LINES = valuesOf<GhgLine>({
  fossil: true,
  biogenic: true,
  landUseChange: true,
  aircraft: true,
  biogenicRemovals: true,
});
export const BOUNDARIES = valuesOf<SystemBoundary>({ 'cradle-to-gate': true, 'cradle-to-grave': true });
export const METHODS = valuesOf<StudyMethod>({ 'ipcc-ar6-gwp100': true, 'ipcc-ar5-gwp100': true });
