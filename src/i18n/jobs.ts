import { define } from './define.ts';

/**
 * What a background job says while it runs and when it ends (src/jobs): its progress and outcome,
 * stored with the job row as code and params so that the web app shows them in the reader's
 * language. The store's own state changes (started, taken over, failed, tried again, handed back)
 * are here too. Rows written before these were coded hold plain English and show as they are.
 */
export const JOB_TEXTS = {
  'job.started': define({
    en: () => 'started',
    zh: () => '已开始',
  }),
  'job.taken-over': define<{ worker: string }>({
    en: (p) => `taken over from ${p.worker}`,
    zh: (p) => `已从 ${p.worker} 接手`,
  }),
  'job.failed': define({
    en: () => 'failed',
    zh: () => '失败',
  }),
  'job.will-retry': define({
    en: () => 'will be tried again',
    zh: () => '将重试',
  }),
  'job.handed-back': define({
    en: () => 'handed back by a stopping worker',
    zh: () => '停止中的工作进程已将其交回队列',
  }),
  'job.loading-background': define<{ lci: string; factors: string }>({
    en: (p) => `loading background ${p.lci} + ${p.factors}`,
    zh: (p) => `正在加载背景数据 ${p.lci} + ${p.factors}`,
  }),
  'job.footprint-calculated': define({
    en: () => 'footprint calculated',
    zh: () => '碳足迹已计算',
  }),
  'job.monte-carlo': define<{ done: number; all: number }>({
    en: (p) => `Monte Carlo ${p.done}/${p.all}`,
    zh: (p) => `Monte Carlo 模拟 ${p.done}/${p.all}`,
  }),
  'job.calculated': define<{ version: number; total: number }>({
    en: (p) => `version ${p.version}: ${p.total} kg CO2e per unit`,
    zh: (p) => `第 ${p.version} 版：每单位 ${p.total} kg CO2e`,
  }),
  'job.release-composing': define({
    en: () => 'composing the release and recalculating the benchmark products',
    zh: () => '正在组成发布版本并重新计算基准产品',
  }),
  'job.release-writing': define({
    en: () => 'writing the release',
    zh: () => '正在写入发布版本',
  }),
  'job.release-published': define<{ release: string }>({
    en: (p) => `release ${p.release} published`,
    zh: (p) => `版本 ${p.release} 已发布`,
  }),
  'job.import-parsing': define<{ file: string; done: number; all: number }>({
    en: (p) => `reading ${p.file}: ${p.done}/${p.all} processes`,
    zh: (p) => `正在读取 ${p.file}：${p.done}/${p.all} 个过程`,
  }),
  'job.import-screening': define({
    en: () => 'screening the processes for quality',
    zh: () => '正在对过程进行质量筛查',
  }),
  'job.import-saving': define({
    en: () => 'saving the release',
    zh: () => '正在保存发布版本',
  }),
  'job.imported': define<{ release: string; processes: number }>({
    en: (p) => `release ${p.release} imported (${p.processes} processes)`,
    zh: (p) => `版本 ${p.release} 已导入（${p.processes} 个过程）`,
  }),
  'job.report-printing': define({
    en: () => 'printing the report',
    zh: () => '正在打印报告',
  }),
  'job.report-storing': define({
    en: () => 'storing the PDF',
    zh: () => '正在保存 PDF',
  }),
  'job.report-ready': define<{ lang: string }>({
    en: (p) => `report (${p.lang}) ready`,
    zh: (p) => `报告（${p.lang}）已生成`,
  }),
  'job.event-delivered': define<{ event: string }>({
    en: (p) => `event ${p.event} delivered`,
    zh: (p) => `事件 ${p.event} 已送达`,
  }),
  'job.study-version-missing': define<{ study: string; version: number }>({
    en: (p) => `study ${p.study} has no version ${p.version}`,
    zh: (p) => `研究 ${p.study} 没有第 ${p.version} 版`,
  }),
  'job.result-unstorable': define<{ reason: string }>({
    en: (p) => `the result cannot be stored: ${p.reason}`,
    zh: (p) => `结果无法保存：${p.reason}`,
  }),
  'job.result-missing': define<{ study: string; result: string }>({
    en: (p) => `study ${p.study} has no result ${p.result}`,
    zh: (p) => `研究 ${p.study} 没有结果 ${p.result}`,
  }),
};
