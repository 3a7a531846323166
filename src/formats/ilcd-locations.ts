/**
 * ILCD location codes of Chinese provinces and cities (ILCDLocations.xml: `SD-CN` Shandong,
 * `NMG-CN` Inner Mongolia, `SZ-JS-CN` Suzhou in Jiangsu) mapped to Tanji's province codes
 * (ISO 3166-2:CN, src/model/provinces.ts), so that region fallback, regionalisation and the
 * province map work on imported processes. A city maps to its province; codes outside China pass
 * through unchanged.
 */
const PROVINCE_BY_ILCD: Record<string, string> = {
  AH: 'CN-AH',
  BJ: 'CN-BJ',
  CQ: 'CN-CQ',
  FJ: 'CN-FJ',
  GS: 'CN-GS',
  GD: 'CN-GD',
  GX: 'CN-GX',
  GZ: 'CN-GZ',
  HAIN: 'CN-HI',
  HEB: 'CN-HE',
  HLJ: 'CN-HL',
  HEN: 'CN-HA',
  HUB: 'CN-HB',
  HUN: 'CN-HN',
  NMG: 'CN-NM',
  JS: 'CN-JS',
  JX: 'CN-JX',
  JL: 'CN-JL',
  LN: 'CN-LN',
  NX: 'CN-NX',
  QH: 'CN-QH',
  SAX: 'CN-SN',
  SD: 'CN-SD',
  SH: 'CN-SH',
  SX: 'CN-SX',
  SC: 'CN-SC',
  TJ: 'CN-TJ',
  XJ: 'CN-XJ',
  XZ: 'CN-XZ',
  YN: 'CN-YN',
  ZJ: 'CN-ZJ',
};
const ILCD_BY_PROVINCE = new Map(Object.entries(PROVINCE_BY_ILCD).map(([ilcd, iso]) => [iso, `${ilcd}-CN`]));

/** "SD-CN" → "CN-SD", "SZ-JS-CN" → "CN-JS", "CN" → "CN"; anything else as written. */
export function tanjiLocation(ilcd: string): string {
  const parts = ilcd.trim().toUpperCase().split('-');
  if (parts.length >= 2 && parts[parts.length - 1] === 'CN') {
    const province = PROVINCE_BY_ILCD[parts[parts.length - 2]];
    if (province) return province;
  }
  return ilcd.trim();
}

/** The ILCD code of a Tanji location, for export: "CN-SD" → "SD-CN"; others as written. */
export function ilcdLocation(location: string): string {
  return ILCD_BY_PROVINCE.get(location) ?? location;
}
