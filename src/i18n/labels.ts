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
};

export type LabelCode = keyof typeof LABEL_TEXTS;
