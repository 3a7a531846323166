import { define } from './define.ts';

/**
 * What co-construction refuses (src/cobuild): a step the review does not allow, data that is
 * missing or not the reader's to see, a release or an aggregate that cannot be made as asked.
 * The review's states, steps and parties are words of their own (`review.*`), quoted inside the
 * refusals as nested messages; the English words are the API's identifiers, as clients read them.
 */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const COBUILD_ERROR_TEXTS = {
  'review.state.submitted': define({ en: () => 'submitted', zh: () => '已提交' }),
  'review.state.under-review': define({ en: () => 'under-review', zh: () => '审核中' }),
  'review.state.changes-requested': define({ en: () => 'changes-requested', zh: () => '需修改' }),
  'review.state.approved': define({ en: () => 'approved', zh: () => '已通过' }),
  'review.state.rejected': define({ en: () => 'rejected', zh: () => '已拒绝' }),
  'review.step.assign': define({ en: () => 'assign', zh: () => '指派审核人' }),
  'review.step.start-review': define({ en: () => 'start-review', zh: () => '开始审核' }),
  'review.step.edit': define({ en: () => 'edit', zh: () => '更正' }),
  'review.step.request-changes': define({ en: () => 'request-changes', zh: () => '要求修改' }),
  'review.step.approve': define({ en: () => 'approve', zh: () => '通过' }),
  'review.step.reject': define({ en: () => 'reject', zh: () => '拒绝' }),
  'review.step.revise': define({ en: () => 'revise', zh: () => '修订' }),
  'review.party.contributor': define({ en: () => 'contributor', zh: () => '提交方' }),
  'review.party.steward': define({ en: () => 'steward', zh: () => '数据库管理员' }),
  'review.party.reviewer': define({ en: () => 'reviewer', zh: () => '指定的审核人' }),
  'review.dataset-type.factor': define({ en: () => 'factor', zh: () => '因子' }),
  'review.dataset-type.process': define({ en: () => 'process', zh: () => '过程' }),

  // lists inside a refusal: each joins its first item to the rest, itself a list or the last item
  'cobuild.list.comma': define<{ first: string; rest: string }>({
    en: (p) => `${p.first}, ${p.rest}`,
    zh: (p) => `${p.first}、${p.rest}`,
  }),
  'cobuild.list.or': define<{ first: string; rest: string }>({
    en: (p) => `${p.first} or ${p.rest}`,
    zh: (p) => `${p.first}或${p.rest}`,
  }),
  'cobuild.list.semicolon': define<{ first: string; rest: string }>({
    en: (p) => `${p.first}; ${p.rest}`,
    zh: (p) => `${p.first}；${p.rest}`,
  }),

  'cobuild.illegal-step': define<{ step: string; state: string; allowed: string }>({
    en: (p) => `"${p.step}" is not possible while the submission is ${p.state}; possible now: ${p.allowed}`,
    zh: (p) => `提交处于「${p.state}」状态，不能执行「${p.step}」；当前可执行：${p.allowed}`,
  }),
  'cobuild.illegal-step-final': define<{ step: string; state: string }>({
    en: (p) => `"${p.step}" is not possible while the submission is ${p.state}; it is final`,
    zh: (p) => `提交已处于最终状态「${p.state}」，不能再执行「${p.step}」`,
  }),
  'cobuild.not-your-step': define<{ step: string; by: string }>({
    en: (p) => `"${p.step}" is for ${p.by}`,
    zh: (p) => `「${p.step}」只能由${p.by}执行`,
  }),
  'cobuild.comment-required.reject': define<{ step: string }>({
    en: (p) => `"${p.step}" needs a comment: say why the dataset is rejected`,
    zh: (p) => `「${p.step}」须填写意见：请说明拒绝该数据集的理由`,
  }),
  'cobuild.comment-required.changes': define<{ step: string }>({
    en: (p) => `"${p.step}" needs a comment: say what has to change`,
    zh: (p) => `「${p.step}」须填写意见：请说明需要修改的内容`,
  }),
  'cobuild.comment-required.flags': define<{ step: string; flags: number }>({
    en: (p) =>
      `"${p.step}" needs a comment: the checks flagged ${plural(p.flags, 'value')}; say why ${p.flags === 1 ? 'it is' : 'they are'} accepted`,
    zh: (p) => `「${p.step}」须填写意见：校验标记了 ${p.flags} 个数值，请说明接受的理由`,
  }),

  'cobuild.not-found': define<{ what: string }>({
    en: (p) => `${p.what} does not exist or is not visible to you`,
    zh: (p) => `${p.what} 不存在，或您无权查看`,
  }),
  'cobuild.thing.submission': define<{ id: string }>({
    en: (p) => `submission ${p.id}`,
    zh: (p) => `数据提交 ${p.id}`,
  }),
  'cobuild.thing.submission-version': define<{ id: string; version: number }>({
    en: (p) => `version ${p.version} of submission ${p.id}`,
    zh: (p) => `数据提交 ${p.id} 的第 ${p.version} 版`,
  }),
  'cobuild.thing.aggregate': define<{ id: string }>({
    en: (p) => `aggregate ${p.id}`,
    zh: (p) => `行业平均数据集 ${p.id}`,
  }),
  'cobuild.thing.release': define<{ release: string }>({
    en: (p) => `release ${p.release}`,
    zh: (p) => `版本 ${p.release}`,
  }),
  'cobuild.thing.base-release': define<{ release: string }>({
    en: (p) => `base release ${p.release}`,
    zh: (p) => `基础版本 ${p.release}`,
  }),
  'cobuild.thing.study': define<{ id: string }>({
    en: (p) => `study ${p.id}`,
    zh: (p) => `研究 ${p.id}`,
  }),

  'cobuild.forbidden': define<{ what: string }>({
    en: (p) => `your role may not ${p.what}`,
    zh: (p) => `您的角色无权${p.what}`,
  }),
  'cobuild.deed.build-aggregates': define({ en: () => 'build aggregates', zh: () => '生成行业平均数据集' }),
  'cobuild.deed.read-unpublished-aggregates': define({
    en: () => 'read aggregates before they are published',
    zh: () => '在发布前查看行业平均数据集',
  }),
  'cobuild.deed.read-approved': define({ en: () => 'read approved submissions', zh: () => '查看已通过的数据提交' }),
  'cobuild.deed.read-benchmarks': define({ en: () => 'read benchmarks', zh: () => '查看基准产品' }),
  'cobuild.deed.add-benchmarks': define({ en: () => 'add benchmarks', zh: () => '添加基准产品' }),
  'cobuild.deed.publish-releases': define({ en: () => 'publish releases', zh: () => '发布数据库版本' }),
  'cobuild.deed.submit': define({
    en: () => 'submit datasets (organisations submit; stewards review)',
    zh: () => '提交数据集（由各单位提交，数据库管理员审核）',
  }),
  'cobuild.deed.change-sharing': define({
    en: () => "change how a dataset is shared: that is its contributor's decision",
    zh: () => '更改数据集的共享方式：这由其提交方决定',
  }),
  'cobuild.deed.read-submissions': define({ en: () => 'read submissions', zh: () => '查看数据提交' }),

  'cobuild.datasets-refused': define<{ count: number; problems: string }>({
    en: (p) => `${plural(p.count, 'dataset')} refused:${p.problems}`,
    zh: (p) => `${p.count} 个数据集被拒收：${p.problems}`,
  }),
  /** one line of a refusal, then the lines after it (`next`) */
  'cobuild.dataset-problem': define<{ index: number; dataset: string; field: string; problem: string; next: string }>({
    en: (p) => `\n  dataset ${p.index} (${p.dataset}): ${p.field}: ${p.problem}${p.next}`,
    zh: (p) => `\n  数据集 ${p.index}（${p.dataset}）：${p.field}：${p.problem}${p.next}`,
  }),
  'cobuild.more-problems': define<{ count: number }>({
    en: (p) => `\n  … and ${p.count} more`,
    zh: (p) => `\n  ……另有 ${p.count} 条`,
  }),
  'cobuild.stale-submission': define<{ base: number; latest: number }>({
    en: (p) =>
      `the submission changed since you opened it (you read version ${p.base}, the latest is ${p.latest}); reload it and apply your change again`,
    zh: (p) =>
      `您打开之后该数据提交已有改动（您读取的是第 ${p.base} 版，最新为第 ${p.latest} 版）；请重新加载后再做修改`,
  }),
  'cobuild.submission-in-state': define<{ name: string; id: string; state: string }>({
    en: (p) => `${p.name} (${p.id}) is ${p.state}`,
    zh: (p) => `${p.name}（${p.id}）处于「${p.state}」状态`,
  }),
  'cobuild.average-unapproved': define<{ submissions: string }>({
    en: (p) => `only approved datasets are averaged: ${p.submissions}`,
    zh: (p) => `只有已通过审核的数据集才能参与平均：${p.submissions}`,
  }),
  'cobuild.release-in-use': define<{ release: string }>({
    en: (p) => `the study already uses release ${p.release}`,
    zh: (p) => `该研究已在使用版本 ${p.release}`,
  }),
  'cobuild.release-exists': define<{ release: string }>({
    en: (p) => `release ${p.release} exists already; releases are immutable, choose a new number`,
    zh: (p) => `版本 ${p.release} 已存在；已发布的版本不可更改，请另选版本号`,
  }),
  'cobuild.release-empty': define({
    en: () => 'choose the approved datasets and aggregates to publish',
    zh: () => '请选择要发布的已通过数据集和行业平均数据集',
  }),
  'cobuild.release-unapproved': define<{ name: string; id: string; state: string }>({
    en: (p) => `${p.name} (${p.id}) is ${p.state}: only approved datasets are published`,
    zh: (p) => `${p.name}（${p.id}）处于「${p.state}」状态：只有已通过审核的数据集才能发布`,
  }),
  'cobuild.release-confidential': define<{ name: string; id: string; min: number }>({
    en: (p) =>
      `${p.name} (${p.id}) is confidential primary data: it is published only inside an aggregate of at least ${p.min} organisations`,
    zh: (p) => `${p.name}（${p.id}）是保密的原始数据：只能纳入至少 ${p.min} 家单位的行业平均数据集后发布`,
  }),
  'cobuild.release-few-contributors': define<{ name: string; contributors: number; min: number }>({
    en: (p) =>
      `aggregate "${p.name}" has ${plural(p.contributors, 'contributing organisation')}; at least ${p.min} are needed to publish it`,
    zh: (p) => `行业平均数据集「${p.name}」只有 ${p.contributors} 家贡献单位；至少需要 ${p.min} 家才能发布`,
  }),
  'cobuild.release-duplicate': define<{ ref: string; other: string; key: string }>({
    en: (p) => `${p.ref} and ${p.other} both publish ${p.key}: a release holds one dataset per id`,
    zh: (p) => `${p.ref} 与 ${p.other} 都发布了 ${p.key}：一个版本中每个标识只能对应一个数据集`,
  }),
  'cobuild.not-a-reviewer': define<{ email: string }>({
    en: (p) => `${p.email} is not a steward's or a verifier's account: only they review`,
    zh: (p) => `${p.email} 不是数据库管理员或核查员的账号：只有他们可以审核`,
  }),
  'cobuild.no-version': define<{ id: string; version: number }>({
    en: (p) => `submission ${p.id} has no version ${p.version}`,
    zh: (p) => `数据提交 ${p.id} 没有第 ${p.version} 版`,
  }),
  'cobuild.no-field': define<{ version: number; field: string }>({
    en: (p) => `version ${p.version} has no field "${p.field}"`,
    zh: (p) => `第 ${p.version} 版没有字段「${p.field}」`,
  }),
  'cobuild.comment-empty': define({ en: () => 'a comment needs text', zh: () => '评论内容不能为空' }),

  'cobuild.not-averageable': define<{ issues: string }>({
    en: (p) => `the datasets cannot be averaged: ${p.issues}`,
    zh: (p) => `这些数据集无法平均：${p.issues}`,
  }),
  'aggregate.none-chosen': define({
    en: () => 'choose at least one approved dataset',
    zh: () => '请至少选择一个已通过审核的数据集',
  }),
  'aggregate.other-product': define<{ id: string; name: string; product: string; expected: string }>({
    en: (p) => `${p.id} (${p.name}) is of another product (${p.product}, not ${p.expected})`,
    zh: (p) => `${p.id}（${p.name}）属于另一种产品（${p.product}，而非 ${p.expected}）`,
  }),
  'aggregate.other-unit': define<{ id: string; name: string; perUnit: string; expected: string }>({
    en: (p) => `${p.id} (${p.name}) is per ${p.perUnit}, not per ${p.expected}`,
    zh: (p) => `${p.id}（${p.name}）以每 ${p.perUnit} 计，而非每 ${p.expected}`,
  }),
  'aggregate.other-gases': define<{ id: string; name: string; gases: string; expected: string }>({
    en: (p) => `${p.id} (${p.name}) counts ${p.gases}, not ${p.expected}`,
    zh: (p) => `${p.id}（${p.name}）计的是 ${p.gases}，而非 ${p.expected}`,
  }),
  'aggregate.outside-region': define<{ id: string; name: string; region: string; target: string }>({
    en: (p) => `${p.id} (${p.name}) is for ${p.region}, which is not in ${p.target}`,
    zh: (p) => `${p.id}（${p.name}）的地区为 ${p.region}，不在 ${p.target} 范围内`,
  }),
  'aggregate.no-region': define({ en: () => 'no region', zh: () => '未注明地区' }),
  'aggregate.no-volume': define<{ id: string; name: string }>({
    en: (p) => `${p.id} (${p.name}) has no production volume to weigh it by`,
    zh: (p) => `${p.id}（${p.name}）没有可用于加权的产量`,
  }),
  'aggregate.volume-unit': define<{ id: string; unit: string; expected: string }>({
    en: (p) => `${p.id}: production volume in ${p.unit} cannot be added to ${p.expected}`,
    zh: (p) => `${p.id}：以 ${p.unit} 计的产量不能与以 ${p.expected} 计的产量相加`,
  }),
  'aggregate.market-unit': define<{ unit: string; expected: string }>({
    en: (p) => `market volume in ${p.unit} cannot be compared with ${p.expected}`,
    zh: (p) => `以 ${p.unit} 计的市场总量无法与以 ${p.expected} 计的产量比较`,
  }),

  'cobuild.missing-datasets': define<{ count: number; missing: string }>({
    en: (p) => `the new release lacks ${plural(p.count, 'dataset')} the study uses: ${p.missing}`,
    zh: (p) => `新版本缺少该研究使用的 ${p.count} 个数据集：${p.missing}`,
  }),
  'cobuild.missing-dataset': define<{ entry: string; type: string; id: string }>({
    en: (p) => `entry "${p.entry}": ${p.type} ${p.id}`,
    zh: (p) => `条目「${p.entry}」：${p.type} ${p.id}`,
  }),
};
