/**
 * The measures table: every restriction or sanction the seeds name, with its Chinese wording
 * from the seed and an English label. Rules, nodes and reviewers refer to measures by id.
 */
import type { MeasureDefinition, MeasureId } from './types';

export const measures = {
  // Node punishments (《淘宝规则》第四十二、四十三条).
  'shop-shielded': { label: { zh: '店铺屏蔽', en: 'Shop shielded' } },
  'listing-restricted': { label: { zh: '限制发布商品', en: 'Listing restricted' } },
  'shop-creation-restricted': { label: { zh: '限制创建店铺', en: 'Shop creation restricted' } },
  'site-messages-restricted': { label: { zh: '限制发送站内信', en: 'Site messages restricted' } },
  'community-restricted': { label: { zh: '限制社区功能', en: 'Community features restricted' } },
  'public-warning': { label: { zh: '公示警告', en: 'Public warning' } },
  'items-delisted': { label: { zh: '下架店铺内所有商品', en: 'All items delisted' } },
  'shop-closed': { label: { zh: '关闭店铺', en: 'Shop closed' } },
  'account-sealed': { label: { zh: '查封账户', en: 'Account sealed' }, seals: true },
  'buyer-actions-restricted': { label: { zh: '限制买家行为', en: 'Buyer actions restricted' } },

  // Per-item consequences.
  'search-demotion': { label: { zh: '单个商品搜索降权', en: 'Item demoted in search' } },
  'item-removed': { label: { zh: '下架或删除违规商品', en: 'Offending item delisted or deleted' } },
  'item-deleted': { label: { zh: '删除违规商品或信息', en: 'Offending item or information deleted' } },

  // Abuse of member rights / improper registration (《淘宝规则》第四十七、六十五条).
  warning: { label: { zh: '警告', en: 'Warning' } },
  'identity-verification': { label: { zh: '身份验证', en: 'Identity verification' } },
  'site-login-restricted': { label: { zh: '限制网站登录', en: 'Site login restricted' } },
  'im-login-restricted': { label: { zh: '限制旺旺登录', en: 'Instant messenger login restricted' } },
  'reviews-restricted': { label: { zh: '限制评价', en: 'Reviews restricted' } },
  'reviews-deleted': { label: { zh: '删除评价', en: 'Reviews deleted' } },
  'complaints-restricted': { label: { zh: '限制投诉', en: 'Complaints restricted' } },
  'transaction-timeout-extended': { label: { zh: '延长交易超时', en: 'Transaction timeouts extended' } },
  'orders-closed': { label: { zh: '订单关闭、不计销量', en: 'Orders closed and not counted as sales' } },
  'gains-recovered': { label: { zh: '返还或收回不当利益', en: 'Improper gains returned or recovered' } },
  'registered-accounts-sealed': {
    // The accounts registered in bulk are sealed; the registrant's own account is sealed by
    // the 48-point node, not by this measure.
    label: { zh: '查封批量注册而成的账户', en: 'Bulk-registered accounts sealed' },
  },

  // Improper acquisition/use of information (1688《不当获取使用信息处理规则》).
  'business-permissions-restricted': { label: { zh: '经营权限管控', en: 'Business permissions restricted' } },
  'account-closed': { label: { zh: '账户关闭', en: 'Account closed' }, seals: true },

  // Unfair competition (快手《【不正当竞争】实施细则》).
  'shopping-cart-suspended': { label: { zh: '暂停使用购物车', en: 'Shopping cart suspended' } },
  'liquidated-damages': { label: { zh: '支付违约金', en: 'Liquidated damages' } },
  'account-banned': { label: { zh: '封禁账号', en: 'Account banned' }, seals: true },
  'platform-removal': { label: { zh: '清除平台、终止合作', en: 'Removed from the platform' }, seals: true },

  // Counterfeits and listing without admission (《淘宝规则》第五十、六十条).
  'alipay-enforcement': { label: { zh: '支付宝账户强制措施', en: 'Alipay account enforcement' } },
  'shop-supervised': { label: { zh: '店铺监管', en: 'Shop under supervision' } },
  'items-supervised': { label: { zh: '全店或单个商品监管', en: 'Shop items under supervision' } },
  'shipping-restricted': { label: { zh: '限制发货', en: 'Shipping restricted' } },
  'shop-search-demotion': { label: { zh: '全店商品搜索降权', en: 'Whole shop demoted in search' } },
  'listing-quota-restricted': { label: { zh: '限制商品发布数量', en: 'Listing quota restricted' } },
  'listing-qualification-control': { label: { zh: '商品发布资质管控', en: 'Listing qualifications controlled' } },
  'promotion-restricted': { label: { zh: '限制营销推广', en: 'Promotion restricted' } },
  'deposit-frozen': { label: { zh: '限制解冻保证金', en: 'Deposit release restricted' } },
} as const satisfies Record<MeasureId, MeasureDefinition>;

export type TaobaoMeasureId = keyof typeof measures;
