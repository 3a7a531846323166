import { define } from './define.ts';

/**
 * What a study's rules refuse, in both languages: access to a study, a stale save, a parameter,
 * formula or scenario that cannot be evaluated, an entry the calculation cannot use, a component
 * study, a release or region that does not exist, a factor unfit for a product footprint, a system
 * that cannot be solved, a result that is not finite, a study that fails its product category rule,
 * and a calculation job that could not run. The API answers them as `messageCode` and `params`; a
 * failed job stores them, so the results page gives the reason in the reader's language.
 */

/** Life cycle stages as the web app names them (web/src/i18n), for an entry named in an error. */
const STAGES: Record<'en' | 'zh', Record<string, string>> = {
  en: {
    'raw-materials': 'raw materials',
    manufacturing: 'manufacturing',
    distribution: 'distribution',
    use: 'use',
    'end-of-life': 'end of life',
  },
  zh: {
    'raw-materials': '原材料获取',
    manufacturing: '生产制造',
    distribution: '分销运输',
    use: '使用',
    'end-of-life': '废弃处置',
  },
};

export const STUDY_TEXTS = {
  'study.not-found': define<{ id: string }>({
    en: (p) => `study ${p.id} does not exist or is not visible to you`,
    zh: (p) => `研究 ${p.id} 不存在，或您无权查看`,
  }),
  'study.not-writable': define({
    en: () => 'your role may not change this study (only practitioners of its company can)',
    zh: () => '您的角色不能修改此研究（只有其所属企业的从业人员可以修改）',
  }),
  'study.stale-version': define<{ base: number; latest: number }>({
    en: (p) =>
      `the study changed since you opened it (you edited version ${p.base}, the latest is ${p.latest}); reload it and apply your change again`,
    zh: (p) => `研究在您打开后已被修改（您编辑的是第 ${p.base} 版，最新为第 ${p.latest} 版）；请重新载入后再修改`,
  }),
  'study.verify-uncalculated': define<{ version: number }>({
    en: (p) => `version ${p.version} has no result yet: it must be calculated before it is verified`,
    zh: (p) => `第 ${p.version} 版尚无计算结果：须先完成计算，才能核查`,
  }),
  'study.publish-uncalculated': define<{ version: number }>({
    en: (p) => `version ${p.version} has no result yet: it must be calculated before it is published`,
    zh: (p) => `第 ${p.version} 版尚无计算结果：须先完成计算，才能发布`,
  }),
  'study.not-verified': define<{ version: number; result: string }>({
    en: (p) =>
      `a verifier must verify the current result of version ${p.version} (result ${p.result}…) before it is published`,
    zh: (p) => `第 ${p.version} 版的当前结果（结果 ${p.result}…）须经核查员核查后才能发布`,
  }),
  'study.uncalculated': define<{ id: string }>({
    en: (p) => `study ${p.id} has not been calculated: POST /api/studies/${p.id}/calculate first`,
    zh: (p) => `研究 ${p.id} 尚未计算：请先计算（POST /api/studies/${p.id}/calculate）`,
  }),
  'study.version-uncalculated': define<{ id: string; version: number }>({
    en: (p) => `study ${p.id} version ${p.version} has not been calculated: POST /api/studies/${p.id}/calculate first`,
    zh: (p) => `研究 ${p.id} 第 ${p.version} 版尚未计算：请先计算（POST /api/studies/${p.id}/calculate）`,
  }),
  'study.nonconformant': define<{
    pcr: string;
    version: string;
    count: number;
    findingsEn: string;
    findingsZh: string;
  }>({
    en: (p) =>
      `the study does not conform to ${p.pcr} ${p.version} (${p.count} mandatory requirement(s) failing): ${p.findingsEn}`,
    zh: (p) => `该研究不符合 ${p.pcr} ${p.version}（${p.count} 项强制性要求未满足）：${p.findingsZh}`,
  }),
  'study.unknown-regions': define<{ count: number; first: string }>({
    en: (p) => (p.count > 1 ? `${p.first}; and ${p.count - 1} more unknown region(s)` : p.first),
    zh: (p) => (p.count > 1 ? `${p.first}；另有 ${p.count - 1} 处未知地区` : p.first),
  }),
  'study.bad-parameters': define<{ count: number; path: string; first: string }>({
    en: (p) => `${p.path}: ${p.first}${p.count > 1 ? `; and ${p.count - 1} more problem(s)` : ''}`,
    zh: (p) => `${p.path}：${p.first}${p.count > 1 ? `；另有 ${p.count - 1} 处问题` : ''}`,
  }),

  'region.unknown-code': define<{ input: string; grids: string; codes: string }>({
    en: (p) =>
      `Unknown region "${p.input}". Use GLO, CN, a regional grid (${p.grids}) or a province's ` +
      `ISO 3166-2:CN code (e.g. CN-SC for Sichuan/四川, CN-XZ for Tibet/西藏); Chinese or English names work too. ` +
      `All codes: ${p.codes}.`,
    zh: (p) =>
      `未知地区「${p.input}」。请使用 GLO、CN、区域电网（${p.grids}）或省份的 ISO 3166-2:CN 代码` +
      `（如 CN-SC 表示四川，CN-XZ 表示西藏），也可使用中文或英文名称。全部代码：${p.codes}。`,
  }),
  'region.unknown-at': define<{ path: string; code: string }>({
    en: (p) =>
      `${p.path}: unknown region "${p.code}"; use CN, a regional grid or a province's ISO 3166-2:CN code (e.g. CN-GD)`,
    zh: (p) => `${p.path}：未知地区「${p.code}」；请使用 CN、区域电网或省份的 ISO 3166-2:CN 代码（如 CN-GD）`,
  }),

  'release.no-factors': define<{ release: string }>({
    en: (p) =>
      `background release "${p.release}" has no factors; pin a release that exists (GET /api/releases lists them)`,
    zh: (p) => `背景数据版本「${p.release}」中没有排放因子；请锁定一个存在的版本（GET /api/releases 列出全部版本）`,
  }),
  'release.unreadable-factors': define<{ release: string; reason: string }>({
    en: (p) =>
      `background release "${p.release}" has no factors (${p.reason}); pin a release that exists (GET /api/releases lists them)`,
    zh: (p) =>
      `背景数据版本「${p.release}」中没有排放因子（${p.reason}）；请锁定一个存在的版本（GET /api/releases 列出全部版本）`,
  }),
  'release.no-processes': define<{ release: string }>({
    en: (p) =>
      `background release "${p.release}" has no LCI processes; pin a release that exists (GET /api/releases lists them)`,
    zh: (p) => `背景数据版本「${p.release}」中没有 LCI 过程；请锁定一个存在的版本（GET /api/releases 列出全部版本）`,
  }),
  'release.unreadable-lci': define<{ release: string; reason: string }>({
    en: (p) =>
      `background release "${p.release}" has no LCI database (${p.reason}); pin a release that exists (GET /api/releases lists them)`,
    zh: (p) =>
      `背景数据版本「${p.release}」中没有 LCI 数据库（${p.reason}）；请锁定一个存在的版本（GET /api/releases 列出全部版本）`,
  }),
  'release.no-such': define<{ release: string; known: string }>({
    en: (p) => `no release "${p.release}" in the store; known: ${p.known}`,
    zh: (p) => `数据库中没有版本「${p.release}」；已有版本：${p.known}`,
  }),
  'release.store-empty': define<{ release: string }>({
    en: (p) => `no release "${p.release}" in the store; import a database first`,
    zh: (p) => `数据库中没有版本「${p.release}」；请先导入数据库`,
  }),
  'release.exists': define<{ release: string }>({
    en: (p) => `release ${p.release} already exists; releases are immutable, save under a new number`,
    zh: (p) => `版本 ${p.release} 已存在；发布版本不可修改，请以新的版本号保存`,
  }),

  'store.in-use': define<{ dataDir: string; holder: string; pid: number }>({
    en: (p) =>
      `${p.dataDir} is in use by ${p.holder}, pid ${p.pid}, and PGlite allows one process at a time: stop it first, or run both on PostgreSQL (DATABASE_URL).`,
    zh: (p) =>
      `${p.dataDir} 正被 ${p.holder}（进程号 ${p.pid}）占用，而 PGlite 同一时间只允许一个进程访问：请先停止该进程，或让两者都使用 PostgreSQL（DATABASE_URL）。`,
  }),

  'parameter.defined-twice': define<{ name: string }>({
    en: (p) => `parameter "${p.name}" is defined twice`,
    zh: (p) => `参数「${p.name}」重复定义`,
  }),
  'parameter.unknown-override': define<{ name: string; known: string }>({
    en: (p) => `no parameter "${p.name}" in the study (it has ${p.known || 'none'})`,
    zh: (p) => `研究中没有参数「${p.name}」（现有参数：${p.known || '无'}）`,
  }),
  'parameter.not-finite': define<{ name: string }>({
    en: (p) => `value of "${p.name}" must be a finite number`,
    zh: (p) => `「${p.name}」的取值必须是有限数值`,
  }),
  'parameter.entry-formula': define<{ entry: string; problem: string }>({
    en: (p) => `entry "${p.entry}": ${p.problem}`,
    zh: (p) => `条目「${p.entry}」：${p.problem}`,
  }),
  'parameter.unknown-names': define<{ entry: string; formula: string; names: string }>({
    en: (p) => `entry "${p.entry}": formula "${p.formula}" uses ${p.names}, not a parameter of the study`,
    zh: (p) => `条目「${p.entry}」：公式「${p.formula}」使用了 ${p.names}，但它们不是本研究的参数`,
  }),
  'parameter.negative': define<{ entry: string; formula: string; value: number }>({
    en: (p) =>
      `entry "${p.entry}": formula "${p.formula}" gives ${p.value}; amounts are positive (a removal is its own kind)`,
    zh: (p) =>
      `条目「${p.entry}」：公式「${p.formula}」的结果为 ${p.value}；数量须为正值（清除量应作为单独的类型录入）`,
  }),
  'parameter.in-scenario': define<{ scenario: string; problem: string }>({
    en: (p) => `scenario "${p.scenario}": ${p.problem}`,
    zh: (p) => `情景「${p.scenario}」：${p.problem}`,
  }),
  'parameter.scenario-twice': define<{ scenario: string }>({
    en: (p) => `scenario "${p.scenario}" is defined twice`,
    zh: (p) => `情景「${p.scenario}」重复定义`,
  }),

  'formula.error': define<{ formula: string; reason: string; position: number }>({
    en: (p) => `formula "${p.formula}": ${p.reason} at character ${p.position}`,
    zh: (p) => `公式「${p.formula}」第 ${p.position} 个字符处：${p.reason}`,
  }),
  'formula.too-long': define<{ max: number }>({
    en: (p) => `longer than ${p.max} characters`,
    zh: (p) => `长度超过 ${p.max} 个字符`,
  }),
  'formula.not-finite': define<{ value: string }>({
    en: (p) => `evaluates to ${p.value}`,
    zh: (p) => `计算结果为 ${p.value}（不是有限数值）`,
  }),
  'formula.unknown-parameter': define<{ name: string }>({
    en: (p) => `unknown parameter "${p.name}"`,
    zh: (p) => `未知参数「${p.name}」`,
  }),
  'formula.unexpected': define<{ char: string }>({
    en: (p) => `unexpected "${p.char}"`,
    zh: (p) => `意外的字符「${p.char}」`,
  }),
  'formula.unexpected-end': define({
    en: () => 'unexpected end of formula',
    zh: () => '公式意外结束',
  }),
  'formula.missing-paren': define({
    en: () => 'missing ")"',
    zh: () => '缺少「)」',
  }),
  'formula.unknown-function': define<{ name: string; known: string }>({
    en: (p) => `unknown function "${p.name}" (known: ${p.known})`,
    zh: (p) => `未知函数「${p.name}」（可用函数：${p.known}）`,
  }),
  'formula.arity': define<{ name: string; arity: string; count: number }>({
    en: (p) => `${p.name}() takes ${p.arity} argument(s), got ${p.count}`,
    zh: (p) => `${p.name}() 需要 ${p.arity} 个参数，实际为 ${p.count} 个`,
  }),

  'entry.unusable': define<{ entry: string; stage: string; problem: string }>({
    en: (p) => `entry "${p.entry}" (${STAGES.en[p.stage] ?? p.stage}): ${p.problem}`,
    zh: (p) => `条目「${p.entry}」（${STAGES.zh[p.stage] ?? p.stage}）：${p.problem}`,
  }),
  'entry.placeholder': define({
    en: () =>
      'is a placeholder the product category rule requires: give it a dataset, a supplier footprint or a component study',
    zh: () => '是产品种类规则要求的占位条目：请为其指定数据集、供应商碳足迹或组件研究',
  }),
  'entry.component-not-loaded': define<{ study: string }>({
    en: (p) => `its component study ${p.study} was not loaded`,
    zh: (p) => `其组件研究 ${p.study} 未能载入`,
  }),
  'entry.factor-release': define<{ release: string; pinned: string }>({
    en: (p) => `its factor is from release ${p.release}, the study pins ${p.pinned}`,
    zh: (p) => `其因子来自版本 ${p.release}，而研究锁定的是版本 ${p.pinned}`,
  }),
  'entry.factor-missing': define<{ factor: string; release: string }>({
    en: (p) => `factor ${p.factor} is not in release ${p.release}`,
    zh: (p) => `版本 ${p.release} 中没有因子 ${p.factor}`,
  }),
  'entry.process-release': define<{ release: string; pinned: string }>({
    en: (p) => `its process is from release ${p.release}, the study pins ${p.pinned}`,
    zh: (p) => `其过程来自版本 ${p.release}，而研究锁定的是版本 ${p.pinned}`,
  }),
  'entry.process-missing': define<{ process: string; release: string }>({
    en: (p) => `process ${p.process} is not in release ${p.release}`,
    zh: (p) => `版本 ${p.release} 中没有过程 ${p.process}`,
  }),
  'entry.unit-mismatch': define<{ unit: string; datasetUnit: string; dataset: string }>({
    en: (p) => `its unit ${p.unit} cannot be converted to ${p.datasetUnit}, the unit of ${p.dataset}`,
    zh: (p) => `其单位 ${p.unit} 无法换算为 ${p.dataset} 的单位 ${p.datasetUnit}`,
  }),
  'entry.no-gwp': define<{ method: string; substance: string }>({
    en: (p) => `${p.method} has no GWP for ${p.substance}`,
    zh: (p) => `${p.method} 中没有 ${p.substance} 的 GWP 值`,
  }),

  'component.error': define<{ chain: string; problem: string }>({
    en: (p) => `${p.chain}: ${p.problem}`,
    zh: (p) => `${p.chain}：${p.problem}`,
  }),
  'component.self': define({
    en: () => 'a study cannot use itself, directly or through its components',
    zh: () => '研究不能直接或通过其组件引用自身',
  }),
  'component.too-deep': define<{ max: number }>({
    en: (p) => `component studies nest deeper than ${p.max} levels`,
    zh: (p) => `组件研究的嵌套超过 ${p.max} 层`,
  }),
  'component.not-found': define({
    en: () => 'no study of this company has this id',
    zh: () => '本企业没有此编号的研究',
  }),
  'component.other-releases': define<{ lci: string; factors: string; ownLci: string; ownFactors: string }>({
    en: (p) =>
      `the component pins ${p.lci} + ${p.factors}, this study ${p.ownLci} + ${p.ownFactors}; pin the same releases`,
    zh: (p) => `该组件锁定的版本为 ${p.lci} + ${p.factors}，本研究为 ${p.ownLci} + ${p.ownFactors}；请锁定相同的版本`,
  }),

  'system.unsolvable': define<{ processes: string }>({
    en: (p) =>
      `The technosphere matrix is singular: the processes ${p.processes} do not determine their own production ` +
      `(a product that consumes itself at least as fast as it is made, or a loop with no net output).`,
    zh: (p) =>
      `技术圈矩阵奇异：过程 ${p.processes} 无法确定其自身产量（某产品的自身消耗不低于其产出速度，或存在没有净产出的循环）。`,
  }),
  'system.ill-conditioned': define<{ processes: string }>({
    en: (p) =>
      `The technosphere matrix is too ill-conditioned to solve reliably: the processes ${p.processes} do not determine their own production ` +
      `(a product that consumes itself at least as fast as it is made, or a loop with no net output).`,
    zh: (p) =>
      `技术圈矩阵病态，无法可靠求解：过程 ${p.processes} 无法确定其自身产量（某产品的自身消耗不低于其产出速度，或存在没有净产出的循环）。`,
  }),
  'system.scaling-not-finite': define<{ processes: string }>({
    en: (p) => `The scaling vector is not finite for ${p.processes}: the system is numerically singular there.`,
    zh: (p) => `过程 ${p.processes} 的缩放向量不是有限数值：系统在此处数值奇异。`,
  }),
  'system.scores-not-finite': define<{ processes: string }>({
    en: (p) => `The adjoint scores are not finite for ${p.processes}: the system is numerically singular there.`,
    zh: (p) => `过程 ${p.processes} 的伴随得分不是有限数值：系统在此处数值奇异。`,
  }),

  'result.not-finite': define<{ count: number; entries: string }>({
    en: (p) =>
      `the result is not a finite number for ${p.count === 1 ? 'entry' : `${p.count} entries`} ${p.entries}: check the amount, its formula and the dataset of each; nothing was saved`,
    zh: (p) => `${p.count} 个条目 ${p.entries} 的结果不是有限数值：请检查各条目的数量、公式和数据集；未保存任何结果`,
  }),
  'result.overflow': define<{ paths: string; largest: string }>({
    en: (p) =>
      `the result overflows (${p.paths} not finite) although every entry is finite: the largest entries are ${p.largest}; check their amounts and units; nothing was saved`,
    zh: (p) =>
      `各条目均为有限数值，但结果溢出（${p.paths} 不是有限数值）：最大的条目为 ${p.largest}；请检查其数量与单位；未保存任何结果`,
  }),

  'pcr.unknown': define<{ id: string; known: string }>({
    en: (p) => `no product category rule "${p.id}" (known: ${p.known})`,
    zh: (p) => `没有产品种类规则「${p.id}」（现有规则：${p.known}）`,
  }),
  'pcr.missing-parameters': define<{ names: string }>({
    en: (p) => `the rule needs these product parameters: ${p.names}`,
    zh: (p) => `该规则需要以下产品参数：${p.names}`,
  }),
  'compare.other-rules': define<{ a: string; b: string }>({
    en: (p) => `the studies follow different rules (${p.a}, ${p.b}): compare variants under one rule`,
    zh: (p) => `两项研究遵循不同的规则（${p.a}、${p.b}）：请在同一规则下比较方案`,
  }),
  'compare.other-units': define<{ a: string; b: string }>({
    en: (p) => `the studies have different units (${p.a}, ${p.b})`,
    zh: (p) => `两项研究的单位不同（${p.a}、${p.b}）`,
  }),

  'factor-use.not-emission-factor': define<{ factor: string; kind: string }>({
    en: (p) => `${p.factor} is a ${p.kind} value, not an emission factor, and cannot be used in a product footprint.`,
    zh: (p) => `${p.factor}（类型 ${p.kind}）不是排放因子，不能用于产品碳足迹核算。`,
  }),
  'factor-use.co2-only-electricity': define<{ factor: string; value: number; unit: string; instead: string }>({
    en: (p) =>
      `${p.factor} (${p.value} ${p.unit}) is a CO2-only electricity emission factor for organisational (scope 2) ` +
      `inventories: it counts only the CO2 of generation. ISO 14067 and GB/T 24067 require life-cycle (cradle-to-grave) ` +
      `emission factors in a product carbon footprint, covering all greenhouse gases and the fuel and infrastructure chain. ${p.instead}`,
    zh: (p) =>
      `${p.factor}（${p.value} ${p.unit}）为电力二氧化碳排放因子（仅含发电环节 CO2，用于企业/组织温室气体核算），不能用于产品碳足迹；` +
      `ISO 14067 与 GB/T 24067 要求使用涵盖全部温室气体及燃料与基础设施链的全生命周期（从摇篮到坟墓）电力碳足迹因子。${p.instead}`,
  }),
  'factor-use.use-instead': define<{
    factor: string;
    value: number;
    unit: string;
    status: string;
    notesEn: string;
    notesZh: string;
  }>({
    en: (p) => `Use ${p.factor} (${p.value} ${p.unit}, ${p.status}) instead${p.notesEn ? ` — ${p.notesEn}` : '.'}`,
    zh: (p) => `请改用 ${p.factor}（${p.value} ${p.unit}，${p.status}）${p.notesZh ? `——${p.notesZh}` : '。'}`,
  }),
  'factor-use.use-footprint': define<{ region: string; year: number }>({
    en: (p) => `Use the electricity-footprint factor for ${p.region} and ${p.year} instead.`,
    zh: (p) => `请改用 ${p.region} ${p.year} 年的电力碳足迹因子。`,
  }),
  'factor-use.not-found': define<{ whatEn: string; whatZh: string; regions: string }>({
    en: (p) => `No factor for ${p.whatEn} in ${p.regions}.`,
    zh: (p) => `在 ${p.regions} 中没有找到符合条件（${p.whatZh}）的因子。`,
  }),
  'factor-use.not-found-for-product': define<{ whatEn: string; whatZh: string; regions: string }>({
    en: (p) => `No factor for ${p.whatEn} in ${p.regions} usable in a product footprint.`,
    zh: (p) => `在 ${p.regions} 中没有找到符合条件（${p.whatZh}）且可用于产品碳足迹的因子。`,
  }),
};
