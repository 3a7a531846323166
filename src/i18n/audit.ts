import { define } from './define.ts';

/**
 * What an audit trail entry records, in the reader's language: the code is `audit.` and the
 * stored action (`study.saved`); an action this table does not know is shown as stored.
 */

export const AUDIT_TEXTS = {
  'audit.study.created': define({ en: () => 'Study created', zh: () => '创建研究' }),
  'audit.study.saved': define({ en: () => 'New version saved', zh: () => '保存新版本' }),
  'audit.study.inventory-imported': define({
    en: () => 'Inventory imported from Excel',
    zh: () => '从 Excel 导入清单',
  }),
  'audit.study.pact-applied': define({
    en: () => "Supplier's PACT footprint put into an entry",
    zh: () => '供应商 PACT 碳足迹用于条目',
  }),
  'audit.study.release-changed': define({
    en: () => 'Moved to another background release',
    zh: () => '迁移至新的背景数据版本',
  }),
  'audit.study.verifier-added': define({ en: () => 'Shared with a verifier', zh: () => '共享给核查员' }),
  'audit.study.verified': define({ en: () => 'Verified', zh: () => '核查通过' }),
  'audit.pact.published': define({ en: () => 'Published as a PACT footprint', zh: () => '发布为 PACT 碳足迹' }),
  'audit.pact.connection-created': define({ en: () => 'PACT partner connected', zh: () => '建立 PACT 合作方连接' }),
  'audit.pact.connection-partner-updated': define({
    en: () => "PACT partner's details updated",
    zh: () => '更新 PACT 合作方信息',
  }),
  'audit.pact.connection-revoked': define({ en: () => 'PACT partner revoked', zh: () => '撤销 PACT 合作方' }),
  'audit.label.requested': define({ en: () => 'Carbon label requested', zh: () => '申请碳标签' }),
  'audit.label.signed': define({ en: () => 'Carbon label signed', zh: () => '签发碳标签' }),
  'audit.label.revoked': define({ en: () => 'Carbon label revoked', zh: () => '撤销碳标签' }),
  'audit.release.published': define({ en: () => 'Data release published', zh: () => '发布数据版本' }),
  'audit.submission.created': define({ en: () => 'Data submitted for review', zh: () => '提交数据待审' }),
  'audit.submission.reviewer-assigned': define({ en: () => 'Reviewer assigned', zh: () => '指派审核人' }),
  'audit.submission.commented': define({ en: () => 'Review comment added', zh: () => '添加审核意见' }),
  'audit.aggregate.built': define({ en: () => 'Industry average built', zh: () => '生成行业平均数据' }),
};
