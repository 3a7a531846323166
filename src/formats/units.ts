import type { FlowProperty, UnitGroup } from '../model/lci.ts';

/**
 * Units for formats that name units instead of referencing unit groups (EcoSpold2 without
 * master data). Reference units, groups and property ids are openLCA's reference data, so that
 * an EcoSpold2 import and the JSON-LD export of the same database agree on every flow's unit.
 * Factors are exact definitions (e.g. 1 cu ft = 0.028316846592 m3).
 */
interface Dimension {
  property: FlowProperty;
  group: UnitGroup;
}

const dimension = (
  propertyId: string,
  property: string,
  groupId: string,
  group: string,
  units: Record<string, number>,
): Dimension => {
  const entries = Object.entries(units);
  return {
    property: { id: propertyId, name: property, unitGroupId: groupId },
    group: {
      id: groupId,
      name: group,
      referenceUnit: entries[0][0],
      units: entries.map(([name, factor]) => ({ id: `${groupId}/${name}`, name, factor })),
    },
  };
};

// the first unit of each group is its reference unit
const DIMENSIONS: Dimension[] = [
  dimension('93a60a56-a3c8-11da-a746-0800200b9a66', 'Mass', '93a60a57-a4c8-11da-a746-0800200c9a66', 'Units of mass', {
    kg: 1,
    g: 1e-3,
    mg: 1e-6,
    t: 1000,
    'metric ton': 1000,
    tonne: 1000,
    lb: 0.45359237,
    'lb av': 0.45359237,
    'sh tn': 907.18474,
    oz: 0.028349523125,
  }),
  dimension(
    'f6811440-ee37-11de-8a39-0800200c9a66',
    'Energy',
    '93a60a57-a3c8-11da-a746-0800200c9a66',
    'Units of energy',
    {
      MJ: 1,
      kJ: 1e-3,
      J: 1e-6,
      GJ: 1000,
      TJ: 1e6,
      kWh: 3.6,
      Wh: 3.6e-3,
      MWh: 3600,
      GWh: 3.6e6,
      btu: 0.00105505585262,
      MMBtu: 1055.05585262,
      kcal: 0.0041868,
      therm: 105.505585262,
    },
  ),
  dimension(
    '93a60a56-a3c8-22da-a746-0800200c9a66',
    'Volume',
    '93a60a57-a3c8-12da-a746-0800200c9a66',
    'Units of volume',
    {
      m3: 1,
      l: 1e-3,
      dm3: 1e-3,
      cm3: 1e-6,
      'cu ft': 0.028316846592,
      gal: 0.003785411784,
      'gal (US fl)': 0.003785411784,
      Nm3: 1,
    },
  ),
  dimension('93a60a56-a3c8-19da-a746-0800200c9a66', 'Area', '93a60a57-a3c8-18da-a746-0800200c9a66', 'Units of area', {
    m2: 1,
    ha: 1e4,
    km2: 1e6,
    cm2: 1e-4,
    ac: 4046.8564224,
    ft2: 0.09290304,
  }),
  dimension(
    '93a60a56-a3c8-21da-a746-0800200c9a66',
    'Area*time',
    '93a60a57-a3c8-20da-a746-0800200c9a66',
    'Units of area*time',
    {
      'm2*a': 1,
      'm2*year': 1,
      'ha*a': 1e4,
      'ha*year': 1e4,
      'km2*a': 1e6,
    },
  ),
  dimension(
    '441238a3-ba09-46ec-b35b-c30cfba746d1',
    'Volume*time',
    '93a60a57-a3c8-23da-a746-0800200c9a66',
    'Units of volume*time',
    { 'm3*a': 1, 'm3*year': 1 },
  ),
  dimension(
    '838aaa23-0117-11db-92e3-0800200c9a66',
    'Length',
    '838aaa22-0117-11db-92e3-0800200c9a66',
    'Units of length',
    { m: 1, km: 1000, cm: 0.01, mm: 1e-3, mi: 1609.344 },
  ),
  dimension(
    '838aaa20-0117-11db-92e3-0800200c9a66',
    'Goods transport (mass*distance)',
    '838aaa21-0117-11db-92e3-0800200c9a66',
    'Units of mass*length',
    {
      't*km': 1,
      'metric ton*km': 1,
      tkm: 1,
      'kg*km': 1e-3,
      kgkm: 1e-3,
      't*mi': 1.609344,
    },
  ),
  dimension(
    '8766e10f-9f41-4db0-8173-ad0d002a5b98',
    'Person transport',
    '11d161f0-37e3-4d49-bf7a-ff4f31a9e5c7',
    'Units of person transport',
    {
      'p*km': 1,
      'person*km': 1,
      pkm: 1,
      'p*mi': 1.609344,
    },
  ),
  dimension(
    'ecbe0a5d-f397-4b74-993d-32d231e4bcf9',
    'Vehicle transport',
    'af16ae7e-3e04-408a-b8ae-5b3666dbe7f9',
    'Units of vehicle transport',
    { 'v*km': 1, 'vehicle*km': 1 },
  ),
  dimension(
    '01846770-4cfe-4a25-8ad9-919d8d378345',
    'Number of items',
    '5beb6eed-33a9-47b8-9ede-1dfe8f679159',
    'Units of items',
    {
      'Item(s)': 1,
      unit: 1,
      p: 1,
      item: 1,
      items: 1,
      'Dozen(s)': 12,
    },
  ),
  dimension(
    '93a60a56-a3c8-17da-a746-0800200c9a66',
    'Radioactivity',
    '93a60a57-a3c8-16da-a746-0800200c9a66',
    'Units of radioactivity',
    { kBq: 1, Bq: 1e-3, MBq: 1000, GBq: 1e6 },
  ),
  // ILCD's reference property and group (as TianGong uses them): a price in one currency, no conversion to others
  dimension(
    'fdfecf14-ff8a-4e17-b2b2-f938c4b5cc27',
    'Market value US 2000, bulk prices',
    'da299c4d-1741-4da8-9fbd-5ccfb5e1d688',
    'Units of currency 2000',
    { EUR: 1 },
  ),
  dimension(
    'c0447923-0e60-4b3c-97c2-a86dddd9eea5',
    'Duration',
    'af638906-3ec7-4314-8de7-f76039f2dd01',
    'Units of time',
    {
      d: 1,
      day: 1,
      h: 1 / 24,
      hour: 1 / 24,
      min: 1 / 1440,
      s: 1 / 86400,
      a: 365,
      year: 365,
    },
  ),
];

export interface NamedUnit {
  /** the reference unit of the unit's group, e.g. "MJ" for "kWh" */
  referenceUnit: string;
  /** reference units per one of this unit */
  factor: number;
  property: FlowProperty;
}

const BY_NAME = new Map<string, NamedUnit>();
for (const d of DIMENSIONS) {
  for (const u of d.group.units)
    BY_NAME.set(u.name.toLowerCase(), { referenceUnit: d.group.referenceUnit, factor: u.factor, property: d.property });
}

/** Unit names are matched ignoring case, as EcoSpold2 files differ in capitalisation ("MJ", "mj"). */
export function namedUnit(name: string): NamedUnit | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** The unit groups and flow properties of the given properties, for LciDatabase. */
export function dimensionsOf(propertyIds: Set<string>): { unitGroups: UnitGroup[]; flowProperties: FlowProperty[] } {
  const used = DIMENSIONS.filter((d) => propertyIds.has(d.property.id));
  return { unitGroups: used.map((d) => d.group), flowProperties: used.map((d) => d.property) };
}
