import type { Factor } from '../model/factor.ts';
import type { Pedigree } from '../model/lci.ts';
import type { GhgLine } from '../model/method.ts';
import type {
  DirectGas,
  Entry,
  EntryProvenance,
  EvidenceType,
  RemovalPool,
  Study,
  StudyResult,
} from '../model/study.ts';
import { emptyLines, GHG_LINES } from '../engine/lca.ts';
import { dqr, pedigreeGsd } from '../engine/uncertainty.ts';
import { coverage, isVerified, unverifiedNote } from '../factors/integrity.ts';
import { assertUsableInProductFootprint, officialInsteadOf } from '../factors/lookup.ts';
import { namedUnit } from '../formats/units.ts';
import { CALCULATION_TEXTS } from '../i18n/calculation.ts';
import { coder } from '../i18n/define.ts';
import type { StoredMessage } from '../model/message.ts';
import { DomainError, errorTextOf, type ErrorText } from '../model/errors.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';
import type { Background } from './background.ts';

const coded = coder(CALCULATION_TEXTS);
const refusal = coder(STUDY_TEXTS);

/**
 * What one unit of an entry's source weighs in kg CO2e, line by line, and where that comes from.
 * An entry's result is amount × conversion × these lines.
 */

export interface PerUnit {
  /** kg CO2e per `perUnit`, per ISO 14067 line (removals negative) */
  lines: Record<GhgLine, number>;
  perUnit: string;
  provenance: Omit<EntryProvenance, 'conversion' | 'kgCo2ePerUnit' | 'perUnit'>;
  /** the provider column when the source is an LCI process: its uncertainty is the engine's Monte Carlo */
  column?: number;
  /** geometric standard deviation of the per-unit value (1: taken as exact) */
  gsd: number;
  /** PEF data quality rating of the dataset, 1..5 */
  dqr: number;
  /** kg CO2e per `perUnit` of `lines.biogenic` that is not CO2 (biogenic CH4…): PACT reports it apart */
  biogenicNonCO2: number;
  /** where `lines.biogenicRemovals` is stored: land-based pools (land management) or the biomass of a product */
  removalPool: RemovalPool;
}

/** An entry the calculation cannot use, named so the practitioner can find it (422 not-calculable). */
export class EntryError extends DomainError {
  constructor(
    readonly entry: Entry,
    problem: ErrorText,
  ) {
    super('invalid', 'not-calculable', refusal('entry.unusable', { entry: entry.name, stage: entry.stage, problem }));
  }
}

/** Basic uncertainty before the pedigree widens it (ecoinvent's default for CO2 of combustion). */
const BASIC_GSD = 1.05;

/** Background LCI processes carry no data quality rating of their own: taken as fair (3), stated in the provenance. */
const PROCESS_DQR = 3;

/** Pedigree of an activity amount by the evidence behind it, when the practitioner gave none. */
const EVIDENCE_PEDIGREE: Record<EvidenceType | 'none', Pedigree> = {
  'meter-reading': { reliability: 1, completeness: 1, temporal: 1, geographical: 1, technological: 1 },
  measurement: { reliability: 1, completeness: 2, temporal: 1, geographical: 1, technological: 1 },
  invoice: { reliability: 1, completeness: 2, temporal: 1, geographical: 1, technological: 1 },
  'supplier-statement': { reliability: 2, completeness: 2, temporal: 1, geographical: 1, technological: 1 },
  calculation: { reliability: 2, completeness: 3, temporal: 2, geographical: 1, technological: 2 },
  literature: { reliability: 3, completeness: 3, temporal: 3, geographical: 3, technological: 3 },
  estimate: { reliability: 4, completeness: 4, temporal: 3, geographical: 3, technological: 3 },
  none: { reliability: 4, completeness: 5, temporal: 3, geographical: 3, technological: 3 },
};

export function activityPedigree(entry: Entry): Pedigree {
  return entry.pedigree ?? EVIDENCE_PEDIGREE[entry.evidence?.type ?? 'none'];
}

export function activityGsd(entry: Entry): number {
  return pedigreeGsd(BASIC_GSD, activityPedigree(entry));
}

/** Direct gases: the substance of the GWP table and the line it is reported on. */
const GASES: Record<DirectGas, { substance: string; line: GhgLine }> = {
  'CO2-fossil': { substance: 'carbon dioxide', line: 'fossil' },
  'CO2-biogenic': { substance: 'carbon dioxide', line: 'biogenic' },
  'CO2-luc': { substance: 'carbon dioxide', line: 'landUseChange' },
  'CH4-fossil': { substance: 'methane (fossil)', line: 'fossil' },
  'CH4-biogenic': { substance: 'methane (non-fossil / biogenic)', line: 'biogenic' },
  N2O: { substance: 'nitrous oxide', line: 'fossil' },
  SF6: { substance: 'sulfur hexafluoride', line: 'fossil' },
  NF3: { substance: 'nitrogen trifluoride', line: 'fossil' },
  'HFC-134a': { substance: 'HFC-134a', line: 'fossil' },
};

/** The GWP100 of every gas a direct entry may name, in a method's table: the report's list of gases considered. */
export function directGasTable(method: Background['method']): { gas: DirectGas; gwp100: number }[] {
  return (Object.keys(GASES) as DirectGas[]).flatMap((gas) => {
    const row = method.entries.find((e) => e.substance === GASES[gas].substance);
    return row ? [{ gas, gwp100: row.gwp100 }] : [];
  });
}

export function lineScores(bg: Background, column: number): Record<GhgLine, number> {
  const out = emptyLines();
  for (const line of GHG_LINES) out[line] = bg.scores[line][column];
  return out;
}

/** A component study's footprint per its functional unit, calculated on the parent's background (src/studies/components.ts). */
export interface ComponentFootprint {
  study: Pick<Study, 'id' | 'name' | 'version' | 'unit'>;
  /** with `uncertainty` when the parent runs a Monte Carlo: the component's own spread */
  result: Pick<StudyResult, 'lines' | 'dqr' | 'releases' | 'parts' | 'uncertainty'>;
}

/**
 * The GSD of the lognormal with the component's Monte Carlo mean and standard deviation
 * (σ² = ln(1 + sd²/mean²)), so the parent draws the component's footprint with its own spread;
 * 1 (taken as exact) without a Monte Carlo or for a mean that is not positive.
 */
export function componentGsd(
  u: Pick<NonNullable<StudyResult['uncertainty']>, 'mean' | 'sd'> | null | undefined,
): number {
  if (!u || !(u.mean > 0) || !(u.sd > 0)) return 1;
  return Math.exp(Math.sqrt(Math.log(1 + (u.sd / u.mean) ** 2)));
}

export function perUnitOf(entry: Entry, bg: Background, components?: ReadonlyMap<string, ComponentFootprint>): PerUnit {
  const src = entry.source;
  if (src.type === 'direct') return directGas(entry, src.gas, bg);
  if (src.type === 'placeholder') throw new EntryError(entry, refusal('entry.placeholder', {}));
  if (src.type === 'study') {
    const c = components?.get(src.studyId);
    if (!c) throw new EntryError(entry, refusal('entry.component-not-loaded', { study: src.studyId }));
    const per = c.study.unit.amount;
    const lines = emptyLines();
    for (const l of GHG_LINES) lines[l] = c.result.lines[l] / per;
    const parts = c.result.parts;
    // one pool per entry: the one that holds most of the component's removals
    const removalPool: RemovalPool =
      parts && Math.abs(parts.landRemovals) > Math.abs(parts.productUptake) ? 'land' : 'product';
    return {
      lines,
      perUnit: c.study.unit.unit,
      provenance: {
        type: 'study',
        id: c.study.id,
        name: coded('provenance.component-study', { study: c.study.name, version: c.study.version }),
        source: coded('provenance.component-source', {
          lci: c.result.releases.lci,
          factors: c.result.releases.factors,
        }),
        notes: [coded('note.component-study', { per, unit: c.study.unit.unit })],
      },
      gsd: componentGsd(c.result.uncertainty),
      dqr: c.result.dqr,
      biogenicNonCO2: (parts?.biogenicNonCO2 ?? 0) / per,
      removalPool,
    };
  }
  if (src.type === 'supplier') {
    const lines = emptyLines();
    lines[src.line] = src.kgCo2ePerUnit;
    const p = EVIDENCE_PEDIGREE[src.evidence.type];
    return {
      lines,
      perUnit: entry.unit,
      provenance: {
        type: 'supplier',
        name: coded('provenance.supplier', { supplier: src.supplier }),
        source: coded('provenance.supplier-evidence', {
          evidence: src.evidence.type,
          reference: src.evidence.reference,
        }),
        notes: [],
      },
      gsd: pedigreeGsd(BASIC_GSD, p),
      dqr: dqr(p),
      // a supplier states one line; its biogenic part is taken as CO2 unless the statement says otherwise
      biogenicNonCO2: 0,
      removalPool: 'product',
    };
  }
  const { dataset } = src;
  if (dataset.type === 'factor') {
    if (dataset.release !== bg.factorRelease)
      throw new EntryError(
        entry,
        refusal('entry.factor-release', { release: dataset.release, pinned: bg.factorRelease }),
      );
    const f = bg.factorById.get(dataset.id);
    if (!f)
      throw new EntryError(entry, refusal('entry.factor-missing', { factor: dataset.id, release: dataset.release }));
    return factorPerUnit(entry, f, bg);
  }
  if (dataset.release !== bg.lciRelease)
    throw new EntryError(entry, refusal('entry.process-release', { release: dataset.release, pinned: bg.lciRelease }));
  const column = bg.columnOf.get(dataset.id);
  if (column === undefined)
    throw new EntryError(entry, refusal('entry.process-missing', { process: dataset.id, release: dataset.release }));
  const p = bg.system.index.providers[column];
  const doc = p.process.provenance;
  const rating = doc?.dqr ?? PROCESS_DQR;
  const notes: StoredMessage[] = [coded('note.lci-characterised', { method: bg.method.name })];
  if (doc?.dqr === undefined) notes.push(coded('note.no-dqr', { dqr: PROCESS_DQR }));
  if (doc?.technology) notes.push(coded('note.technology', { technology: doc.technology }));
  if (doc?.licence) notes.push(coded('note.licence', { licence: doc.licence }));
  const flags = bg.quarantine.get(dataset.id);
  return {
    lines: lineScores(bg, column),
    perUnit: p.flow.unit,
    provenance: {
      type: 'process',
      release: dataset.release,
      id: dataset.id,
      name: p.process.name,
      source: [doc?.publication ?? bg.db.name, p.process.source].filter(Boolean).join('; '),
      year: doc?.referenceYear,
      region: p.process.location,
      gwpSet: bg.method.gwpSet,
      ...(flags ? { screenFlags: flags } : {}),
      notes,
    },
    column,
    gsd: 1,
    dqr: rating,
    biogenicNonCO2: bg.biogenicNonCO2[column],
    // CO2 taken from air by a background process is carbon in its product's biomass
    removalPool: 'product',
  };
}

function factorPerUnit(entry: Entry, f: Factor, bg: Background): PerUnit {
  try {
    assertUsableInProductFootprint(f, bg.factors);
  } catch (err) {
    const text = errorTextOf(err);
    if (!text) throw err;
    throw new EntryError(entry, text);
  }
  const notes: StoredMessage[] = [];
  if (coverage(f) === 'CO2') notes.push(coded('factor.co2-only', {}));
  const unverified = unverifiedNote(f);
  if (unverified) notes.push(unverified);
  // an unverified factor's note already says who approved it
  else if (f.approval) notes.push(coded('note.approved', { by: f.approval.by, date: f.approval.at.slice(0, 10) }));
  if (f.status === 'derived' && f.method) notes.push(coded('note.derived', { method: f.method }));
  const official = officialInsteadOf(bg.factors, f);
  if (official)
    notes.push(
      coded('factor.estimate-over-official', {
        official: official.id,
        value: official.value,
        unit: official.unit,
        year: official.year,
      }),
    );
  const lines = emptyLines();
  lines.fossil = f.value;
  return {
    lines,
    perUnit: f.perUnit,
    provenance: {
      type: 'factor',
      release: bg.factorRelease,
      id: f.id,
      name: f.nameZh ? `${f.name} / ${f.nameZh}` : f.name,
      source: [f.source.publisher, f.source.title, f.source.documentNumber].filter(Boolean).join(', '),
      year: f.year,
      region: f.region,
      gwpSet: f.gwpSet ?? (f.gases === 'CO2' ? 'CO2 only' : undefined),
      status: f.status,
      verified: isVerified(f),
      notes,
    },
    gsd: pedigreeGsd(BASIC_GSD, f.dataQuality.pedigree),
    dqr: f.dataQuality.dqr,
    biogenicNonCO2: 0,
    removalPool: 'product',
  };
}

function directGas(entry: Entry, gas: DirectGas, bg: Background): PerUnit {
  const { substance, line } = GASES[gas];
  const row = bg.method.entries.find((e) => e.substance === substance);
  if (!row) throw new EntryError(entry, refusal('entry.no-gwp', { method: bg.method.id, substance }));
  const lines = emptyLines();
  if (entry.kind === 'removal') lines.biogenicRemovals = -row.gwp100;
  else lines[line] = row.gwp100;
  return {
    lines,
    perUnit: 'kg',
    provenance: {
      type: 'direct',
      name: coded('provenance.direct-gas', { gas, gwp100: row.gwp100 }),
      source: bg.method.source,
      gwpSet: bg.method.gwpSet,
      notes: row.note ? [row.note] : [],
    },
    gsd: 1,
    dqr: 1,
    biogenicNonCO2: entry.kind === 'emission' && line === 'biogenic' && substance !== 'carbon dioxide' ? row.gwp100 : 0,
    removalPool: entry.removalPool ?? 'land',
  };
}

/** How many `to` one `from` is; undefined when the units measure different things. */
export function conversion(from: string, to: string): number | undefined {
  const norm = (u: string) => u.replace(/[·×]/g, '*').replace(/^L$/, 'l').trim();
  if (norm(from).toLowerCase() === norm(to).toLowerCase()) return 1;
  const a = namedUnit(norm(from));
  const b = namedUnit(norm(to));
  if (!a || !b || a.referenceUnit !== b.referenceUnit) return undefined;
  return a.factor / b.factor;
}
