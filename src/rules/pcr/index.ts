import { PcrSchema, type Pcr } from '../../model/pcr.ts';
import battery from './eu-battery-ev.json' with { type: 'json' };
import fruit from './fresh-fruit.json' with { type: 'json' };
import general from './gbt-24067-general.json' with { type: 'json' };
import miit from './cn-miit-traction-battery.json' with { type: 'json' };
import vehicle from './nev-passenger-vehicle.json' with { type: 'json' };
import pv from './pv-module.json' with { type: 'json' };
import { DomainError } from '../../model/errors.ts';
import { coder } from '../../i18n/define.ts';
import { STUDY_TEXTS } from '../../i18n/studies.ts';

/**
 * The product category rules Tanji ships, one JSON file each, parsed against `PcrSchema` when
 * this module loads: a rule file that breaks the schema stops the program with its file and
 * field named rather than shaping studies wrongly.
 */

/** A rule file that is not a valid rule: the file and every field at fault. */
export class PcrFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`${file}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'PcrFileError';
  }
}

export function parsePcr(json: unknown, file: string): Pcr {
  const parsed = PcrSchema.safeParse(json);
  if (!parsed.success)
    throw new PcrFileError(
      file,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  return parsed.data;
}

/** Rules by id; a rule's parent must exist and no rule may extend itself through others. */
export function pcrRegistry(files: Record<string, unknown>): ReadonlyMap<string, Pcr> {
  const rules = new Map<string, Pcr>();
  for (const [file, json] of Object.entries(files)) {
    const rule = parsePcr(json, file);
    if (rules.has(rule.id))
      throw new PcrFileError(file, [{ path: 'id', message: `rule "${rule.id}" is defined twice` }]);
    rules.set(rule.id, rule);
  }
  for (const [file, json] of Object.entries(files)) {
    const rule = rules.get((json as { id: string }).id)!;
    const seen = new Set([rule.id]);
    for (let parent = rule.extends; parent !== undefined; parent = rules.get(parent)?.extends) {
      if (!rules.has(parent)) throw new PcrFileError(file, [{ path: 'extends', message: `no rule "${parent}"` }]);
      if (seen.has(parent))
        throw new PcrFileError(file, [
          { path: 'extends', message: `rules extend each other in a loop through "${parent}"` },
        ]);
      seen.add(parent);
    }
  }
  return rules;
}

export const PCRS: ReadonlyMap<string, Pcr> = pcrRegistry({
  'gbt-24067-general.json': general,
  'eu-battery-ev.json': battery,
  'cn-miit-traction-battery.json': miit,
  'pv-module.json': pv,
  'nev-passenger-vehicle.json': vehicle,
  'fresh-fruit.json': fruit,
});

/** The rule every study follows when it names none. */
export const GENERAL_PCR = 'gbt-24067-general';

/** A rule id no rule has (422 unknown-pcr). */
export class UnknownPcrError extends DomainError {
  constructor(readonly id: string) {
    super('invalid', 'unknown-pcr', coder(STUDY_TEXTS)('pcr.unknown', { id, known: [...PCRS.keys()].join(', ') }));
  }
}

export function getPcr(id: string, rules: ReadonlyMap<string, Pcr> = PCRS): Pcr {
  const rule = rules.get(id);
  if (!rule) throw new UnknownPcrError(id);
  return rule;
}

/** The rule and the rules it extends, the rule itself first. */
export function pcrChain(id: string, rules: ReadonlyMap<string, Pcr> = PCRS): Pcr[] {
  const chain: Pcr[] = [];
  for (let r: Pcr | undefined = getPcr(id, rules); r; r = r.extends ? getPcr(r.extends, rules) : undefined)
    chain.push(r);
  return chain;
}
