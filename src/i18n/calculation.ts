import { define } from './define.ts';

/** Texts of a study calculation that the reader sees: the uncertainty method, and the warnings written in the reader's language. */

export const CALCULATION_TEXTS = {
  'uncertainty.method': define({
    en: () =>
      'Monte Carlo: activity amounts and factor values lognormal (basic GSD 1.05 widened by the pedigree of the evidence or the factor); ' +
      'LCI processes by their exchange uncertainty and pedigree through one demand vector, refactorised per draw',
    zh: () => '蒙特卡洛模拟：活动数据与因子取对数正态分布（基本几何标准差 1.05，按证据或因子的谱系矩阵放大）；LCI 过程按其交换量的不确定性与谱系，经同一需求向量每次抽样重新分解求解',
  }),
  'entry.region-mismatch': define<{ entry: string; region: string; dataset: string; datasetName: string }>({
    en: (p) => `${p.entry}: happens in ${p.region} but its dataset is for ${p.dataset} (${p.datasetName}); search its dataset in ${p.region}`,
    zh: (p) => `${p.entry}：发生在 ${p.region}，所用数据集却属于 ${p.dataset}（${p.datasetName}）；请在 ${p.region} 中检索其数据集`,
  }),
};
