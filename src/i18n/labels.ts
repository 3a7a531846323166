import { define, fmt } from './define.ts';

/**
 * Labels, grades, signed verification and the registry: the words printed on a label and every
 * finding of a label's check, in Chinese and English from the same params. Plain data, no
 * imports beyond define.ts, so the web app's verify page bundles it as it is.
 */

/** Words printed on the label itself. */
export const LABEL_WORDS = {
  title: { zh: '产品碳足迹', en: 'Product carbon footprint' },
  per: { zh: '每', en: 'per' },
  grade: { zh: '等级', en: 'Grade' },
  notGraded: { zh: '未分级', en: 'Not graded' },
  verifiedBy: { zh: '核查', en: 'Verified by' },
  validUntil: { zh: '有效期至', en: 'Valid until' },
  scan: { zh: '扫码验证', en: 'Scan to verify' },
  removals: { zh: '另计移除', en: 'removals apart' },
} as const;

/** A verification request's state after it was decided, as the zh texts say it. */
const REQUEST_STATE_ZH: Record<string, string> = { open: '仍待核查', signed: '已签名', declined: '已被拒绝' };

export const LABEL_TEXTS = {
  'check.format': define<{ problems: string }>({
    en: (p) => `The file is not a Tanji label credential: ${p.problems}`,
    zh: (p) => `该文件不是碳迹标识凭证：${p.problems}`,
  }),
  'check.signature-valid': define<{ did: string }>({
    en: (p) => `The signature holds: every value is as the verifier signed it (key ${p.did}).`,
    zh: (p) => `签名有效：所有数值与核查机构签署时一致（密钥 ${p.did}）。`,
  }),
  'check.signature-invalid': define<{ reason: string }>({
    en: (p) => `The signature does not hold: ${p.reason}.`,
    zh: (p) => `签名无效：${p.reason}。`,
  }),
  'check.issuer-mismatch': define<{ did: string; issuer: string }>({
    en: (p) => `Signed with key ${p.did}, but the credential names ${p.issuer} as its issuer.`,
    zh: (p) => `凭证由密钥 ${p.did} 签署，但声明的签发者是 ${p.issuer}。`,
  }),
  'check.key-known': define<{ organisation: string; issued: string }>({
    en: (p) => `The key is the published key of ${p.organisation} (trust file of ${p.issued}).`,
    zh: (p) => `该密钥是 ${p.organisation} 公布的密钥（信任文件日期 ${p.issued}）。`,
  }),
  'check.key-foreign': define<{ did: string }>({
    en: (p) => `The key ${p.did} is not a published verifier key: the label was not signed by a known verifier.`,
    zh: (p) => `密钥 ${p.did} 不是已公布的核查机构密钥：该标识并非由已知核查机构签署。`,
  }),
  'check.key-retired': define<{ organisation: string; retired: string }>({
    en: (p) => `The key of ${p.organisation} was retired on ${p.retired}, before this label was signed.`,
    zh: (p) => `${p.organisation} 的该密钥已于 ${p.retired} 停用，早于本标识签署时间。`,
  }),
  'check.key-unchecked': define({
    en: () =>
      'Whose key signed it was not checked: load the registry trust file to check the key, revocation and benchmark.',
    zh: () => '未核对签名密钥的归属：请载入登记册的信任文件，以核对密钥、撤销状态和基准。',
  }),
  'check.valid-period': define<{ from: string; until: string }>({
    en: (p) => `Valid from ${p.from} until ${p.until}.`,
    zh: (p) => `有效期 ${p.from} 至 ${p.until}。`,
  }),
  'check.expired': define<{ until: string }>({
    en: (p) => `Expired on ${p.until}.`,
    zh: (p) => `已于 ${p.until} 过期。`,
  }),
  'check.not-yet-valid': define<{ from: string }>({
    en: (p) => `Not valid before ${p.from}.`,
    zh: (p) => `${p.from} 之前无效。`,
  }),
  'check.not-revoked': define<{ issued: string }>({
    en: (p) => `Not revoked, by the verifier's signed revocation list of ${p.issued}.`,
    zh: (p) => `未被撤销（依据核查机构 ${p.issued} 签署的撤销清单）。`,
  }),
  'check.revoked': define<{ at: string; reason: string }>({
    en: (p) => `REVOKED on ${p.at}: ${p.reason}`,
    zh: (p) => `已于 ${p.at} 撤销：${p.reason}`,
  }),
  'check.revocation-list-invalid': define<{ reason: string }>({
    en: (p) => `The verifier's revocation list in the trust file does not hold: ${p.reason}.`,
    zh: (p) => `信任文件中核查机构的撤销清单无效：${p.reason}。`,
  }),
  'check.revocation-unknown': define({
    en: () => 'Revocation was not checked: the trust file holds no revocation list of this verifier.',
    zh: () => '未核对撤销状态：信任文件中没有该核查机构的撤销清单。',
  }),
  'check.grade-recomputed': define<{ grade: string; value: number; bounds: string; benchmark: string }>({
    en: (p) =>
      `Grade ${p.grade} recomputed: ${fmt(p.value)} against the bounds ${p.bounds} of benchmark ${p.benchmark}.`,
    zh: (p) => `已重算等级 ${p.grade}：${fmt(p.value)} 对照基准 ${p.benchmark} 的分级界限 ${p.bounds}。`,
  }),
  'check.grade-wrong': define<{ stated: string; grade: string; value: number; bounds: string }>({
    en: (p) =>
      `The label states grade ${p.stated}, but ${fmt(p.value)} against the bounds ${p.bounds} is grade ${p.grade}.`,
    zh: (p) => `标识声明等级 ${p.stated}，但 ${fmt(p.value)} 对照分级界限 ${p.bounds} 应为 ${p.grade} 级。`,
  }),
  'check.benchmark-mismatch': define<{ benchmark: string }>({
    en: (p) => `Benchmark ${p.benchmark} as published differs from the one the grade names (hash or bounds).`,
    zh: (p) => `公布的基准 ${p.benchmark} 与等级所依据的基准不一致（哈希或分级界限不同）。`,
  }),
  'check.benchmark-unpublished': define<{ benchmark: string }>({
    en: (p) => `Benchmark ${p.benchmark} is not in the trust file: the bounds were taken from the label.`,
    zh: (p) => `信任文件中没有基准 ${p.benchmark}：分级界限取自标识本身。`,
  }),
  'check.not-graded': define({
    en: () => 'Not graded: no benchmark was published for this category when it was verified.',
    zh: () => '未分级：核查时该类别尚未发布基准。',
  }),
  'check.conforms': define<{ pcr: string }>({
    en: (p) => `The study conforms to ${p.pcr}: no mandatory requirement failed.`,
    zh: (p) => `研究符合 ${p.pcr}：无强制性要求未满足。`,
  }),
  'check.not-conforming': define<{ pcr: string }>({
    en: (p) => `The credential records a failing mandatory requirement of ${p.pcr}: it should never have been signed.`,
    zh: (p) => `凭证记录了 ${p.pcr} 的强制性要求未满足：本不应被签署。`,
  }),
  'check.label-matches': define({
    en: () => 'The label image is exactly the one drawn from the signed data.',
    zh: () => '标识图像与由签署数据生成的图像完全一致。',
  }),
  'check.label-differs': define({
    en: () => 'The label image differs from the one drawn from the signed data: it was altered.',
    zh: () => '标识图像与由签署数据生成的图像不一致：已被改动。',
  }),
  'verdict.valid': define({ en: () => 'Valid label', zh: () => '有效标识' }),
  'verdict.invalid': define({ en: () => 'NOT a valid label', zh: () => '无效标识' }),
  'verdict.incomplete': define({
    en: () => 'Signature holds; not every check could be made',
    zh: () => '签名有效；部分项目未能核对',
  }),
  'sign.not-conforming': define<{ pcr: string; failed: string }>({
    en: (p) => `the study fails mandatory requirements of ${p.pcr} (${p.failed}): it cannot be signed`,
    zh: (p) => `研究未满足 ${p.pcr} 的强制性要求（${p.failed}）：不能签署`,
  }),
  'sign.no-result': define<{ version: number }>({
    en: (p) => `version ${p.version} has no result yet: it must be calculated before it is verified`,
    zh: (p) => `版本 ${p.version} 尚无计算结果：须先计算再核查`,
  }),
  'sign.undeclarable': define<{ reason: string }>({
    en: (p) => `the declared value cannot be computed: ${p.reason}`,
    zh: (p) => `无法计算声明值：${p.reason}`,
  }),
  'sign.benchmark-unit': define<{ benchmark: string; benchmarkUnit: string; amount: number; unit: string }>({
    en: (p) => `benchmark ${p.benchmark} grades per 1 ${p.benchmarkUnit}, the study declares per ${p.amount} ${p.unit}`,
    zh: (p) => `基准 ${p.benchmark} 按每 1 ${p.benchmarkUnit} 分级，而该研究按每 ${p.amount} ${p.unit} 声明`,
  }),
  'sign.benchmark-rule': define<{ benchmark: string; benchmarkPcr: string; pcr: string }>({
    en: (p) => `benchmark ${p.benchmark} grades products of rule ${p.benchmarkPcr}, the study follows ${p.pcr}`,
    zh: (p) => `基准 ${p.benchmark} 用于对遵循规则 ${p.benchmarkPcr} 的产品分级，而该研究遵循 ${p.pcr}`,
  }),
  'sign.version-moved': define<{ requested: number; current: number }>({
    en: (p) =>
      `the request is for version ${p.requested}, the study is at version ${p.current}: the practitioner must request again`,
    zh: (p) => `该申请针对版本 ${p.requested}，研究现已是版本 ${p.current}：须由从业者重新申请核查`,
  }),
  'sign.valid-until-past': define({
    en: () => 'validUntil must lie in the future',
    zh: () => '有效期截止日期（validUntil）必须晚于当前时间',
  }),
  'sign.valid-too-long': define<{ years: number }>({
    en: (p) => `a label is valid for at most ${p.years} years`,
    zh: (p) => `标识的有效期最长为 ${p.years} 年`,
  }),
  'label.steward-only': define({
    en: () => 'only database stewards publish category benchmarks',
    zh: () => '只有数据库管理员可以发布类别基准',
  }),
  'label.no-distribution': define<{ category: string; unit: string }>({
    en: (p) => `the registry has no active label of category ${p.category} per 1 ${p.unit} to take a distribution from`,
    zh: (p) => `登记册中没有类别 ${p.category}、以每 1 ${p.unit} 声明的有效标识，无法据此取得分布`,
  }),
  'label.no-benchmark': define<{ benchmark: string }>({
    en: (p) => `no benchmark ${p.benchmark} is published`,
    zh: (p) => `尚未发布基准 ${p.benchmark}`,
  }),
  'label.no-benchmark-version': define<{ benchmark: string; version: number }>({
    en: (p) => `no benchmark ${p.benchmark} version ${p.version} is published`,
    zh: (p) => `尚未发布基准 ${p.benchmark} 的版本 ${p.version}`,
  }),
  'label.verifiers-only': define({
    en: () => 'only verifiers check and sign studies',
    zh: () => '只有核查员可以核查和签署研究',
  }),
  'label.study-not-visible': define<{ study: string }>({
    en: (p) => `study ${p.study} does not exist or is not visible to you`,
    zh: (p) => `研究 ${p.study} 不存在，或您无权查看`,
  }),
  'label.study-not-yours': define<{ study: string }>({
    en: (p) => `study ${p.study} does not exist or is not yours to send for verification`,
    zh: (p) => `研究 ${p.study} 不存在，或不属于您，不能由您申请核查`,
  }),
  'label.not-a-verifier': define<{ email: string }>({
    en: (p) => `${p.email} is not a verifier's account`,
    zh: (p) => `${p.email} 不是核查员账户`,
  }),
  'label.request-not-yours': define<{ request: string }>({
    en: (p) => `verification request ${p.request} is not addressed to you`,
    zh: (p) => `核查申请 ${p.request} 不是发给您的`,
  }),
  'label.request-not-for-study': define<{ request: string }>({
    en: (p) => `verification request ${p.request} is not addressed to you for this study`,
    zh: (p) => `核查申请 ${p.request} 不是就本研究发给您的`,
  }),
  'label.request-not-visible': define<{ request: string }>({
    en: (p) => `verification request ${p.request} does not exist or is not visible to you`,
    zh: (p) => `核查申请 ${p.request} 不存在，或您无权查看`,
  }),
  'label.request-closed': define<{ request: string; state: string }>({
    en: (p) => `verification request ${p.request} is already ${p.state}`,
    zh: (p) => `核查申请 ${p.request} ${REQUEST_STATE_ZH[p.state] ?? `已处于 ${p.state} 状态`}`,
  }),
  'label.not-found': define<{ label: string }>({
    en: (p) => `label ${p.label} does not exist`,
    zh: (p) => `标识 ${p.label} 不存在`,
  }),
  'label.revoke-not-signer': define({
    en: () => 'only a verifier of the organisation that signed a label may revoke it',
    zh: () => '只有签署该标识的机构的核查员可以撤销它',
  }),
  'label.already-revoked': define<{ label: string }>({
    en: (p) => `label ${p.label} is already revoked`,
    zh: (p) => `标识 ${p.label} 已被撤销`,
  }),
  'label.no-key': define<{ did: string }>({
    en: (p) => `no verifier key ${p.did} is published`,
    zh: (p) => `没有已公布的核查机构密钥 ${p.did}`,
  }),
  'label.result-gone': define<{ version: number }>({
    en: (p) => `the result of study version ${p.version} is no longer stored`,
    zh: (p) => `研究版本 ${p.version} 的计算结果已不再保存`,
  }),
  'passport.unit': define<{ amount: number; unit: string }>({
    en: (p) =>
      `the battery passport declares kg CO2e per 1 kWh of total energy over the service life; this label declares per ${p.amount} ${p.unit}`,
    zh: (p) => `电池护照按使用寿命内总能量每 1 kWh 声明 kg CO2e；本标识按每 ${p.amount} ${p.unit} 声明`,
  }),
  'passport.stages': define<{ outside: string }>({
    en: (p) =>
      `the battery footprint has only the four stages of Regulation (EU) 2023/1542 Annex II, but the label has ${p.outside} kg CO2e/kWh outside them`,
    zh: (p) =>
      `电池碳足迹仅包含法规 (EU) 2023/1542 附件 II 的四个阶段，但本标识在这些阶段之外还有 ${p.outside} kg CO2e/kWh`,
  }),
  'passport.no-grade': define({
    en: () => 'the battery passport needs a performance class: the label was not graded against a benchmark',
    zh: () => '电池护照需要碳足迹性能等级：本标识未对照基准分级',
  }),
};

export type LabelCode = keyof typeof LABEL_TEXTS;
