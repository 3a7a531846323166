import { define } from './define.ts';

/**
 * Supply-chain exchange by PACT as the app's users see it: publishing a footprint, a partner's
 * address, a partner host that fails or answers with a document that does not conform, and
 * putting a supplier's footprint into a study entry. A partner's own words (its error code and
 * message, a schema validator's findings) stay as they came, as params. The PACT host's protocol
 * answers to machine partners are the Tech Spec's and are not here.
 */

/** How the zh texts name a direct entry's kind. */
const DIRECT_KIND_ZH: Record<string, string> = { emission: '直接排放', removal: '直接移除' };

export const PACT_TEXTS = {
  'pact.no-study': define<{ study: string }>({
    en: (p) => `study ${p.study} does not exist`,
    zh: (p) => `研究 ${p.study} 不存在`,
  }),
  'pact.not-conformant': define<{ problems: string }>({
    en: (p) => `cannot write the study as a PACT footprint:\n  ${p.problems}`,
    zh: (p) => `无法将该研究写成 PACT 产品碳足迹：\n  ${p.problems}`,
  }),
  'pact.map.other-result': define<{ resultStudy: string; resultVersion: number; study: string; version: number }>({
    en: (p) =>
      `the result is of study ${p.resultStudy} version ${p.resultVersion}, not of ${p.study} version ${p.version}`,
    zh: (p) => `该结果属于研究 ${p.resultStudy} 的版本 ${p.resultVersion}，而不是 ${p.study} 的版本 ${p.version}`,
  }),
  'pact.map.unit': define<{ unit: string }>({
    en: (p) =>
      `declared unit "${p.unit}" has no PACT declaredUnitOfMeasurement (kg, l, m3, m2, kWh, MJ, t*km, h, piece)`,
    zh: (p) => `声明单位“${p.unit}”没有对应的 PACT declaredUnitOfMeasurement（kg、l、m3、m2、kWh、MJ、t*km、h、piece）`,
  }),
  'pact.map.mass': define<{ unit: string; amount: number }>({
    en: (p) =>
      `declared unit "${p.unit}" needs opts.productMassPerDeclaredUnit (kg of product per ${p.amount} ${p.unit})`,
    zh: (p) =>
      `声明单位“${p.unit}”须给出每声明单位的产品质量 productMassPerDeclaredUnit（每 ${p.amount} ${p.unit} 产品的千克数）`,
  }),
  'pact.map.geography': define<{ code: string }>({
    en: (p) => `geography "${p.code}" is neither an ISO 3166-1/3166-2 code nor a UN region; pass opts.geography`,
    zh: (p) => `地理范围“${p.code}”既不是 ISO 3166-1/3166-2 代码，也不是联合国区域；请另行给出地理范围（geography）`,
  }),
  'pact.map.not-finite': define<{ value: string }>({
    en: (p) => `not a finite number: ${p.value}`,
    zh: (p) => `不是有限数值：${p.value}`,
  }),
  'pact.map.cpc': define<{ got: string }>({
    en: (p) =>
      `v2.3 requires productCategoryCpc: set the study's product classification to a UN CPC code (got ${p.got})`,
    zh: (p) => `v2.3 要求 productCategoryCpc：请将研究的产品分类设为联合国 CPC 代码（当前为 ${p.got}）`,
  }),
  'pact.map.v2-unit': define<{ unit: string }>({
    en: (p) => `v2.3 has no declaredUnit "${p.unit}"`,
    zh: (p) => `v2.3 没有声明单位（declaredUnit）“${p.unit}”`,
  }),
  'pact.partner-url-field': define<{ problem: string }>({
    en: (p) => `partnerUrl: ${p.problem}`,
    zh: (p) => `合作方主机地址（partnerUrl）：${p.problem}`,
  }),
  'pact.partner-name-taken': define<{ name: string }>({
    en: (p) => `name: the company already has a partner called ${p.name}`,
    zh: (p) => `名称：本企业已有名为 ${p.name} 的合作方`,
  }),
  'pact.connection-revoked-edit': define<{ connection: string }>({
    en: (p) => `connection ${p.connection} was revoked; add a new one`,
    zh: (p) => `连接 ${p.connection} 已被撤销；请新建一个连接`,
  }),
  'pact.partner-private': define<{ host: string }>({
    en: (p) =>
      `the partner host ${p.host} is on a private or local network; PACT partners are reached over the internet (an administrator allows own-network partners with TANJI_PACT_ALLOW_PRIVATE=1)`,
    zh: (p) =>
      `合作方主机 ${p.host} 位于私有或本地网络；PACT 合作方须经互联网访问（管理员可设置 TANJI_PACT_ALLOW_PRIVATE=1 以允许本网络内的合作方）`,
  }),
  'pact.partner-not-url': define<{ url: string }>({
    en: (p) => `the partner host "${p.url}" is not a URL`,
    zh: (p) => `合作方主机“${p.url}”不是有效的网址`,
  }),
  'pact.partner-not-https': define<{ origin: string }>({
    en: (p) => `the partner host ${p.origin} is not https://: PACT is spoken over HTTPS only`,
    zh: (p) => `合作方主机 ${p.origin} 未使用 https://：PACT 只通过 HTTPS 交换`,
  }),
  'pact.partner-credentials-in-url': define({
    en: () =>
      'the partner host URL may not carry a user name or password: give the credentials the partner issued in their own fields',
    zh: () => '合作方主机网址中不得包含用户名或密码：请将合作方签发的凭据填入各自的字段',
  }),
  'pact.partner-unreachable': define<{ origin: string }>({
    en: (p) =>
      `could not connect to the partner host ${p.origin}: check its URL, that it is up, and that its certificate is the one the connection trusts`,
    zh: (p) => `无法连接合作方主机 ${p.origin}：请检查其网址、主机是否在运行，以及其证书是否为该连接所信任的证书`,
  }),
  'pact.partner-reply-too-large': define<{ origin: string; mib: number }>({
    en: (p) => `the partner host ${p.origin} sent more than ${p.mib} MiB in one answer; ask for smaller pages`,
    zh: (p) => `合作方主机 ${p.origin} 单次答复超过 ${p.mib} MiB；请按更小的分页请求`,
  }),
  'pact.partner-not-set': define<{ connection: string }>({
    en: (p) =>
      `connection ${p.connection} has no partner host and credentials: add them to pull footprints or send requests`,
    zh: (p) => `连接 ${p.connection} 没有合作方主机和凭据：请先补充，才能拉取碳足迹或发送请求`,
  }),
  'pact.partner-auth-failed': define<{ endpoint: string; status: number; reply: string }>({
    en: (p) => `${p.endpoint}: authentication failed (${p.status}${p.reply ? ` ${p.reply}` : ''})`,
    zh: (p) => `${p.endpoint}：身份验证失败（${p.status}${p.reply ? ` ${p.reply}` : ''}）`,
  }),
  'pact.partner-refused': define<{ url: string; status: number; reply: string }>({
    en: (p) => `${p.url}: ${p.status}${p.reply ? ` ${p.reply}` : ''}`,
    zh: (p) => `${p.url}：合作方主机答复 ${p.status}${p.reply ? ` ${p.reply}` : ''}`,
  }),
  'pact.partner-no-data': define<{ url: string }>({
    en: (p) => `${p.url}: the answer has no data array`,
    zh: (p) => `${p.url}：答复中没有 data 数组`,
  }),
  'pact.event-rejected': define<{ code: string; message: string }>({
    en: (p) => `${p.code}: ${p.message}`,
    zh: (p) => `合作方拒绝了请求（${p.code}）：${p.message}`,
  }),
  'pact.event-failed': define<{ reason: string }>({
    en: (p) => `${p.reason}`,
    zh: (p) => `投递失败：${p.reason}`,
  }),
  'pact.event-gave-up': define<{ hours: number; attempts: number; last: string }>({
    en: (p) => `gave up after ${p.hours} h and ${p.attempts} attempts; last: ${p.last}`,
    zh: (p) => `${p.hours} 小时内尝试 ${p.attempts} 次后放弃；最后一次：${p.last}`,
  }),
  'pact.connection-revoked': define({
    en: () => 'the connection was revoked',
    zh: () => '该连接已被撤销',
  }),
  'pact.no-events-endpoint': define({
    en: () => 'the request names no events endpoint (source) and the connection has no partner host',
    zh: () => '该请求未指明事件端点（source），连接中也没有合作方主机',
  }),
  'pact.no-partner-credentials': define<{ origin: string; connection: string }>({
    en: (p) =>
      `no credentials to authenticate at ${p.origin}: record the client id and secret ${p.connection} issued to you (Supply chain page, or PATCH /api/pact/connections/{id})`,
    zh: (p) =>
      `没有在 ${p.origin} 进行身份验证的凭据：请录入 ${p.connection} 向您签发的客户端 ID 和密钥（“供应链”页面，或 PATCH /api/pact/connections/{id}）`,
  }),
  'pact.footprint-invalid': define<{ url: string; problems: string }>({
    en: (p) => `${p.url}: the footprint is not valid: ${p.problems}`,
    zh: (p) => `${p.url}：该碳足迹无效：${p.problems}`,
  }),
  'pact.invalid-footprint': define<{ url: string; problems: string }>({
    en: (p) => `${p.url}: the partner's footprint does not conform to the PACT Tech Spec:\n  ${p.problems}`,
    zh: (p) => `${p.url}：合作方的碳足迹不符合 PACT 技术规范：\n  ${p.problems}`,
  }),
  'pact.entry-unit': define<{ entry: string; entryUnit: string; amount: number; unit: string }>({
    en: (p) =>
      `entry "${p.entry}" is in ${p.entryUnit}; the footprint is per ${p.amount} ${p.unit}, which does not convert`,
    zh: (p) => `条目“${p.entry}”的单位是 ${p.entryUnit}；该碳足迹按每 ${p.amount} ${p.unit} 计，二者无法换算`,
  }),
  'pact.footprint-unusable': define<{ footprint: string; kgCo2e: number; amount: number; unit: string }>({
    en: (p) => `footprint ${p.footprint} has no usable figure (${p.kgCo2e} kg CO2e per ${p.amount} ${p.unit})`,
    zh: (p) => `碳足迹 ${p.footprint} 没有可用的数值（每 ${p.amount} ${p.unit} ${p.kgCo2e} kg CO2e）`,
  }),
  'pact.no-entry': define<{ study: string; entry: string }>({
    en: (p) => `study ${p.study} has no entry ${p.entry}`,
    zh: (p) => `研究 ${p.study} 中没有条目 ${p.entry}`,
  }),
  'pact.direct-entry': define<{ entry: string; kind: string }>({
    en: (p) => `entry "${p.entry}" is a direct ${p.kind}; a supplier footprint costs a purchased input`,
    zh: (p) => `条目“${p.entry}”是${DIRECT_KIND_ZH[p.kind] ?? p.kind}；供应商碳足迹只能用于核算外购的投入`,
  }),
};
