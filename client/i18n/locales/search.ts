/** Free-text search: the app bar's box and the palette's results (zh-CN first, en typed from it). */
export const searchZh = {
  box: '搜索案件、会员、证据…',
  group: '全文搜索',
  hint: '输入中文或英文即可搜索，如“团伙”“刷单”',
  types: { case: '案件', report: '举报', evidence: '证据', subject: '会员', decision: '决定', note: '备注' },
  onCase: '案件 {{id}}',
  subject: '会员 {{id}}',
  failed: '搜索失败：{{message}}',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const searchEn: Shape<typeof searchZh> = {
  box: 'Search cases, subjects, evidence…',
  group: 'Full-text search',
  hint: 'Search in Chinese or English, e.g. “团伙” or “fake reviews”',
  types: {
    case: 'Case',
    report: 'Report',
    evidence: 'Evidence',
    subject: 'Subject',
    decision: 'Decision',
    note: 'Note',
  },
  onCase: 'Case {{id}}',
  subject: 'Subject {{id}}',
  failed: 'Search failed: {{message}}',
};
