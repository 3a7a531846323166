import ExcelJS from 'exceljs';
import { LifeCycleStageSchema, type LifeCycleStage } from '../model/lci.ts';
import { quantityText } from '../i18n/units.ts';
import type { PortfolioRow } from '../store/index.ts';

export type { PortfolioRow };

/**
 * A company's portfolio: every calculated version of every product study, so the footprint of
 * each product can be followed across reference years and versions (trend) and the products'
 * life cycle stages compared. Pure functions over rows the store reads; the Excel file is built
 * from the same structure, so the sheet and the page show the same numbers.
 */

const STAGES = LifeCycleStageSchema.options;

export interface PortfolioPoint extends PortfolioRow {
  /** change from the product's previous point (year, then version), kg CO2e; none for the first */
  change?: number;
  /** that change as a fraction of the previous total */
  changeShare?: number;
}

export interface PortfolioProduct {
  /** product name and declared unit: footprints per different units are not one trend */
  key: string;
  product: string;
  declaredUnit: PortfolioRow['declaredUnit'];
  classification?: string;
  /** oldest first */
  points: PortfolioPoint[];
  latest: PortfolioPoint;
  /** each stage's share of the latest total, for comparing products of different size */
  stageShares: Record<LifeCycleStage, number>;
}

export function portfolioOf(rows: readonly PortfolioRow[]): PortfolioProduct[] {
  const groups = new Map<string, PortfolioRow[]>();
  for (const r of rows) {
    const key = `${r.product}\u0000${r.declaredUnit.amount}\u0000${r.declaredUnit.unit}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const products: PortfolioProduct[] = [];
  for (const [key, group] of groups) {
    const sorted = [...group].sort(
      (a, b) => a.year - b.year || a.computedAt.localeCompare(b.computedAt) || a.version - b.version,
    );
    const points = sorted.map((r, i): PortfolioPoint => {
      if (i === 0) return { ...r };
      const before = sorted[i - 1].total;
      return {
        ...r,
        change: r.total - before,
        changeShare: before !== 0 ? (r.total - before) / Math.abs(before) : undefined,
      };
    });
    const latest = points.at(-1)!;
    const absolute = STAGES.reduce((s, st) => s + Math.abs(latest.byStage[st] ?? 0), 0);
    const stageShares = Object.fromEntries(
      STAGES.map((st) => [st, absolute > 0 ? (latest.byStage[st] ?? 0) / absolute : 0]),
    ) as Record<LifeCycleStage, number>;
    products.push({
      key,
      product: latest.product,
      declaredUnit: latest.declaredUnit,
      classification: latest.classification,
      points,
      latest,
      stageShares,
    });
  }
  return products.sort(
    (a, b) =>
      a.product.localeCompare(b.product) ||
      a.declaredUnit.unit.localeCompare(b.declaredUnit.unit) ||
      a.declaredUnit.amount - b.declaredUnit.amount,
  );
}

const HEADERS = {
  en: {
    sheet: 'Portfolio',
    stages: 'Stage comparison',
    product: 'Product',
    classification: 'Classification',
    unit: 'Declared unit',
    study: 'Study',
    year: 'Reference year',
    version: 'Version',
    computed: 'Calculated at',
    total: 'Footprint (kg CO2e, removals excluded)',
    removals: 'Biogenic removals (kg CO2e)',
    change: 'Change from previous (kg CO2e)',
    changeShare: 'Change from previous',
    share: 'share of latest',
    stage: {
      'raw-materials': 'Raw materials',
      manufacturing: 'Manufacturing',
      distribution: 'Distribution',
      use: 'Use',
      'end-of-life': 'End of life',
    },
  },
  zh: {
    sheet: '产品组合',
    stages: '阶段对比',
    product: '产品',
    classification: '分类',
    unit: '声明单位',
    study: '研究',
    year: '基准年',
    version: '版本',
    computed: '计算时间',
    total: '碳足迹（kg CO2e，不含移除）',
    removals: '生物碳移除（kg CO2e）',
    change: '较上一次变化（kg CO2e）',
    changeShare: '较上一次变化',
    share: '占最新结果比例',
    stage: {
      'raw-materials': '原材料获取',
      manufacturing: '生产制造',
      distribution: '分销运输',
      use: '使用',
      'end-of-life': '寿命终止',
    },
  },
} as const;

/** The portfolio as an Excel workbook: every point with its trend, and the stage comparison of the latest results. */
export async function portfolioWorkbook(products: readonly PortfolioProduct[], lang: 'en' | 'zh'): Promise<Uint8Array> {
  const h = HEADERS[lang];
  const unitOf = (p: PortfolioProduct) => quantityText(String(p.declaredUnit.amount), p.declaredUnit.unit, lang);
  const wb = new ExcelJS.Workbook();
  const points = wb.addWorksheet(h.sheet);
  points.columns = [
    { header: h.product, width: 32 },
    { header: h.classification, width: 14 },
    { header: h.unit, width: 14 },
    { header: h.study, width: 32 },
    { header: h.year, width: 10 },
    { header: h.version, width: 8 },
    { header: h.computed, width: 22 },
    { header: h.total, width: 18 },
    ...STAGES.map((s) => ({ header: `${h.stage[s]} (kg CO2e)`, width: 16 })),
    { header: h.removals, width: 16 },
    { header: h.change, width: 16 },
    { header: h.changeShare, width: 14 },
  ];
  for (const p of products) {
    for (const pt of p.points) {
      const row = points.addRow([
        p.product,
        p.classification ?? '',
        unitOf(p),
        pt.studyName,
        pt.year,
        pt.version,
        pt.computedAt,
        pt.total,
        ...STAGES.map((s) => pt.byStage[s] ?? 0),
        pt.removals,
        pt.change ?? null,
        pt.changeShare ?? null,
      ]);
      row.getCell(STAGES.length + 11).numFmt = '0.0%';
    }
  }
  points.getRow(1).font = { bold: true };
  points.views = [{ state: 'frozen', ySplit: 1 }];
  const stages = wb.addWorksheet(h.stages);
  stages.columns = [
    { header: h.product, width: 32 },
    { header: h.unit, width: 14 },
    { header: h.total, width: 18 },
    ...STAGES.map((s) => ({ header: `${h.stage[s]} (${h.share})`, width: 18 })),
  ];
  for (const p of products) {
    const row = stages.addRow([p.product, unitOf(p), p.latest.total, ...STAGES.map((s) => p.stageShares[s])]);
    for (let i = 0; i < STAGES.length; i++) row.getCell(4 + i).numFmt = '0.0%';
  }
  stages.getRow(1).font = { bold: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
