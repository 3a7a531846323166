import { define } from './define.ts';

/**
 * What the `tanji` command says of its own: the refusals of a wrong command line (`cli.*`) and the
 * words of its results, printed in the language of `--lang` (else of LANG / LC_ALL). Command
 * lines, option names, ids and file names stay as they are in both languages.
 */
const LEVELS_ZH: Record<string, string> = { province: '省级', grid: '区域电网', national: '全国', global: '全球' };
const STATUS_ZH: Record<string, string> = { verified: '已核实', check: '待核实', derived: '推算值' };

export const CLI_TEXTS = {
  'cli.bad-arguments': define<{ detail: string; command: string }>({
    en: (p) => `${p.detail}\nSee \`tanji ${p.command} --help\`.`,
    zh: (p) => `命令行参数有误：${p.detail}\n请参阅 \`tanji ${p.command} --help\`。`,
  }),
  'cli.unknown-command': define<{ command: string }>({
    en: (p) => `unknown command "${p.command}"`,
    zh: (p) => `没有「${p.command}」这个命令`,
  }),
  'cli.lang': define({
    en: () => '--lang must be zh or en',
    zh: () => '--lang 只能是 zh 或 en',
  }),
  'cli.not-a-number': define<{ option: string; given: string }>({
    en: (p) => `--${p.option} must be a number, got "${p.given}"`,
    zh: (p) => `--${p.option} 须为数字，实际为「${p.given}」`,
  }),
  'cli.required': define<{ option: string }>({
    en: (p) => `--${p.option} is required`,
    zh: (p) => `缺少 --${p.option}`,
  }),
  'cli.one-of': define<{ option: string; choices: string }>({
    en: (p) => `--${p.option} must be one of ${p.choices}`,
    zh: (p) => `--${p.option} 须为以下之一：${p.choices}`,
  }),
  'cli.one-of-got': define<{ option: string; choices: string; given: string }>({
    en: (p) => `--${p.option} must be one of ${p.choices}, got "${p.given}"`,
    zh: (p) => `--${p.option} 须为以下之一：${p.choices}；实际为「${p.given}」`,
  }),
  'cli.usage': define<{ usage: string }>({
    en: (p) => `usage: ${p.usage}`,
    zh: (p) => `用法：${p.usage}`,
  }),
  'cli.name-process': define<{ usage: string }>({
    en: (p) => `name the process: ${p.usage}`,
    zh: (p) => `请指定过程：${p.usage}`,
  }),
  'cli.name-processes': define({
    en: () => 'name at least one process to regionalize',
    zh: () => '请至少指定一个要区域化的过程',
  }),
  'cli.name-study-file': define<{ usage: string }>({
    en: (p) => `name the study file: ${p.usage}`,
    zh: (p) => `请指定研究文件：${p.usage}`,
  }),
  'cli.name-study': define<{ usage: string }>({
    en: (p) => `name the study: ${p.usage}`,
    zh: (p) => `请指定研究：${p.usage}`,
  }),
  'cli.name-rule': define<{ usage: string; list: string }>({
    en: (p) => `name the rule: ${p.usage} (${p.list} shows them)`,
    zh: (p) => `请指定规则：${p.usage}（${p.list} 可列出全部规则）`,
  }),
  'cli.pcr-subcommand': define<{ given: string }>({
    en: (p) => `unknown subcommand "${p.given}": list, show or check`,
    zh: (p) => `没有子命令「${p.given}」：可用 list、show 或 check`,
  }),
  'cli.factor-subcommand': define<{ usage: string }>({
    en: (p) => `the only subcommand is search: ${p.usage}`,
    zh: (p) => `唯一的子命令是 search：${p.usage}`,
  }),
  'cli.factor-text': define<{ example: string }>({
    en: (p) => `what should I search for? e.g. ${p.example}`,
    zh: (p) => `要检索什么？例如 ${p.example}`,
  }),
  'cli.no-factor-release': define<{ release: string; releases: string }>({
    en: (p) => `no factor release "${p.release}"; releases with factors: ${p.releases}`,
    zh: (p) => `没有因子版本「${p.release}」；含因子的版本：${p.releases}`,
  }),
  'cli.no-database': define({
    en: () =>
      'the data directory holds no database yet: run `tanji import <zip>` first (TANJI_DATA sets the directory)',
    zh: () => '数据目录中还没有数据库：请先运行 `tanji import <zip>`（TANJI_DATA 指定该目录）',
  }),
  'cli.ambiguous-process': define<{ query: string; count: number; list: string }>({
    en: (p) => `"${p.query}" names ${p.count} processes; use an id:\n${p.list}`,
    zh: (p) => `「${p.query}」对应 ${p.count} 个过程；请改用编号：\n${p.list}`,
  }),
  'cli.ambiguous-process-short': define<{ query: string; count: number }>({
    en: (p) => `"${p.query}" names ${p.count} processes; use an id`,
    zh: (p) => `「${p.query}」对应 ${p.count} 个过程；请改用编号`,
  }),
  'cli.no-process': define<{ query: string; database: string }>({
    en: (p) =>
      `no process with id or exact name "${p.query}" in database ${p.database}; \`tanji list --search <text>\` finds processes`,
    zh: (p) =>
      `数据库 ${p.database} 中没有编号或完整名称为「${p.query}」的过程；\`tanji list --search <text>\` 可检索过程`,
  }),
  'cli.no-process-near': define<{ query: string; database: string; list: string }>({
    en: (p) => `no process with id or exact name "${p.query}" in database ${p.database}; did you mean:\n${p.list}`,
    zh: (p) => `数据库 ${p.database} 中没有编号或完整名称为「${p.query}」的过程；您要找的是否为：\n${p.list}`,
  }),
  'cli.no-process-in': define<{ query: string; source: string }>({
    en: (p) => `no process with id or exact name "${p.query}" in ${p.source}`,
    zh: (p) => `${p.source} 中没有编号或完整名称为「${p.query}」的过程`,
  }),
  'cli.no-release-process': define<{ release: string; process: string }>({
    en: (p) => `release ${p.release} has no process ${p.process}`,
    zh: (p) => `版本 ${p.release} 中没有过程 ${p.process}`,
  }),
  'cli.not-a-unit-of': define<{ unit: string; flow: string; units: string }>({
    en: (p) => `--unit ${p.unit} is not a unit of "${p.flow}"; its units: ${p.units}`,
    zh: (p) => `--unit ${p.unit} 不是「${p.flow}」的单位；可用单位：${p.units}`,
  }),
  'cli.iterations': define({
    en: () => '--iterations must be a positive whole number',
    zh: () => '--iterations 须为正整数',
  }),
  'cli.regions-required': define<{ example: string; all: string }>({
    en: (p) => `--regions is required, e.g. ${p.example} or ${p.all}`,
    zh: (p) => `缺少 --regions，例如 ${p.example} 或 ${p.all}`,
  }),
  'cli.import-which': define<{ usage: string }>({
    en: (p) => `tell me which zip to import: ${p.usage}`,
    zh: (p) => `请指定要导入的 zip 文件：${p.usage}`,
  }),
  'cli.db-what': define<{ usage: string }>({
    en: (p) => `say what to do: ${p.usage}`,
    zh: (p) => `请说明要做什么：${p.usage}`,
  }),
  'cli.db-which-backup': define<{ usage: string }>({
    en: (p) => `which backup? ${p.usage}`,
    zh: (p) => `要恢复哪个备份？${p.usage}`,
  }),
  'cli.db-where-to': define<{ usage: string }>({
    en: (p) => `where to? ${p.usage}`,
    zh: (p) => `备份到哪里？${p.usage}`,
  }),
  'cli.db-which-zip': define<{ usage: string }>({
    en: (p) => `which zip? ${p.usage}`,
    zh: (p) => `要导入哪个 zip 文件？${p.usage}`,
  }),
  'cli.release-required': define<{ option: string }>({
    en: (p) => `${p.option} is required: releases are numbered and immutable`,
    zh: (p) => `缺少 ${p.option}：数据版本有编号且发布后不可更改`,
  }),
  'cli.cannot-read': define<{ what: string; path: string; reason: string }>({
    en: (p) => `cannot read ${p.what} ${p.path}: ${p.reason}`,
    zh: (p) => `无法读取${p.what} ${p.path}：${p.reason}`,
  }),
  'cli.no-such-file': define({
    en: () => 'no such file',
    zh: () => '文件不存在',
  }),
  'cli.too-large': define<{ what: string; path: string; mib: number }>({
    en: (p) => `${p.what} ${p.path} is larger than ${p.mib} MiB`,
    zh: (p) => `${p.what} ${p.path} 超过 ${p.mib} MiB`,
  }),
  'cli.what.trust-file': define({
    en: () => 'trust file',
    zh: () => '信任文件',
  }),
  'cli.what.label-file': define({
    en: () => 'label file',
    zh: () => '标签文件',
  }),
  'cli.not-json': define<{ path: string }>({
    en: (p) => `trust file ${p.path} is not JSON`,
    zh: (p) => `信任文件 ${p.path} 不是 JSON`,
  }),
  'cli.not-trust-file': define<{ path: string; issues: string }>({
    en: (p) => `trust file ${p.path} is not a Tanji trust file: ${p.issues}`,
    zh: (p) => `信任文件 ${p.path} 不是 Tanji 信任文件：${p.issues}`,
  }),
  'cli.not-a-study': define<{ file: string; issues: string }>({
    en: (p) => `${p.file}: not a study: ${p.issues}`,
    zh: (p) => `${p.file}：不是研究文件：${p.issues}`,
  }),
  'cli.no-partner': define<{ name: string; company: string }>({
    en: (p) =>
      `no live partner connection called "${p.name}"${p.company ? ` in ${p.company}` : ''}: tanji pact connections lists them`,
    zh: (p) =>
      `${p.company ? `${p.company} ` : ''}没有名为「${p.name}」的有效伙伴连接：tanji pact connections 可列出全部连接`,
  }),
  'cli.partner-of-several': define<{ name: string; companies: string }>({
    en: (p) => `"${p.name}" is a partner of several companies (${p.companies}): add --company <name>`,
    zh: (p) => `「${p.name}」是多家企业的伙伴（${p.companies}）：请加上 --company <name>`,
  }),
  'cli.product-urn': define<{ example: string }>({
    en: (p) => `--product takes the product id as a URN, e.g. ${p.example}`,
    zh: (p) => `--product 须为 URN 形式的产品编号，例如 ${p.example}`,
  }),
  'cli.pact-spec': define({
    en: () => '--spec is 3.0 or 2.3',
    zh: () => '--spec 只能是 3.0 或 2.3',
  }),
  'cli.study-with-entry': define({
    en: () => '--study and --entry go together',
    zh: () => '--study 与 --entry 须同时给出',
  }),
  'cli.no-study': define<{ study: string }>({
    en: (p) => `no study ${p.study}`,
    zh: (p) => `没有研究 ${p.study}`,
  }),
  // the words of `tanji calc` and `tanji factor`
  'cli.calc.what': define<{ process: string; quantity: string; product: string }>({
    en: (p) => `${p.process}: ${p.quantity} of ${p.product}`,
    zh: (p) => `${p.process}：${p.quantity}「${p.product}」`,
  }),
  'cli.calc.method': define<{ method: string; gwpSet: string; database: string }>({
    en: (p) => `method ${p.method} (${p.gwpSet}), database ${p.database}`,
    zh: (p) => `方法 ${p.method}（${p.gwpSet}），数据库 ${p.database}`,
  }),
  'cli.calc.in-this-system': define<{ findings: string }>({
    en: (p) => `In this system: ${p.findings}. --json lists them.`,
    zh: (p) => `本系统中：${p.findings}。--json 可列出明细。`,
  }),
  'cli.calc.unmatched': define<{ count: number; method: string }>({
    en: (p) => `${p.count} GHG-like flows without a factor in ${p.method}`,
    zh: (p) => `${p.count} 个疑似温室气体的流在 ${p.method} 中没有因子`,
  }),
  'cli.calc.cutoffs': define<{ count: number }>({
    en: (p) => `${p.count} inputs cut off (no provider in the database)`,
    zh: (p) => `${p.count} 项输入被截断（数据库中没有供应方）`,
  }),
  'cli.calc.provider-choices': define<{ count: number }>({
    en: (p) => `${p.count} providers chosen among several`,
    zh: (p) => `${p.count} 处在多个供应方中作了选择`,
  }),
  'cli.line.cfp': define({
    en: () => 'CFP, emissions + removals (ISO 14067 3.1.1.1)',
    zh: () => '产品碳足迹，排放 + 移除（ISO 14067 3.1.1.1）',
  }),
  'cli.line.total': define({
    en: () => 'total emissions',
    zh: () => '排放合计',
  }),
  'cli.line.fossil': define({ en: () => 'fossil', zh: () => '化石源' }),
  'cli.line.biogenic': define({ en: () => 'biogenic (emissions)', zh: () => '生物源（排放）' }),
  'cli.line.landUseChange': define({ en: () => 'land use change', zh: () => '土地利用变化' }),
  'cli.line.aircraft': define({ en: () => 'aircraft', zh: () => '航空' }),
  'cli.line.biogenicRemovals': define({
    en: () => 'biogenic removals (not in total)',
    zh: () => '生物碳移除（不计入合计）',
  }),
  'cli.factor.none': define<{ text: string }>({
    en: (p) => `no factor matches "${p.text}"; try electricity/电力, diesel/柴油, road/公路, natural gas/天然气`,
    zh: (p) => `没有与「${p.text}」匹配的因子；可试试 电力/electricity、柴油/diesel、公路/road、天然气/natural gas`,
  }),
  'cli.factor.header': define({
    en: () => 'value|unit|kind|answered by|year|status|name|id',
    zh: () => '数值|单位|类型|取自区域|年份|状态|名称|编号',
  }),
  /** the region that answered and its level (src/model/factor.ts `RegionLevel`) */
  'cli.factor.answered-by': define<{ region: string; level: string }>({
    en: (p) => `${p.region} (${p.level})`,
    zh: (p) => `${p.region}（${LEVELS_ZH[p.level] ?? p.level}）`,
  }),
  /** a factor's status (src/model/factor.ts): verified, check or derived */
  'cli.factor.status': define<{ status: string }>({
    en: (p) => `${p.status}`,
    // a status this table does not know is quoted, as data
    zh: (p) => STATUS_ZH[p.status] ?? `「${p.status}」`,
  }),
  'cli.factor.best': define<{ source: string; release: string }>({
    en: (p) => `Best match: ${p.source}; release ${p.release}`,
    zh: (p) => `最佳匹配：${p.source}；版本 ${p.release}`,
  }),
  'cli.factor.note': define<{ note: string }>({
    en: (p) => `note: ${p.note}`,
    zh: (p) => `说明：${p.note}`,
  }),
  'cli.warning': define<{ warning: string }>({
    en: (p) => `warning: ${p.warning}`,
    zh: (p) => `警告：${p.warning}`,
  }),
};
