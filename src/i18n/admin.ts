import { define } from './define.ts';

/**
 * What administration refuses (src/admin): an organisation or a user that does not fit the
 * membership rules, a name or e-mail address taken, an account that does not exist. A refusal
 * names the field of the request it is about (`admin.refused`).
 */

export const ADMIN_TEXTS = {
  'admin.refused': define<{ field: string; reason: string }>({
    en: (p) => `${p.field}: ${p.reason}`,
    zh: (p) => `${p.field}：${p.reason}`,
  }),
  'admin.role.enterprise': define({ en: () => 'a practitioner', zh: () => '企业用户' }),
  'admin.role.steward': define({ en: () => 'a steward', zh: () => '数据库管理员' }),
  'admin.role.verifier': define({ en: () => 'a verifier', zh: () => '核查员' }),
  'admin.role.admin': define({ en: () => 'an administrator', zh: () => '系统管理员' }),
  'admin.role.public': define({ en: () => 'a public reader', zh: () => '公众用户' }),
  'admin.kind.enterprise': define({ en: () => 'an enterprise', zh: () => '企业' }),
  'admin.kind.verification-body': define({ en: () => 'a verification body', zh: () => '核查机构' }),
  'admin.kind.association': define({ en: () => 'an industry association', zh: () => '行业协会' }),
  'admin.kind.institute': define({ en: () => 'an institute', zh: () => '研究机构' }),
  'admin.kind.none': define({ en: () => 'no organisation', zh: () => '不属于任何组织' }),
  /** a list of the kinds a role may belong to: the first, or the rest */
  'admin.either': define<{ first: string; rest: string }>({
    en: (p) => `${p.first} or ${p.rest}`,
    zh: (p) => `${p.first}或${p.rest}`,
  }),
  'admin.membership': define<{ role: string; where: string; is: string }>({
    en: (p) => `${p.role} belongs to ${p.where}; ${p.is}`,
    zh: (p) => `${p.role}的所属组织只能是${p.where}；${p.is}`,
  }),
  'admin.organisation-is': define<{ name: string; kind: string }>({
    en: (p) => `"${p.name}" is ${p.kind}`,
    zh: (p) => `「${p.name}」是${p.kind}`,
  }),
  'admin.organisation-missing': define({ en: () => 'no organisation was given', zh: () => '未指定所属组织' }),
  'admin.no-such-organisation': define<{ id: string }>({
    en: (p) => `no organisation ${p.id}`,
    zh: (p) => `不存在组织 ${p.id}`,
  }),
  'admin.organisation-name-required': define({
    en: () => 'an organisation needs a name',
    zh: () => '组织必须有名称',
  }),
  'admin.organisation-name-taken': define<{ name: string }>({
    en: (p) => `an organisation "${p.name}" exists already`,
    zh: (p) => `组织「${p.name}」已存在`,
  }),
  'admin.kind-misfit': define<{ name: string; email: string; role: string; kind: string }>({
    en: (p) =>
      `${p.name} (${p.email}) is ${p.role}, which ${p.kind} cannot have; change their role or organisation first`,
    zh: (p) => `${p.name}（${p.email}）是${p.role}，${p.kind}不能有此角色；请先更改其角色或所属组织`,
  }),
  'admin.email-taken': define<{ email: string }>({
    en: (p) => `${p.email} already has an account`,
    zh: (p) => `${p.email} 已有账号`,
  }),
  'admin.own-admin-role': define({
    en: () => 'you cannot take away your own administrator role; ask another administrator',
    zh: () => '不能取消自己的系统管理员角色；请由其他管理员操作',
  }),
  'admin.user-name-required': define({ en: () => 'a user needs a name', zh: () => '用户必须有姓名' }),
  'admin.organisation-not-found': define<{ id: string }>({
    en: (p) => `organisation ${p.id} does not exist`,
    zh: (p) => `组织 ${p.id} 不存在`,
  }),
  'admin.user-not-found': define<{ id: string }>({
    en: (p) => `user ${p.id} does not exist`,
    zh: (p) => `用户 ${p.id} 不存在`,
  }),
};
