import { RegionSchema, type Region } from '../model/factor.ts';
import { PROVINCES } from '../model/provinces.ts';
import { commentWith, readCsv } from './csv.ts';
import { coder, type CodedMessage } from '../i18n/define.ts';
import { FACTOR_TEXTS } from '../i18n/factors.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';
import { DomainError } from '../model/errors.ts';

/**
 * The region hierarchy factors fall back along: province → regional grid → national → global.
 * Province codes are ISO 3166-2:CN; grid codes are those of the MEE grid-factor table
 * (data/china-grid-co2-2021-2023.csv); which grid a province belongs to comes from
 * data/province-grid.csv.
 *
 * Tibet (CN-XZ) is the one exception: province-grid.csv places it in the Southwest grid, but MEE
 * publishes no Tibet factor and the grid-factor table says Tibet falls back to the national
 * average, so Tibet's parent is CN, not CN-SOUTHWEST (see `fallbackNote`).
 */

const GRIDS: [code: string, nameZh: string, nameEn: string][] = [
  ['CN-NORTH', '华北电网', 'North China grid'],
  ['CN-NORTHEAST', '东北电网', 'Northeast grid'],
  ['CN-EAST', '华东电网', 'East China grid'],
  ['CN-CENTRAL', '华中电网', 'Central China grid'],
  ['CN-NORTHWEST', '西北电网', 'Northwest grid'],
  ['CN-SOUTH', '南方电网', 'China Southern grid'],
  ['CN-SOUTHWEST', '西南电网', 'Southwest grid'],
];

const TIBET = 'CN-XZ';

function build(): Region[] {
  const table = readCsv('province-grid.csv');
  const gridOf = new Map(table.rows.map((r) => [r.values.province, r.values.grid]));
  const gridCodes = new Set(GRIDS.map((g) => g[0]));
  const regions: Region[] = [
    { code: 'GLO', level: 'global', nameZh: '全球', nameEn: 'global' },
    { code: 'CN', level: 'national', nameZh: '全国', nameEn: 'China (national)', parent: 'GLO' },
    ...GRIDS.map(([code, nameZh, nameEn]): Region => ({ code, level: 'grid', nameZh, nameEn, parent: 'CN' })),
  ];
  for (const [code, nameZh, nameEn] of PROVINCES) {
    const grid = gridOf.get(code);
    if (!grid || !gridCodes.has(grid)) throw new Error(`province-grid.csv: no known grid for ${code} (${nameEn})`);
    regions.push({ code, level: 'province', nameZh, nameEn, parent: code === TIBET ? 'CN' : grid });
  }
  if (gridOf.size !== PROVINCES.length)
    throw new Error(`province-grid.csv lists ${gridOf.size} provinces, expected ${PROVINCES.length}`);
  return regions.map((r) => RegionSchema.parse(r));
}

export const REGIONS: readonly Region[] = build();
const BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

/** A region no code or name matches (400 unknown-region), with every code it could have been. */
export class UnknownRegionError extends DomainError {
  constructor(readonly input: string) {
    super(
      'bad-request',
      'unknown-region',
      coder(STUDY_TEXTS)('region.unknown-code', {
        input,
        grids: GRIDS.map((g) => g[0]).join(', '),
        codes: PROVINCES.map((p) => `${p[0]} ${p[1]}`).join(', '),
      }),
    );
  }
}

/** A region by code (case-insensitive) or by its Chinese or English name. */
export function getRegion(codeOrName: string): Region {
  const q = codeOrName.trim();
  const hit =
    BY_CODE.get(q.toUpperCase()) ??
    REGIONS.find(
      (r) => r.nameZh === q || r.nameEn.toLowerCase() === q.toLowerCase() || r.nameZh.replace(/电网$/, '') === q,
    );
  if (!hit) throw new UnknownRegionError(codeOrName);
  return hit;
}

/** The region and every region it falls back to, most specific first, ending with GLO. */
export function regionChain(codeOrName: string): Region[] {
  const chain = [getRegion(codeOrName)];
  for (let r = chain[0]; r.parent;) {
    r = BY_CODE.get(r.parent)!;
    chain.push(r);
  }
  return chain;
}

/** Why a region's fallback departs from the plain hierarchy, quoting the data's own note. */
export function fallbackNote(code: string): CodedMessage | undefined {
  if (getRegion(code).code !== TIBET) return undefined;
  const grid = readCsv('province-grid.csv').rows.find((r) => r.values.province === TIBET)!.values.grid;
  const comment = commentWith(readCsv('china-grid-co2-2021-2023.csv'), 'Tibet');
  return coder(FACTOR_TEXTS)('lookup.tibet-national', { grid, comment });
}

/**
 * A region named inside a search text ("电力 广东", "广东电力", "electricity Guangdong", "CN-GD"),
 * and the text without it: a search then looks in that region whatever the study's region is.
 * Chinese names are found inside words (Chinese is written without spaces), the longest first so
 * that 内蒙古 is not read as something shorter; codes and English names only as whole words.
 */
export function regionInText(text: string): { region?: Region; rest: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (const [i, w] of words.entries()) {
    const hit = BY_CODE.get(w.toUpperCase()) ?? REGIONS.find((r) => r.nameEn.toLowerCase() === w.toLowerCase());
    if (hit && hit.level !== 'global') return { region: hit, rest: words.filter((_, j) => j !== i).join(' ') };
  }
  const norm = words.join(' ');
  const without = (at: number, length: number) =>
    `${norm.slice(0, at)} ${norm.slice(at + length)}`.trim().replace(/\s+/g, ' ');
  for (const r of BY_LONGEST_ENGLISH) {
    const at = norm.toLowerCase().indexOf(r.nameEn.toLowerCase());
    if (at >= 0 && r.nameEn.includes(' ')) return { region: r, rest: without(at, r.nameEn.length) };
  }
  for (const r of BY_LONGEST_CHINESE) {
    for (const name of new Set([r.nameZh, r.nameZh.replace(/电网$/, '')])) {
      const at = norm.indexOf(name);
      if (at >= 0) return { region: r, rest: without(at, name.length) };
    }
  }
  return { rest: norm };
}

/** Provinces and grids (not 全国/全球, which are no place to search in), longest name first. */
const BY_LONGEST_CHINESE = REGIONS.filter((r) => r.level === 'province' || r.level === 'grid').sort(
  (a, b) => b.nameZh.length - a.nameZh.length,
);
const BY_LONGEST_ENGLISH = REGIONS.filter((r) => r.level === 'province' || r.level === 'grid').sort(
  (a, b) => b.nameEn.length - a.nameEn.length,
);
