/**
 * Xianyu (閑魚) point rules (闲鱼扣分规则, docs/RULEBOOK.md "Xianyu"), in the same format as the default rulebook — the proof that the format
 * carries a second platform's scale without engine changes:
 *   "一般違規扣2分、嚴重違規扣12分、重大違規不扣分直接管控店鋪永久停封。"
 *   "嚴重違規超過48分,店鋪永久停封;嚴重違規低於48分,所有商品刪除,管控7-30天不等。"
 * The seed gives no year-end rule for Xianyu; it is an Alibaba platform, so the Taobao reset at
 * 24:00 on 31 December platform time is assumed, with the sealed (≥48) total kept. Its ledgers are
 * the two the seed scores, general and serious ("重大違規不扣分" charges none).
 */
import { SINCE_RECORDS_BEGIN } from './defaultRulebook';
import type { Rulebook } from './types';

export const xianyuRulebook: Rulebook = {
  id: 'xianyu',
  platform: 'xianyu',
  name: { zh: '闲鱼违规扣分规则（种子文档）', en: 'Xianyu violation points (from the seeds)' },
  utcOffsetMinutes: 480,
  measures: {
    'items-delisted': { label: { zh: '商品下架', en: 'Items delisted' } },
    'all-items-deleted': { label: { zh: '所有商品删除', en: 'All items deleted' } },
    'account-controlled': { label: { zh: '管控店铺', en: 'Shop under control' } },
    'shop-banned': { label: { zh: '店铺永久停封', en: 'Shop banned for good' }, seals: true },
  },
  ledgers: {
    general: { name: { zh: '一般违规', en: 'General violations' }, nodes: { kind: 'none' }, yearEnd: {} },
    serious: {
      name: { zh: '严重违规', en: 'Serious violations' },
      // "嚴重違規超過48分,店鋪永久停封": read as 48 or more, like Taobao's 48 node.
      nodes: { kind: 'thresholds', nodes: [{ points: 48, measures: ['shop-banned'], days: null }] },
      yearEnd: { keepAtOrAbove: 48 },
    },
  },
  rules: [
    {
      id: 'xianyu-general',
      name: { zh: '闲鱼一般违规', en: 'Xianyu general violation' },
      platform: 'Xianyu',
      counting: 'ever',
      facts: {},
      versions: [
        {
          effectiveFrom: SINCE_RECORDS_BEGIN,
          source: '闲鱼扣分规则',
          summary: { zh: '一般违规扣2分，商品下架。', en: 'General violation: 2 points; items delisted.' },
          ledger: 'general',
          cases: [
            {
              basis: {
                zh: '“一般违规扣2分”；“该闲鱼卖家店铺的商品会被下架”。',
                en: '"general violation: 2 points"; "the items are delisted".',
              },
              outcome: 'points',
              points: 2,
              measures: { fixed: ['items-delisted'] },
            },
          ],
          measures: ['items-delisted'],
        },
      ],
    },
    {
      id: 'xianyu-serious',
      name: { zh: '闲鱼严重违规', en: 'Xianyu serious violation' },
      platform: 'Xianyu',
      counting: 'ever',
      facts: {
        controlDays: {
          type: 'integer',
          min: 7,
          max: 30,
          description: { zh: '管控天数，7 至 30 天（默认 7 天）。', en: 'Days of control, 7 to 30 (default 7).' },
        },
      },
      versions: [
        {
          effectiveFrom: SINCE_RECORDS_BEGIN,
          source: '闲鱼扣分规则',
          summary: {
            zh: '严重违规扣12分；低于48分的，所有商品删除，管控7-30天不等；达到48分的店铺永久停封。',
            en: 'Serious violation: 12 points; below 48 all items are deleted and the shop is controlled for 7–30 days; at 48 the shop is banned for good.',
          },
          ledger: 'serious',
          cases: [
            {
              basis: {
                zh: '“严重违规扣12分”；“严重违规低于48分，所有商品删除，管控7-30天不等”：天数由审核员选择。',
                en: '"serious violation: 12 points"; "below 48: all items deleted, 7–30 days of control": days chosen by the reviewer.',
              },
              outcome: 'points',
              points: 12,
              punishment: {
                measures: ['all-items-deleted', 'account-controlled'],
                days: { fromFact: 'controlDays', default: 7 },
                whileLedgerBelow: 48,
              },
            },
          ],
          measures: ['all-items-deleted', 'account-controlled'],
        },
      ],
    },
    {
      id: 'xianyu-major',
      name: { zh: '闲鱼重大违规', en: 'Xianyu major violation' },
      platform: 'Xianyu',
      counting: 'ever',
      facts: {},
      versions: [
        {
          effectiveFrom: SINCE_RECORDS_BEGIN,
          source: '闲鱼扣分规则',
          summary: {
            zh: '重大违规不扣分，直接管控店铺永久停封。',
            en: 'Major violation: no points; the shop is banned for good at once.',
          },
          ledger: 'serious',
          cases: [
            {
              // No points, so the contract's outcome is `correction`; the ban is the punishment.
              basis: {
                zh: '“重大违规不扣分直接管控店铺永久停封”。',
                en: '"major violation: no points, the shop is banned for good at once".',
              },
              outcome: 'correction',
              points: 0,
              punishment: { measures: ['shop-banned'], days: null },
            },
          ],
          measures: ['shop-banned'],
        },
      ],
    },
  ],
  // The seed sets neither; the desk applies the same policy as on Taobao.
  appeals: { defaultDays: 7, byRule: {} },
  fourEyes: { seriousPoints: true, sealing: true, measures: [], waiveSerious: true },
};
