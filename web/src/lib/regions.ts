import { PROVINCES } from '../../../src/model/provinces.ts';

/** Regions a study can be made in: China and its 31 provinces (ISO 3166-2:CN). */
export interface RegionName {
  code: string;
  zh: string;
  en: string;
}

export const STUDY_REGIONS: readonly RegionName[] = [
  { code: 'CN', zh: '全国', en: 'China (national)' },
  ...PROVINCES.map(([code, zh, en]) => ({ code, zh, en })),
];

/** a region as a reader names it, with its code */
export { regionLabel } from '../../../src/model/provinces.ts';
