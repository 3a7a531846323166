import type { Factor } from '../model/factor.ts';
import { commentWith, num, readCsv } from './csv.ts';
import { dataQuality, factorId, round, slug } from './common.ts';
import { derivation } from './integrity.ts';

/**
 * Chinese fertiliser manufacture (kg CO2e per kg of nutrient) from data/fertilisers.csv: Chen, Lu
 * and Wang (2015), the peer-reviewed Chinese factors a Chinese orchard's fertiliser needs, where the
 * TianGong urea and ammonia records are census records without energy inputs. The paper prints
 * t CE (carbon equivalent) per t of nutrient; × 44/12 gives CO2e. Only the abstract was read, so
 * every value is status "check" and says what was not read.
 */

const TABLE = 'fertilisers.csv';

/** The paper's publication year: the reference year of its data was not read. */
const YEAR = 2015;

const CO2_PER_C = 44 / 12;

/** N in urea by its formula CO(NH2)2: 2 × 14.007 / 60.056 */
export const UREA_N_SHARE = (2 * 14.007) / 60.056;

/** The per-nutrient factors of the table, and urea per kg of product, which is how urea is bought and how a supplier declares it. */
export function fertiliserFactors(): Factor[] {
  const perNutrient = perNutrientFactors();
  const urea = perNutrient.find((f) => f.id.startsWith('cn-fertiliser-urea-per-n/'));
  if (!urea) throw new Error(`${TABLE}: no urea row`);
  return [...perNutrient, ureaPerKg(urea)];
}

function ureaPerKg(perN: Factor): Factor {
  return {
    ...perN,
    id: factorId('cn-fertiliser-urea', perN.region, perN.year),
    name: 'urea, manufacture in China, per kg of urea',
    nameZh: '尿素（中国制造），每千克尿素',
    perUnit: 'kg',
    value: round(perN.value * UREA_N_SHARE),
    unit: 'kg CO2e/kg',
    status: 'derived',
    method: `${perN.value} kg CO2e/kg N (${perN.id}) × ${round(UREA_N_SHARE)} kg N/kg urea (CO(NH2)2)`,
    ...derivation([perN]),
  };
}

function perNutrientFactors(): Factor[] {
  const table = readCsv(TABLE);
  const provenance = commentWith(table, 'Acta Ecologica Sinica');
  const unread = commentWith(table, 'Read from the abstract only');
  return table.rows.map((row) => {
    const { product, product_zh: productZh, nutrient, level } = row.values;
    const printed = num(table, row, 't_ce_per_t_nutrient');
    return {
      id: factorId(`cn-fertiliser-${slug(product)}-per-${slug(nutrient)}`, 'CN', YEAR),
      kind: 'material',
      name: `${product}, manufacture in China, per kg ${nutrient}`,
      nameZh: `${productZh}（中国制造），每千克 ${nutrient}`,
      perUnit: `kg ${nutrient}`,
      value: round(printed * CO2_PER_C),
      unit: `kg CO2e/kg ${nutrient}`,
      gases: 'CO2e',
      region: 'CN',
      year: YEAR,
      technology: `China, ${level}, raw materials to factory gate`,
      source: {
        title:
          "CHEN Shun, LU Fei, WANG Xiaoke: Estimation of greenhouse gases emission factors for China's nitrogen, phosphate, and potash fertilizers (中国氮磷钾肥制造温室气体排放系数的估算), Acta Ecologica Sinica 35(19): 6371-6383, abstract",
        publisher: 'Research Center for Eco-Environmental Sciences, Chinese Academy of Sciences',
        documentNumber: 'doi:10.5846/stxb201402210304',
        url: 'http://www.ecologica.cn/stxb/ch/html/2015/19/stxb201402210304.htm',
        published: '2015',
      },
      dataQuality: dataQuality(
        { reliability: 2, completeness: 2, temporal: 3, geographical: 1, technological: 2 },
        `${provenance} ${unread} Printed ${printed} t CE/t ${nutrient}; × 44/12 = kg CO2e/kg ${nutrient}.`,
      ),
      licence: 'Published values quoted with their source',
      status: 'check',
      method: `${printed} t CE/t ${nutrient} × 44/12`,
    } satisfies Factor;
  });
}
