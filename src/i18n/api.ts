import { define } from './define.ts';

/**
 * What the API itself answers when a request cannot be served (src/server): sign-in, the body,
 * roles, what is not there, the server's own failures. A domain's refusals are in that domain's
 * table. A refusal names the action (`action.*`) or the thing (`thing.*`) as a nested message.
 */
export const API_TEXTS = {
  'api.unauthorized': define({
    en: () => 'sign in first: your session is missing or has expired',
    zh: () => '请先登录：会话不存在或已过期',
  }),
  'api.invalid-json': define({
    en: () => 'the request body is not valid JSON: check its quotes, commas and brackets',
    zh: () => '请求体不是有效的 JSON：请检查引号、逗号和括号',
  }),
  'api.internal': define<{ id: string }>({
    en: (p) => `the server failed (error ${p.id}); the administrator finds the details in the server log under that id`,
    zh: (p) => `服务器出错（错误编号 ${p.id}）；管理员可凭此编号在服务器日志中查到详情`,
  }),
  'api.forbidden': define<{ action: string }>({
    en: (p) => `your role may not ${p.action}`,
    zh: (p) => `您的角色无权${p.action}`,
  }),
  'api.not-found': define<{ thing: string }>({
    en: (p) => `${p.thing} does not exist or is not visible to you`,
    // a space parts Chinese from a Latin id before it, not from a Chinese word
    zh: (p) => `${p.thing}${/[\x21-\x7e]$/.test(String(p.thing)) ? ' ' : ''}不存在，或您无权查看`,
  }),
  'api.no-route': define<{ method: string; path: string }>({
    en: (p) => `no route ${p.method} ${p.path}`,
    zh: (p) => `没有此接口：${p.method} ${p.path}`,
  }),
  'api.bad-credentials': define({
    en: () => 'the email or the password is wrong',
    zh: () => '邮箱或密码错误',
  }),
  'api.too-many-attempts': define<{ email: string; minutes: number }>({
    en: (p) => `too many wrong passwords for ${p.email} from your address: try again in ${p.minutes} min`,
    zh: (p) => `从您的地址登录 ${p.email} 时输错密码次数过多：请 ${p.minutes} 分钟后再试`,
  }),
  'api.csrf': define<{ header: string }>({
    en: (p) => `this request needs the ${p.header} header of your session: reload the page, or sign in again`,
    zh: (p) => `此请求须带有本会话的 ${p.header} 请求头：请刷新页面或重新登录`,
  }),
  'api.cross-origin': define<{ origin: string; host: string }>({
    en: (p) => `requests from ${p.origin} are not accepted: use the app on ${p.host}`,
    zh: (p) => `不接受来自 ${p.origin} 的请求：请在 ${p.host} 上使用本应用`,
  }),
  'api.too-large': define<{ limit: string; method: string; path: string }>({
    en: (p) => `the request body is larger than the ${p.limit} that ${p.method} ${p.path} accepts`,
    zh: (p) => `请求体超过了 ${p.method} ${p.path} 可接受的 ${p.limit}`,
  }),
  'api.unsupported-media-type': define<{ method: string; path: string; sent: string }>({
    en: (p) =>
      `${p.method} ${p.path} does not take ${p.sent}: see /docs for the types it takes (JSON bodies: application/json)`,
    zh: (p) => `${p.method} ${p.path} 不接受${p.sent}：可接受的类型见 /docs（JSON 请求体：application/json）`,
  }),
  'api.body-of-type': define<{ type: string }>({
    en: (p) => `a body of type "${p.type}"`,
    zh: (p) => `类型为“${p.type}”的请求体`,
  }),
  'api.body-without-type': define({
    en: () => 'a body without a Content-Type header',
    zh: () => '没有 Content-Type 请求头的请求体',
  }),
  'api.field-problem': define<{ field: string; problem: string }>({
    en: (p) => `${p.field}: ${p.problem}`,
    zh: (p) => `${p.field}：${p.problem}`,
  }),
  'api.problems': define<{ first: string; rest: string }>({
    en: (p) => `${p.first}; ${p.rest}`,
    zh: (p) => `${p.first}；${p.rest}`,
  }),
  'api.more-problems': define<{ count: number }>({
    en: (p) => `${p.count} more: the error's details list every one`,
    zh: (p) => `另有 ${p.count} 处问题：错误的 details 逐一列出`,
  }),
  'api.body': define({
    en: () => 'body',
    zh: () => '请求体',
  }),
  // zod words each issue in both languages (its locales), so a field's issue travels as both texts
  'api.field-issue': define<{ field: string; issueEn: string; issueZh: string }>({
    en: (p) => `${p.field}: ${p.issueEn}`,
    zh: (p) => `${p.field}：${p.issueZh}`,
  }),
  'api.number-out-of-range': define({
    en: () => 'the number is out of range (JSON numbers must lie within ±1.8e308; amounts have tighter bounds)',
    zh: () => '数值超出范围（JSON 数值须在 ±1.8e308 之内；数量的界限更严）',
  }),
  'api.text-too-long': define<{ length: number; max: number }>({
    en: (p) => `the text is ${p.length} characters long, more than the ${p.max} accepted`,
    zh: (p) => `文本长 ${p.length} 个字符，超过可接受的 ${p.max} 个`,
  }),
  'api.nested-too-deep': define<{ max: number }>({
    en: (p) => `nested more than ${p.max} levels deep`,
    zh: (p) => `嵌套超过 ${p.max} 层`,
  }),
  'api.file-name-too-long': define<{ max: number; length: number }>({
    en: (p) => `a file name has at most ${p.max} characters (this one has ${p.length})`,
    zh: (p) => `文件名最多 ${p.max} 个字符（此文件名有 ${p.length} 个）`,
  }),
  'api.empty-upload': define<{ what: string }>({
    en: (p) => `send ${p.what} as the request body (it was empty)`,
    zh: (p) => `请发送${p.what}（收到的请求体为空）`,
  }),
  'upload.file': define({ en: () => 'the file', zh: () => '文件' }),
  'upload.database-zip': define({ en: () => 'the database zip', zh: () => '数据库 zip 文件' }),
  'upload.xlsx': define({ en: () => 'the .xlsx file', zh: () => '.xlsx 文件' }),
  'api.not-a-verifier': define<{ email: string }>({
    en: (p) => `${p.email} is not a verifier's account`,
    zh: (p) => `${p.email} 不是核查员账号`,
  }),
  'api.no-lci-release': define({
    en: () => 'the store holds no LCI release yet: run `npm start` or `tanji db init`',
    zh: () => '数据库中还没有 LCI 数据库版本：请运行 `npm start` 或 `tanji db init`',
  }),
  'api.no-factor-release': define({
    en: () => 'the store holds no factor release yet: run `npm start` or `tanji db init`',
    zh: () => '数据库中还没有排放因子库版本：请运行 `npm start` 或 `tanji db init`',
  }),
  'api.no-quality-screen': define<{ release: string }>({
    en: (p) => `release ${p.release} has no quality screen (no LCI database, or saved before the screen existed)`,
    zh: (p) => `版本 ${p.release} 没有质量筛查报告（不含 LCI 数据库，或保存时尚无质量筛查）`,
  }),
  'api.factors-only': define<{ release: string }>({
    en: (p) => `release ${p.release} holds factors only: download them as CSV`,
    zh: (p) => `版本 ${p.release} 只含排放因子：请以 CSV 格式下载`,
  }),
  'api.release-lacks': define<{ release: string; format: string }>({
    en: (p) => `release ${p.release} holds no ${p.format}`,
    zh: (p) => `版本 ${p.release} 不含 ${p.format}`,
  }),
  'api.not-calculated': define({
    en: () => 'this study has not been calculated yet: POST /api/studies/{id}/calculate',
    zh: () => '该研究尚未计算：请调用 POST /api/studies/{id}/calculate',
  }),

  'thing.study': define<{ id: string }>({ en: (p) => `study ${p.id}`, zh: (p) => `研究 ${p.id}` }),
  'thing.job': define<{ id: string }>({ en: (p) => `job ${p.id}`, zh: (p) => `任务 ${p.id}` }),
  'thing.report': define<{ key: string; id: string }>({
    en: (p) => `report ${p.key} of study ${p.id}`,
    zh: (p) => `研究 ${p.id} 的报告 ${p.key}`,
  }),
  'thing.label': define<{ id: string }>({ en: (p) => `label ${p.id}`, zh: (p) => `标识 ${p.id}` }),
  'thing.release': define<{ release: string }>({
    en: (p) => `release ${p.release}`,
    zh: (p) => `版本 ${p.release}`,
  }),
  'thing.connection': define<{ id: string }>({ en: (p) => `connection ${p.id}`, zh: (p) => `连接 ${p.id}` }),
  'thing.received-footprint': define<{ id: string }>({
    en: (p) => `received footprint ${p.id}`,
    zh: (p) => `收到的碳足迹 ${p.id}`,
  }),
  'thing.pact-host': define({
    en: () => 'a PACT host (this process serves none)',
    zh: () => '本进程的 PACT 服务',
  }),

  'action.add-benchmarks': define({ en: () => 'add benchmarks', zh: () => '添加基准产品' }),
  'action.administer-companies': define({ en: () => 'administer companies and users', zh: () => '管理企业和用户' }),
  'action.administer-organisations': define({
    en: () => 'administer organisations and users',
    zh: () => '管理组织和用户',
  }),
  'action.assign-reviewers': define({ en: () => 'assign reviewers', zh: () => '指派审核人' }),
  'action.build-aggregates': define({ en: () => 'build aggregates', zh: () => '建立行业平均' }),
  'action.change-cobuild-settings': define({
    en: () => 'change the co-construction settings',
    zh: () => '修改共建设置',
  }),
  'action.check-label-studies': define({
    en: () => 'check studies for a label (verifiers only)',
    zh: () => '为碳标识核查研究（仅限核查员）',
  }),
  'action.comment-submissions': define({ en: () => 'comment on submissions', zh: () => '评论提交的数据集' }),
  'action.create-studies': define({
    en: () => 'create studies (practitioners only)',
    zh: () => '新建研究（仅限企业用户）',
  }),
  'action.decline-verification': define({
    en: () => 'decline verification requests',
    zh: () => '拒绝核查请求',
  }),
  'action.import-databases': define({ en: () => 'import databases', zh: () => '导入数据库' }),
  'action.list-verifiers': define({ en: () => 'list verifiers', zh: () => '查看核查员列表' }),
  'action.publish-category-benchmarks': define({
    en: () => 'publish category benchmarks (stewards only)',
    zh: () => '发布产品类别基准（仅限数据库管理员）',
  }),
  'action.publish-releases': define({ en: () => 'publish releases', zh: () => '发布新版本' }),
  'action.read-verification-queue': define({
    en: () => 'read a verification queue (verifiers only)',
    zh: () => '查看核查任务（仅限核查员）',
  }),
  'action.read-aggregates': define({ en: () => 'read aggregates', zh: () => '查看行业平均' }),
  'action.read-benchmarks': define({ en: () => 'read benchmarks', zh: () => '查看基准产品' }),
  'action.read-jobs': define({ en: () => 'read jobs', zh: () => '查看任务' }),
  'action.read-notifications': define({ en: () => 'read notifications', zh: () => '查看通知' }),
  'action.read-studies': define({ en: () => 'read studies', zh: () => '查看研究' }),
  'action.read-submissions': define({ en: () => 'read submissions', zh: () => '查看提交的数据集' }),
  'action.read-settings': define({ en: () => 'read the settings', zh: () => '查看设置' }),
  'action.read-account': define({ en: () => 'read your account', zh: () => '查看账号信息' }),
  'action.request-verification': define({
    en: () => 'request verification (practitioners only)',
    zh: () => '申请核查（仅限企业用户）',
  }),
  'action.review-submissions': define({ en: () => 'review submissions', zh: () => '审核提交的数据集' }),
  'action.revise-submissions': define({ en: () => 'revise submissions', zh: () => '修改提交的数据集' }),
  'action.revoke-labels': define({ en: () => 'revoke labels (verifiers only)', zh: () => '撤销碳标识（仅限核查员）' }),
  'action.sign-labels': define({ en: () => 'sign labels (verifiers only)', zh: () => '签署碳标识（仅限核查员）' }),
  'action.sign-out': define({ en: () => 'sign out', zh: () => '退出登录' }),
  'action.submit-datasets': define({
    en: () => 'submit datasets (organisations submit)',
    zh: () => '提交数据集（由参与单位提交）',
  }),
  'action.verify-results': define({
    en: () => 'verify results (verifiers only)',
    zh: () => '核查结果（仅限核查员）',
  }),
  'action.read-portfolio': define({
    en: () => 'read a company portfolio (practitioners of the company)',
    zh: () => '查看企业的产品组合（仅限本企业用户）',
  }),
  'action.read-published-footprints': define({
    en: () => "read the company's published footprints",
    zh: () => '查看本企业已发布的碳足迹',
  }),
  'action.see-pact-host': define({ en: () => 'see the PACT host', zh: () => '查看 PACT 服务' }),
  'action.manage-pact-partners': define({ en: () => 'manage PACT partners', zh: () => '管理 PACT 合作方' }),
  'action.pull-supplier-footprints': define({
    en: () => "pull suppliers' footprints",
    zh: () => '拉取供应商的碳足迹',
  }),
  'action.read-supplier-footprints': define({
    en: () => "read suppliers' footprints",
    zh: () => '查看供应商的碳足迹',
  }),
  'action.read-pact-events': define({ en: () => 'read PACT events', zh: () => '查看 PACT 事件' }),
};

/** An action a role check names: the words of `api.forbidden`. */
export type ApiAction = Extract<keyof typeof API_TEXTS, `action.${string}`>;
/** A kind of thing that may be missing: the words of `api.not-found`. */
export type ApiThing = Extract<keyof typeof API_TEXTS, `thing.${string}`>;
/** What an upload route takes as its body, named when the body is empty. */
export type UploadWhat = Extract<keyof typeof API_TEXTS, `upload.${string}`>;
