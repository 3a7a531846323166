import { FactorSchema, type Factor } from '../model/factor.ts';
import { chinaElectricityFactors } from './china-electricity.ts';
import { fertiliserFactors } from './fertilisers.ts';
import { fuelFactors } from './fuels.ts';
import { getRegion } from './regions.ts';
import { transportFactors } from './transport.ts';

/**
 * Tanji's seed factor set, built from data/*.csv. `SEED_RELEASE` names this set in search
 * results so that a footprint can cite exactly which release of the background data it used.
 */
export const SEED_RELEASE = '2026.1';

let cache: Factor[] | undefined;

/** Every seed factor, schema-checked, with unique ids of the form `<series>/<region>/<year>`. */
export function seedFactors(): Factor[] {
  cache ??= validate([...chinaElectricityFactors(), ...fuelFactors(), ...transportFactors(), ...fertiliserFactors()]);
  return cache;
}

function validate(factors: Factor[]): Factor[] {
  const seen = new Set<string>();
  return factors.map((f) => {
    const parsed = FactorSchema.parse(f);
    if (seen.has(parsed.id)) throw new Error(`seed factors: duplicate id ${parsed.id}`);
    seen.add(parsed.id);
    getRegion(parsed.region);
    if (!parsed.id.endsWith(`/${parsed.region}/${parsed.year}`))
      throw new Error(`seed factor ${parsed.id}: id must end with /${parsed.region}/${parsed.year}`);
    if (parsed.status === 'derived' && !parsed.method)
      throw new Error(`seed factor ${parsed.id}: derived without a method`);
    return parsed;
  });
}
