import { RegionSchema, type Region } from '../model/factor.ts';
import { PROVINCES } from '../model/provinces.ts';
import { commentWith, readCsv } from './csv.ts';

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
  if (gridOf.size !== PROVINCES.length) throw new Error(`province-grid.csv lists ${gridOf.size} provinces, expected ${PROVINCES.length}`);
  return regions.map((r) => RegionSchema.parse(r));
}

export const REGIONS: readonly Region[] = build();
const BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

export class UnknownRegionError extends Error {
  constructor(readonly input: string) {
    super(
      `Unknown region "${input}". Use GLO, CN, a regional grid (${GRIDS.map((g) => g[0]).join(', ')}) or a province's ` +
        `ISO 3166-2:CN code (e.g. CN-SC for Sichuan/四川, CN-XZ for Tibet/西藏); Chinese or English names work too. ` +
        `All codes: ${PROVINCES.map((p) => `${p[0]} ${p[1]}`).join(', ')}.`,
    );
    this.name = 'UnknownRegionError';
  }
}

/** A region by code (case-insensitive) or by its Chinese or English name. */
export function getRegion(codeOrName: string): Region {
  const q = codeOrName.trim();
  const hit =
    BY_CODE.get(q.toUpperCase()) ??
    REGIONS.find((r) => r.nameZh === q || r.nameEn.toLowerCase() === q.toLowerCase() || r.nameZh.replace(/电网$/, '') === q);
  if (!hit) throw new UnknownRegionError(codeOrName);
  return hit;
}

/** The region and every region it falls back to, most specific first, ending with GLO. */
export function regionChain(codeOrName: string): Region[] {
  const chain = [getRegion(codeOrName)];
  for (let r = chain[0]; r.parent; ) {
    r = BY_CODE.get(r.parent)!;
    chain.push(r);
  }
  return chain;
}

/** Why a region's fallback departs from the plain hierarchy, quoting the data's own note. */
export function fallbackNote(code: string): string | undefined {
  if (getRegion(code).code !== TIBET) return undefined;
  const grid = readCsv('province-grid.csv').rows.find((r) => r.values.province === TIBET)!.values.grid;
  const note = commentWith(readCsv('china-grid-co2-2021-2023.csv'), 'Tibet');
  return (
    `Tibet (CN-XZ, 西藏) belongs to ${grid} in province-grid.csv, but it falls back straight to the national level ` +
    `as the MEE grid-factor table documents: "${note}" (西藏无官方省级因子，采用全国平均).`
  );
}
