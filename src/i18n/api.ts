import { define } from './define.ts';

/**
 * What the API itself answers when a request cannot be served (src/server): sign-in, the body,
 * the server's own failures. A domain's refusals are in that domain's table.
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
};
