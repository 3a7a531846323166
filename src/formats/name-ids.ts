import { createHash } from 'node:crypto';

/**
 * openLCA-made EcoSpold2 exports (USLCI among them) give elementary flows name-based ids:
 * a version 3 UUID (Java's UUID.nameUUIDFromBytes, MD5) of "compartment/subcompartment/name/unit"
 * in lower case. Their exchanges mostly omit the compartment, so it is recovered by hashing the
 * known compartments; only an exact id match counts, so a guess can never be wrong.
 */
const COMPARTMENTS: Record<string, string[]> = {
  air: [
    'unspecified',
    'low population density',
    'high population density',
    'low population density, long-term',
    'lower stratosphere + upper troposphere',
    'stratosphere',
    'low. pop.',
    'fossil',
    'urban air close to ground',
    'non-urban air or from high stacks',
  ],
  water: [
    'unspecified',
    'river',
    'ocean',
    'lake',
    'ground-',
    'ground-, long-term',
    'fresh water',
    'surface water',
    'low population density, long-term',
    'river, long-term',
    'fossil-',
  ],
  soil: ['unspecified', 'agricultural', 'forestry', 'industrial'],
  resource: ['unspecified', 'in ground', 'in water', 'in air', 'biotic', 'land', 'fossil-', 'renewable', 'ground-'],
  'natural resource': ['unspecified', 'in ground', 'in water', 'in air', 'biotic', 'land'],
  'final-waste-flow': ['unspecified'],
  others: ['unspecified'],
  'non-material': ['unspecified'],
};

const PAIRS = Object.entries(COMPARTMENTS).flatMap(([c, subs]) => subs.map((s) => [c, s] as const));

export function nameUuid(text: string): string {
  const x = nameUuidHex(text);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

function nameUuidHex(text: string): string {
  const h = createHash('md5').update(text, 'utf8').digest();
  h[6] = (h[6] & 0x0f) | 0x30;
  h[8] = (h[8] & 0x3f) | 0x80;
  return h.toString('hex');
}

/** [compartment, subcompartment] whose name-based id is `id`, for any of the unit names given. */
export function compartmentFromId(id: string, name: string, units: string[]): string[] | undefined {
  const target = id.toLowerCase().replace(/-/g, '');
  // only version 3 (name-based) UUIDs can match; openLCA reference flows have version 1 or 4 ids
  if (target.length !== 32 || target[12] !== '3') return undefined;
  const names = [...new Set([name.trim().toLowerCase(), name.toLowerCase()])];
  const unitNames = [...new Set(units.map((u) => u.toLowerCase()))];
  for (const [c, s] of PAIRS) {
    for (const n of names) for (const u of unitNames) if (nameUuidHex(`${c}/${s}/${n}/${u}`) === target) return [c, s];
  }
  return undefined;
}
