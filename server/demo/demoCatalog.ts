import type { SubjectKind } from '../../shared/cases/enums';
import type { PlatformId } from '../../shared/rulebook/platforms';

/** Chinese demo content, as the platform's own data would read. */

export const DEMO_SUBJECTS: { kind: SubjectKind; names: string[] }[] = [
  {
    kind: 'merchant',
    names: [
      '杭州悦享数码专营店',
      '义乌小商品优选店',
      '深圳极客电子旗舰店',
      '广州潮流服饰工厂店',
      '苏州丝绸礼品坊',
      '成都麻辣零食铺',
      '上海宝贝母婴生活馆',
      '北京老字号茶叶行',
      '厦门海味干货店',
      '温州鞋业直营店',
      '青岛家纺之家',
      '东莞玩具批发中心',
      '宁波小家电专卖',
      '福州运动户外店',
      '昆明鲜花速递',
      '长沙美妆集合店',
      '武汉图书音像城',
      '南京文具办公店',
      '西安手工艺品店',
      '郑州汽配商城',
    ],
  },
  {
    kind: 'buyer',
    names: ['买家 王**', '买家 李**', '买家 张**', '买家 刘**', '买家 陈**', '买家 杨**', '买家 赵**', '买家 黄**'],
  },
  {
    kind: 'creator',
    names: ['主播 小鹿直播间', '达人 美食探店阿强', '主播 数码老周', '达人 穿搭日记', '主播 家居好物推荐'],
  },
  { kind: 'brand', names: ['品牌 云朵护肤', '品牌 山野茶饮', '品牌 极光耳机', '品牌 小熊家电'] },
];

/**
 * Members of the other platforms the desk serves. A report the demo draws under one of their
 * rules is filed about one of these instead (a Kuaishou unfair-competition report about a
 * Kuaishou creator, a 1688 improper-info-use report about a 1688 wholesaler), and every eighth
 * report about a Taobao shop goes to a Xianyu seller under a Xianyu rule, so every platform has
 * cases on first start, each judged by its own rulebook.
 */
export const DEMO_PLATFORM_SUBJECTS: Record<
  Exclude<PlatformId, 'taobao'>,
  { prefix: string; groups: { kind: SubjectKind; names: string[] }[] }
> = {
  xianyu: {
    prefix: 'XY',
    groups: [{ kind: 'merchant', names: ['闲鱼卖家 数码回收小铺', '闲鱼卖家 古着衣橱', '闲鱼卖家 二手书摊老陈'] }],
  },
  '1688': {
    prefix: 'AL',
    groups: [
      {
        kind: 'merchant',
        names: ['1688 义乌饰品源头工厂', '1688 广州箱包批发商行', '1688 佛山家具厂家直销', '1688 汕头玩具实力商家'],
      },
    ],
  },
  kuaishou: {
    prefix: 'KS',
    groups: [
      { kind: 'merchant', names: ['快手小店 东北大米直供', '快手小店 云南鲜花饼'] },
      { kind: 'creator', names: ['快手主播 老铁好物', '快手达人 乡村美食小李', '快手主播 服装源头阿芳'] },
      { kind: 'brand', names: ['快手品牌 山野零食', '快手品牌 暖冬羽绒'] },
    ],
  },
};

/** The Xianyu rules a Xianyu seller's demo report is filed under, in turn (a major one now and then). */
export const DEMO_XIANYU_RULES = ['xianyu-general', 'xianyu-serious', 'xianyu-general', 'xianyu-major'] as const;

export const DEMO_SUMMARIES: Record<string, string[]> = {
  'improper-info-use': [
    '买家反映收到其他店铺的营销短信，疑似店铺泄露订单信息',
    '包裹面单显示为其他平台店铺，涉嫌使用买家信息在站外下单',
    '评价页面展示了买家姓名与手机号',
    '子账号被出租给第三方，批量导出订单收件信息',
  ],
  'member-rights-abuse': [
    '买家以差评相威胁，索要额外赔偿',
    '同一买家短期内大量拍下不付款，导致商品被下架',
    '恶意填写无效收货地址，致使卖家无法按时发货',
    '多个关联账号集中发起恶意投诉',
  ],
  'improper-registration': ['检测到通过软件批量注册的账号 36 个', '同一设备在一小时内注册账号 120 个'],
  'unfair-competition': [
    '与品牌方签订独家供货协议，限制品牌与其他达人合作',
    '直播中公开宣称“全网独家”，排斥其他主播',
    '利用优势地位要求品牌“二选一”',
    '与品牌签署对赌协议，约定排他性条款',
  ],
  counterfeit: [
    '发布疑似假冒知名品牌运动鞋的商品信息',
    '权利人投诉售出假冒手表，已提供鉴定报告',
    '为他人售假提供仓储与发货便利',
    '商品图片使用他人注册商标，涉嫌售假',
  ],
  'unauthorized-product': ['发布未经准入的医疗器械类商品', '未取得食品经营资质发布保健食品', '发布需准入的电子烟产品'],
  'fake-transaction': [
    '系统检测到 128 笔疑似刷单交易，涉及 3 个商品',
    '店铺信誉十天内快速增长两个皇冠，疑似大规模虚假交易',
    '同一收货地址集中下单 45 笔，疑似炒信',
    '为其他店铺提供刷单服务',
  ],
  'false-appeal-evidence': ['申诉中提交的物流凭证经核实为伪造', '申诉所附聊天记录截图存在篡改痕迹'],
  'xianyu-general': [
    '闲置商品描述与实物不符，多名买家投诉',
    '商品页留有站外联系方式，引导买家私下交易',
    '同一闲置商品重复发布二十余次',
  ],
  'xianyu-serious': ['以“全新未拆封”出售翻新手机，买家提供检测报告', '收款后拒不发货并将买家拉黑'],
  'xianyu-major': ['利用闲鱼账号批量出售违禁物品'],
};

/**
 * Which rule families plausibly concern each kind of member. Kuaishou's unfair-competition and
 * 1688's improper-info-use are filed about a member of that platform (DEMO_PLATFORM_SUBJECTS).
 */
export const RULES_BY_KIND: Record<SubjectKind, string[]> = {
  merchant: [
    'improper-info-use',
    'counterfeit',
    'unauthorized-product',
    'fake-transaction',
    'false-appeal-evidence',
    'unfair-competition',
  ],
  buyer: ['member-rights-abuse', 'improper-registration', 'false-appeal-evidence'],
  creator: ['unfair-competition', 'fake-transaction', 'counterfeit'],
  brand: ['unfair-competition'],
};

export const DEMO_QUEUES = [
  {
    id: 'general',
    nameZh: '综合审核',
    nameEn: 'General review',
    sla: { user_report: 30, spot_check: 14, system_detection: 7 },
  },
  {
    id: 'counterfeit',
    nameZh: '售假专项',
    nameEn: 'Counterfeits',
    sla: { user_report: 15, spot_check: 10, system_detection: 5 },
  },
  {
    id: 'fake-transaction',
    nameZh: '虚假交易专项',
    nameEn: 'Fake transactions',
    sla: { user_report: 20, spot_check: 10, system_detection: 5 },
  },
  {
    id: 'privacy',
    nameZh: '信息安全专项',
    nameEn: 'Buyer data protection',
    sla: { user_report: 10, spot_check: 7, system_detection: 3 },
  },
] as const;

/** Routing in position order; the last rule catches everything else. */
export const DEMO_ROUTING: { queueId: string; rules?: string[] }[] = [
  { queueId: 'counterfeit', rules: ['counterfeit', 'unauthorized-product'] },
  { queueId: 'fake-transaction', rules: ['fake-transaction'] },
  { queueId: 'privacy', rules: ['improper-info-use'] },
  { queueId: 'general' },
];

/** Queue memberships of the demo staff, by username. */
export const DEMO_MEMBERS: Record<string, string[]> = {
  general: ['reviewer', 'reviewer2', 'senior', 'lead'],
  counterfeit: ['reviewer', 'senior'],
  'fake-transaction': ['reviewer', 'reviewer2'],
  privacy: ['reviewer2', 'senior'],
};

/** Street addresses for demo subjects (masked on screen down to province and city). */
export const DEMO_ADDRESSES = [
  '浙江省杭州市西湖区文三路',
  '广东省深圳市南山区科技园路',
  '江苏省苏州市工业园区星湖街',
  '上海市浦东新区张江路',
  '北京市朝阳区建国路',
  '四川省成都市武侯区天府大道',
  '福建省厦门市思明区湖滨南路',
  '湖北省武汉市洪山区珞喻路',
];
