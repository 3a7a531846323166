/**
 * Compartment paths of elementary flows, in one shape for every importer:
 * ["Elementary flows", compartment, subcompartment...]. openLCA exports put compartments at
 * the top ("air/unspecified") or under folders ("Elementary Flows/NETL Coal Elementary
 * Flows/air/unspecified"); EcoSpold2 says "natural resource" where openLCA says "resource".
 * Unifying them lets characterisation and the resource test in engine/system match either import.
 */
export const ELEMENTARY_ROOT = 'Elementary flows';

const COMPARTMENT_ALIASES: [RegExp, string][] = [
  [/^natural resources?$/i, 'resource'],
  [/^resources?$/i, 'resource'],
  [/^\s*\[resource\]/i, 'resource'],
  [/^emissions? (output )?to (air|atmosphere)$/i, 'air'],
  [/^emissions? (output )?to (fresh ?water|water)$/i, 'water'],
  [/^emissions? (output )?to soil$/i, 'soil'],
];

export function elementaryCategory(path: string[]): string[] {
  const rest = path.map((s) => s.trim()).filter((s) => s !== '');
  // folders that only group elementary flows ("Elementary Flows", "NETL Elementary Flows", ...)
  while (rest.length > 0 && /elementary flows$/i.test(rest[0])) rest.shift();
  if (rest.length === 0) return [ELEMENTARY_ROOT, 'unspecified'];
  const alias = COMPARTMENT_ALIASES.find(([re]) => re.test(rest[0]));
  if (alias) {
    const original = rest[0];
    rest[0] = alias[1];
    // keep what the folder said beyond the compartment, e.g. "[Resource] water needed during mine operations"
    if (!/^(natural )?resources?$/i.test(original) && !/^emissions?/i.test(original)) rest.splice(1, 0, original);
  }
  return [ELEMENTARY_ROOT, ...rest];
}

/**
 * NETL flow names carry their compartment in brackets, e.g. "Carbon dioxide [Inorganic
 * emissions to air]"; when an export gives no compartment that is the best evidence there is.
 */
export function compartmentFromName(name: string): string[] | undefined {
  const m = /\[[^\]]*\bemissions? to (air|fresh ?water|water|soil)\]/i.exec(name);
  if (!m) return undefined;
  return [ELEMENTARY_ROOT, /water/i.test(m[1]) ? 'water' : m[1].toLowerCase(), 'unspecified'];
}
