import { define } from './define.ts';

/** Texts of a study calculation that the reader sees: the uncertainty method, and the warnings written in the reader's language. */

export const CALCULATION_TEXTS = {
  'uncertainty.method': define({
    en: () =>
      'Monte Carlo of the GHG emissions: parameters with a stated range drawn from it and the formulas re-evaluated; each entry scaled by a draw from its stated range, ' +
      'else lognormals of its amount and factor (basic GSD 1.05 widened by the pedigree); LCI processes by their exchange uncertainty and pedigree through one demand vector, refactorised per draw. ' +
      'Contribution to variance: squared correlation of each input with the result.',
    zh: () =>
      '温室气体排放的蒙特卡洛模拟：有给定范围的参数按其范围抽样并重新计算公式；每个条目按其给定范围抽样缩放，' +
      '否则其活动数据与因子取对数正态分布（基本几何标准差 1.05，按谱系矩阵放大）；LCI 过程按其交换量的不确定性与谱系，经同一需求向量每次抽样重新分解求解。' +
      '方差贡献：各输入与结果相关系数的平方。',
  }),
  'entry.region-mismatch': define<{ entry: string; region: string; dataset: string; datasetName: string }>({
    en: (p) =>
      `${p.entry}: happens in ${p.region} but its dataset is for ${p.dataset} (${p.datasetName}); search its dataset in ${p.region}`,
    zh: (p) =>
      `${p.entry}：发生在 ${p.region}，所用数据集却属于 ${p.dataset}（${p.datasetName}）；请在 ${p.region} 中检索其数据集`,
  }),
};
