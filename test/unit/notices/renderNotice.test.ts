import { describe, expect, it } from 'vitest';
import { type NoticeData, renderNotice } from '../../../shared/notices/renderNotice';
import { defaultRulebook } from '../../../shared/rulebook';

const base: NoticeData = {
  caseId: 42,
  subject: { id: 'M-1', name: '杭州悦享数码专营店' },
  decision: 'apply',
  rule: { id: 'fake-transaction', name: { zh: '虚假交易', en: 'Fake transactions' }, version: '2016-08-02' },
  facts: { transactions: 120, items: ['item-9'] },
  ledger: 'general',
  points: 12,
  outcome: 'points',
  measures: [
    {
      id: 'shop-shielded',
      label: { zh: '屏蔽店铺', en: 'Shop shielded' },
      from: '2024-01-01T02:00:00Z',
      until: '2024-01-08T02:00:00Z',
      permanent: false,
    },
    {
      id: 'account-sealed',
      label: { zh: '查封账户', en: 'Account sealed' },
      from: '2024-01-01T02:00:00Z',
      until: null,
      permanent: true,
    },
    {
      id: 'public-warning',
      label: { zh: '公示警告', en: 'Public warning' },
      from: '2024-01-01T02:00:00Z',
      until: null,
    },
  ],
  demotions: [{ item: 'item-9', from: '2024-01-01', until: '2024-01-30', days: 30 }],
  reason: '证据确凿',
  automatedDetection: true,
  automatedDecision: false,
  decidedAt: '2024-01-01T02:00:00Z',
  appealUntil: '2024-01-04T02:00:00Z',
};

describe('the statement of reasons', () => {
  it('names the rule and version, the facts, points, measures with their periods, automation and the appeal route', () => {
    const { zh, en } = renderNotice(base, defaultRulebook);
    expect(zh).toContain('《虚假交易》规则（2016-08-02 起施行版本）');
    expect(zh).toContain('认定依据的事实：虚假交易笔数：120；涉及商品 ID：item-9。');
    expect(en).toContain('Facts relied on: Fake transactions: 120; Item ids involved: item-9.');
    expect(zh).toContain('一般违规 12 分');
    expect(zh).toContain('屏蔽店铺，自 2024-01-01 10:00 (UTC+8) 起至 2024-01-08 10:00 (UTC+8) 止');
    expect(zh).toContain('商品 item-9 搜索降权 30 天（2024-01-01 至 2024-01-30）');
    expect(zh).toContain('违规发现方式：系统自动检测；处理决定：由审核人员作出');
    expect(zh).toContain('请于 2024-01-04 10:00 (UTC+8) 前');
    expect(en).toContain('Points: 12 on the general violations ledger.');
    expect(en).toContain('Detection: automated; decision: made by a reviewer.');
  });

  it('calls only what is really permanent permanent', () => {
    const { zh, en } = renderNotice(base, defaultRulebook);
    expect(zh).toContain('查封账户，自 2024-01-01 10:00 (UTC+8) 起，永久有效');
    expect(zh).toContain('公示警告，自 2024-01-01 10:00 (UTC+8) 起执行');
    expect(zh).not.toContain('公示警告，自 2024-01-01 10:00 (UTC+8) 起，永久有效');
    expect(en).toContain('Account sealed, from 2024-01-01 10:00 (UTC+8), permanently.');
    expect(en).toContain('Public warning, from 2024-01-01 10:00 (UTC+8).');
  });

  it('says a waiver has nothing to appeal', () => {
    const { zh, en } = renderNotice(
      {
        ...base,
        decision: 'waive',
        points: 0,
        measures: [],
        demotions: [],
        appealUntil: null,
      },
      defaultRulebook,
    );
    expect(zh).toContain('本次免于处罚');
    expect(zh).toContain('本通知无需申诉');
    expect(en).toContain('There is nothing to appeal');
  });

  it('names facts as the subject reads them: enum values, yes and no, and the rule’s own name for a fact', () => {
    const { zh, en } = renderNotice(
      {
        ...base,
        rule: { id: 'counterfeit', name: { zh: '出售假冒商品', en: 'Selling counterfeits' }, version: '1970-01-01' },
        facts: { kind: 'listing', items: 3, serious: false },
      },
      defaultRulebook,
    );
    expect(zh).toContain('认定依据的事实：售假情形：发布信息；假冒商品件数：3；情节严重：否。');
    expect(en).toContain(
      'Facts relied on: Kind of counterfeiting: Listing; Counterfeit items listed: 3; Serious circumstances: no.',
    );
    // A version the seeds give no start date is not dated 1970 in front of the subject.
    expect(zh).toContain('《出售假冒商品》规则（初始版本）');
    expect(en).toContain('"Selling counterfeits" (its original version)');
    expect(zh).not.toContain('1970');
  });
});
