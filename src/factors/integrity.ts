import type { Factor } from '../model/factor.ts';
import { coder, type CodedMessage } from '../i18n/define.ts';
import { FACTOR_TEXTS } from '../i18n/factors.ts';

const coded = coder(FACTOR_TEXTS);

/**
 * What a factor covers and how far it can be trusted, read from the factor itself: its gases and
 * unit, its status, the inputs it was derived from, its approval. Never from its id or kind, which
 * a CSV file, a spreadsheet or a co-construction submission may set to anything.
 *
 * Three separate facts:
 * - coverage: CO2 only, or CO2e (all greenhouse gases under a GWP set). A factor whose gases or
 *   unit says CO2 without "e" covers CO2 only, whatever its kind claims.
 * - verification: the value was seen in its published source (`status: verified`), or, for a
 *   derived factor, every input it was computed from was (`unverifiedInputs` empty).
 * - approval: a steward accepted it in a co-construction review (`approval`). Approval is not
 *   verification: a steward approves a submission's form and plausibility, not its source.
 */

export type Coverage = 'CO2' | 'CO2e';

/** "kg CO2/kWh" covers CO2 only; "kg CO2e/kWh", "kg CO2-eq/kWh" every greenhouse gas. */
const CO2_ONLY_UNIT = /\bCO2(?![\s-]*(e|eq)\b)/i;

export function coverage(f: Pick<Factor, 'gases' | 'unit'>): Coverage {
  return f.gases === 'CO2' || CO2_ONLY_UNIT.test(f.unit) ? 'CO2' : 'CO2e';
}

/** Energy units electricity is sold in. */
const ELECTRICITY_UNITS = /^(kWh|MWh|GWh|Wh)$/i;

/** An electricity factor by what it is about: its kind, or a name saying electricity per unit of electrical energy. */
export function isElectricity(f: Pick<Factor, 'kind' | 'name' | 'nameZh' | 'perUnit'>): boolean {
  if (f.kind === 'electricity-co2' || f.kind === 'electricity-footprint') return true;
  return ELECTRICITY_UNITS.test(f.perUnit.trim()) && /electric|电力|电网|用电/i.test(`${f.name} ${f.nameZh ?? ''}`);
}

/**
 * A CO2-only electricity factor counts the CO2 of generation only: an organisational (scope 2)
 * factor, never a product footprint's, however it was labelled.
 */
export function isCo2OnlyElectricity(f: Factor): boolean {
  return isElectricity(f) && coverage(f) === 'CO2';
}

/** Verified against its source; a derived factor only when every input is. */
export function isVerified(f: Factor): boolean {
  if (f.status === 'derived') return (f.unverifiedInputs ?? []).length === 0;
  return f.status === 'verified';
}

/** Why a factor is not verified, coded for the reader's language, or undefined when it is. */
export function unverifiedNote(f: Factor): CodedMessage | undefined {
  if (isVerified(f)) return undefined;
  const approval = { approvedBy: f.approval?.by ?? '', approvedOn: f.approval?.at.slice(0, 10) ?? '' };
  if (f.status === 'check')
    return coded('factor.unverified-check', { comment: f.dataQuality.comment ?? '', ...approval });
  if (f.status === 'derived') {
    const inputs = f.unverifiedInputs ?? [];
    return coded('factor.unverified-derived', { count: inputs.length, inputs: inputs.join(', '), ...approval });
  }
  return undefined;
}

/**
 * What a derived factor records about its inputs: their ids, and those not verified (an input
 * that is itself derived passes its own unverified inputs on).
 */
export function derivation(inputs: Factor[]): Pick<Factor, 'derivedFrom' | 'unverifiedInputs'> {
  const unverified = new Set<string>();
  for (const f of inputs) {
    if (isVerified(f)) continue;
    if (f.status === 'derived' && f.unverifiedInputs?.length) f.unverifiedInputs.forEach((id) => unverified.add(id));
    else unverified.add(f.id);
  }
  return { derivedFrom: inputs.map((f) => f.id), unverifiedInputs: [...unverified] };
}

/** A Tanji estimate: computed by Tanji (status derived), not a value an authority published. */
export function isEstimate(f: Factor): boolean {
  return f.status === 'derived';
}
