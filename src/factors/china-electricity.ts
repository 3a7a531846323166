import type { Factor, Source } from '../model/factor.ts';
import { commentWith, num, readCsv, type CsvTable } from './csv.ts';
import { dataQuality, factorId, round } from './common.ts';
import { derivation } from './integrity.ts';
import { getRegion } from './regions.ts';

/**
 * China's two kinds of electricity factor, kept apart by kind because they answer different
 * questions:
 * - `electricity-co2`: MEE/NBS grid CO2 emission factors (CO2 only, generation only), for
 *   organisational (scope 2) inventories — national, 7 regional grids, 30 provinces, 2021–2023;
 * - `electricity-footprint`: MEE life-cycle electricity carbon footprint factors (CO2e), the
 *   ones ISO 14067 / GB/T 24067 product footprints need — national only, by source, 2023/2024.
 *
 * There is no official provincial footprint factor, so Tanji derives estimates (status
 * "derived", method written on each factor): provincial footprint(Y) = national footprint(Y) ×
 * provincial CO2 factor(Y′) ÷ national CO2 factor(Y′), Y′ the latest CO2 year not after Y.
 */

const LICENCE_MEE = 'Public government announcement (PRC); free to reuse, cite the source';

const CO2_TABLE = 'china-grid-co2-2021-2023.csv';
const LCA_TABLE = 'china-electricity-lca.csv';

/** Provenance per data year, as the grid-factor table's comments give it (checked against them below). */
function co2Sources(table: CsvTable): Record<number, { source: Source; status: Factor['status']; note: string }> {
  const publisher = 'Ministry of Ecology and Environment (生态环境部) and National Bureau of Statistics (国家统计局)';
  const title = (y: number) => `${y}年电力二氧化碳排放因子 (Electricity CO2 emission factors for ${y})`;
  commentWith(table, 'MEE/NBS announcement 2024 No.12 (2024-04-12)');
  commentWith(table, '2022 values: announcement of 2024-12-20');
  const note2023 = commentWith(table, 'announcement 2025 No.47 (2025-12-31)');
  return {
    2021: {
      source: {
        title: title(2021),
        publisher,
        documentNumber: 'MEE/NBS announcement 2024 No.12',
        published: '2024-04-12',
      },
      status: 'verified',
      note: 'Official MEE/NBS value.',
    },
    2022: {
      source: {
        title: title(2022),
        publisher,
        documentNumber: 'MEE/NBS announcement of 2024-12-20',
        published: '2024-12-20',
      },
      status: 'verified',
      note: 'Official MEE/NBS value.',
    },
    2023: {
      source: {
        title: title(2023),
        publisher,
        documentNumber: 'MEE announcement 2025 No.47 (as reported)',
        published: '2025-12-31',
      },
      // the table itself says these were only cross-checked in secondary public tables
      status: 'check',
      note: `Not yet checked against the original announcement; the seed table says: "${note2023}".`,
    },
  };
}

const VARIANTS: Record<string, { series: string; technology: string }> = {
  'CN-EXCL-TRADED-NONFOSSIL': {
    series: 'cn-electricity-co2-excl-traded-nonfossil',
    technology: 'excluding market-traded non-fossil electricity',
  },
  'CN-FOSSIL': { series: 'cn-electricity-co2-fossil', technology: 'fossil generation only' },
};

/** CO2 grid factors for every region and year of the MEE/NBS table. */
export function gridCo2Factors(): Factor[] {
  const table = readCsv(CO2_TABLE);
  const sources = co2Sources(table);
  const years = table.header.filter((h) => /^\d{4}$/.test(h)).map(Number);
  const out: Factor[] = [];
  for (const row of table.rows) {
    const { code, name_zh: nameZh, name_en: nameEn, level } = row.values;
    const variant = VARIANTS[code];
    const region = variant ? 'CN' : getRegion(code).code;
    if (!variant && getRegion(code).level !== level)
      throw new Error(`${CO2_TABLE} line ${row.line}: ${code} is not a ${level}`);
    for (const year of years) {
      const s = sources[year];
      if (!s) throw new Error(`${CO2_TABLE}: no provenance for year ${year}`);
      out.push({
        id: factorId(variant?.series ?? 'cn-electricity-co2', region, year),
        kind: 'electricity-co2',
        name: `Electricity CO2 emission factor, ${nameEn} (CO2 only, for organisational inventories)`,
        nameZh: `${nameZh}电力二氧化碳排放因子`,
        perUnit: 'kWh',
        value: num(table, row, String(year)),
        unit: 'kg CO2/kWh',
        gases: 'CO2',
        region,
        year,
        ...(variant ? { technology: variant.technology } : {}),
        source: s.source,
        dataQuality: dataQuality(
          {
            reliability: s.status === 'verified' ? 1 : 2,
            completeness: 1,
            temporal: 1,
            geographical: 1,
            technological: 1,
          },
          `${s.note} CO2 from generation only: not a life-cycle factor, not for product footprints.`,
        ),
        licence: LICENCE_MEE,
        status: s.status,
      });
    }
  }
  return out;
}

const LCA_SOURCES: Record<string, { zh: string; en: string; technology?: string }> = {
  national_average: {
    zh: '全国电力平均碳足迹因子',
    en: 'Electricity carbon footprint factor, national grid average (life-cycle)',
  },
  coal: {
    zh: '煤电碳足迹因子',
    en: 'Electricity carbon footprint factor, coal power (life-cycle)',
    technology: 'coal',
  },
  natural_gas: {
    zh: '气电碳足迹因子',
    en: 'Electricity carbon footprint factor, natural gas power (life-cycle)',
    technology: 'natural gas',
  },
  hydro: {
    zh: '水电碳足迹因子',
    en: 'Electricity carbon footprint factor, hydropower (life-cycle)',
    technology: 'hydro',
  },
  nuclear: {
    zh: '核电碳足迹因子',
    en: 'Electricity carbon footprint factor, nuclear power (life-cycle)',
    technology: 'nuclear',
  },
  wind: {
    zh: '风电碳足迹因子',
    en: 'Electricity carbon footprint factor, wind power (life-cycle)',
    technology: 'wind',
  },
  photovoltaic: {
    zh: '光伏发电碳足迹因子',
    en: 'Electricity carbon footprint factor, photovoltaic power (life-cycle)',
    technology: 'photovoltaic',
  },
  solar_thermal: {
    zh: '光热发电碳足迹因子',
    en: 'Electricity carbon footprint factor, solar thermal power (life-cycle)',
    technology: 'solar thermal',
  },
  biomass: {
    zh: '生物质发电碳足迹因子',
    en: 'Electricity carbon footprint factor, biomass power (life-cycle)',
    technology: 'biomass',
  },
  grid_td_excluding_losses: {
    zh: '输配电碳足迹因子（不含线损）',
    en: 'Electricity transmission and distribution carbon footprint factor, infrastructure only, excluding losses',
    technology: 'transmission and distribution, excluding losses',
  },
};

function lcaSource(table: CsvTable, year: number): Source {
  const when = commentWith(table, '2023 values announced Jan 2025');
  const published: Record<number, string> = { 2023: '2025-01' };
  if (when.includes('2024 values announced about Oct 2025')) published[2024] = '2025-10 (approximate)';
  if (!published[year]) throw new Error(`${LCA_TABLE}: no provenance for year ${year}`);
  return {
    title: `${year}年全国电力碳足迹因子 (National electricity carbon footprint factors for ${year}, life-cycle)`,
    publisher: 'Ministry of Ecology and Environment (生态环境部)',
    published: published[year],
  };
}

const OFFICIAL_LCA_NOTE = 'Official MEE life-cycle factor (CO2e per kWh).';

function seriesOfLca(key: string): string {
  return key === 'national_average' ? 'cn-electricity-footprint' : `cn-electricity-footprint-${key.replace(/_/g, '-')}`;
}

/** MEE national life-cycle factors by source, plus the T&D-with-losses value the table's comment gives for 2024. */
export function footprintFactors(): Factor[] {
  const table = readCsv(LCA_TABLE);
  const years = table.header.filter((h) => /^\d{4}$/.test(h)).map(Number);
  const base = (year: number) => ({
    kind: 'electricity-footprint' as const,
    perUnit: 'kWh',
    unit: 'kg CO2e/kWh',
    gases: 'CO2e' as const,
    region: 'CN',
    year,
    source: lcaSource(table, year),
    dataQuality: dataQuality(
      { reliability: 1, completeness: 1, temporal: 1, geographical: 1, technological: 1 },
      OFFICIAL_LCA_NOTE,
    ),
    licence: LICENCE_MEE,
    status: 'verified' as const,
  });
  const out: Factor[] = [];
  for (const row of table.rows) {
    const meta = LCA_SOURCES[row.values.source];
    if (!meta) throw new Error(`${LCA_TABLE} line ${row.line}: unknown source "${row.values.source}"`);
    for (const year of years) {
      out.push({
        ...base(year),
        id: factorId(seriesOfLca(row.values.source), 'CN', year),
        name: meta.en,
        nameZh: meta.zh,
        ...(meta.technology ? { technology: meta.technology } : {}),
        value: num(table, row, String(year)),
      });
    }
  }
  const withLosses = commentWith(table, 'including losses').match(/2024 also gives ([\d.]+) including losses/);
  if (!withLosses) throw new Error(`${LCA_TABLE}: the 2024 T&D-including-losses value is no longer in the comment`);
  out.push({
    ...base(2024),
    id: factorId('cn-electricity-footprint-grid-td-including-losses', 'CN', 2024),
    name: 'Electricity transmission and distribution carbon footprint factor, including losses',
    nameZh: '输配电碳足迹因子（含线损）',
    technology: 'transmission and distribution, including losses',
    value: Number(withLosses[1]),
  });
  return out;
}

/**
 * Provincial and grid footprint estimates scaled from the national footprint by the ratio of CO2
 * grid factors. The ratio carries the regional generation mix into the estimate; what it cannot
 * carry is that upstream and non-CO2 emissions do not scale with combustion CO2 (a hydro-rich
 * province still has the life-cycle emissions of its dams), so low-carbon provinces are likely
 * underestimated and the data quality says so.
 */
export function derivedFootprintFactors(co2: Factor[], footprint: Factor[]): Factor[] {
  const co2Of = (region: string, year: number) =>
    co2.find((f) => f.id === factorId('cn-electricity-co2', region, year));
  const co2Years = [...new Set(co2.filter((f) => f.region === 'CN').map((f) => f.year))].sort((a, b) => a - b);
  const out: Factor[] = [];
  for (const national of footprint.filter((f) => f.id.startsWith('cn-electricity-footprint/'))) {
    const y = national.year;
    const ratioYear = co2Years.filter((c) => c <= y).at(-1) ?? co2Years[0];
    const nationalCo2 = co2Of('CN', ratioYear)!;
    for (const regional of co2.filter(
      (f) => f.year === ratioYear && f.id.startsWith('cn-electricity-co2/') && f.region !== 'CN',
    )) {
      const region = getRegion(regional.region);
      const value = round((national.value * regional.value) / nationalCo2.value);
      const yearNote =
        ratioYear === y ? `the same year` : `${ratioYear}, the latest CO2 factor year available for ${y}`;
      const inputs = derivation([national, regional, nationalCo2]);
      const unverified = inputs.unverifiedInputs!.length
        ? ` Unverified: ${inputs.unverifiedInputs!.join(', ')} ${inputs.unverifiedInputs!.length === 1 ? 'is' : 'are'} not verified against the original announcement, so neither is this estimate.`
        : '';
      out.push({
        id: factorId('cn-electricity-footprint', region.code, y),
        kind: 'electricity-footprint',
        name: `Electricity carbon footprint factor, ${region.nameEn} (life-cycle, Tanji estimate)`,
        nameZh: `${region.nameZh}电力碳足迹因子（碳迹估算值）`,
        perUnit: 'kWh',
        value,
        unit: 'kg CO2e/kWh',
        gases: 'CO2e',
        region: region.code,
        year: y,
        source: {
          title: `Tanji estimate from ${national.source.title} and ${regional.source.title}`,
          publisher: `Tanji (碳迹), from data by ${national.source.publisher} and ${regional.source.publisher}`,
        },
        dataQuality: dataQuality(
          { reliability: 3, completeness: 2, temporal: ratioYear === y ? 1 : 2, geographical: 3, technological: 4 },
          `Estimate, not an official factor: no provincial life-cycle factor is published. Likely too low for ` +
            `hydro-, nuclear- or wind-rich regions, whose upstream emissions do not scale with combustion CO2.${unverified}`,
        ),
        licence: 'Derived by Tanji from public government data; cite Tanji and the MEE/NBS sources',
        status: 'derived',
        method:
          `national life-cycle factor ${y} × (${region.code} CO2 grid factor ÷ national CO2 grid factor), CO2 factors of ` +
          `${yearNote}: ${national.value} × ${regional.value} ÷ ${nationalCo2.value} = ${value} kg CO2e/kWh (rounded to 4 ` +
          `significant digits). Inputs: ${national.id}, ${regional.id}, ${nationalCo2.id}. Assumes the ratio of life-cycle ` +
          `CO2e to generation CO2 is the same in every region.`,
        ...inputs,
      });
    }
  }
  return out;
}

export function chinaElectricityFactors(): Factor[] {
  const co2 = gridCo2Factors();
  const footprint = footprintFactors();
  return [...co2, ...footprint, ...derivedFootprintFactors(co2, footprint)];
}
