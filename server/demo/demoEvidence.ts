import type { ReportSubmitInput } from '../../shared/api/intake';

/**
 * Typed demo evidence in Chinese, as the platform's systems would file it: an orders table for
 * fake transactions, a chat log for member-rights abuse, a waybill with the SMS a buyer got for
 * improper use of information, a listing snapshot for counterfeits, and an agreement excerpt for
 * unfair competition. Varied by the report's number only (no randomness), so the demo's other
 * random choices stay the same.
 */
type DemoEvidence = NonNullable<ReportSubmitInput['evidence']>;

const HOUR = 3_600_000;
const BUYERS = ['王**', '李**', '张**', '刘**', '陈**', '杨**', '赵**', '黄**', '周**', '吴**'];
const ORDER_STATUS = ['已签收', '已签收', '交易成功', '已发货', '已签收', '交易成功'];

export function demoEvidenceFor(rule: string, n: number, at: Date): DemoEvidence {
  switch (rule) {
    case 'fake-transaction':
      return [fakeOrders(n, at)];
    case 'member-rights-abuse':
      return [threateningChat(at)];
    case 'improper-info-use':
      return [leakedWaybill(n, at)];
    case 'counterfeit':
      return [listingSnapshot(n, at)];
    case 'unfair-competition':
      return [exclusiveSupplyExcerpt()];
    default:
      return [];
  }
}

/** Twelve orders; every third one comes from the same buyer and address cluster the detector flagged. */
function fakeOrders(n: number, at: Date): DemoEvidence[number] {
  const rows = Array.from({ length: 12 }, (_, i) => {
    const flagged = i % 3 === 0;
    return {
      orderId: `${3_700_000_000 + n * 100 + i}`,
      amount: flagged ? 9.9 : Math.round((39 + ((n * 7 + i * 13) % 160)) * 100) / 100,
      buyer: flagged ? '赵**（同一收货地址）' : (BUYERS[(n + i) % BUYERS.length] ?? '买家'),
      time: new Date(at.getTime() - (12 - i) * 5 * HOUR).toISOString(),
      status: ORDER_STATUS[i % ORDER_STATUS.length] ?? '已签收',
    };
  });
  return {
    kind: 'orders',
    title: '疑似刷单订单明细',
    text: '标红订单为同一收货地址、同一设备下单，金额均为 9.9 元，下单后 10 分钟内确认收货并好评。',
    data: { rows, highlight: rows.filter((_, i) => i % 3 === 0).map((r) => r.orderId), currency: 'CNY' },
  };
}

function threateningChat(at: Date): DemoEvidence[number] {
  const t = (minutes: number) => new Date(at.getTime() - 2 * 24 * HOUR + minutes * 60_000).toISOString();
  return {
    kind: 'chat',
    title: '买家与客服的聊天记录',
    data: {
      messages: [
        { from: '买家', at: t(0), text: '你们发的耳机有杂音，我要退款，另外再赔我 200 块。' },
        { from: '客服 小美', at: t(2), text: '亲，非常抱歉给您带来不便。您可以申请退货退款，运费由我们承担。' },
        { from: '买家', at: t(3), text: '退货太麻烦了。不赔钱我就给你们差评，再去投诉你们售假。' },
        { from: '客服 小美', at: t(5), text: '赔偿需要按平台规则处理，我们可以为您补发一副新耳机。' },
        { from: '买家', at: t(6), text: '那你们等着吧，我叫朋友一起来给差评。' },
      ],
    },
  };
}

function leakedWaybill(n: number, at: Date): DemoEvidence[number] {
  const day = (d: number, h: number) => new Date(at.getTime() - d * 24 * HOUR + h * HOUR).toISOString();
  return {
    kind: 'logistics',
    title: '面单信息与买家收到的短信',
    data: {
      waybill: `YT${7_700_000_000_000 + n * 37}`,
      carrier: '圆通速递',
      sms: [
        {
          from: '1069 0281 5566',
          at: day(1, 3),
          text: '【潮流好物店】亲，您在本店购买的蓝牙耳机已发货，加微信 hw8899 返现 20 元，退订回 T',
        },
      ],
      events: [
        { at: day(4, 0), text: '商家已下单，等待揽收', location: '浙江省杭州市' },
        { at: day(3, 5), text: '快件已揽收', location: '浙江省杭州市' },
        { at: day(2, 1), text: '快件已到达转运中心', location: '江苏省苏州市' },
        { at: day(1, 2), text: '已签收，签收人：本人', location: '上海市浦东新区' },
      ],
    },
  };
}

function listingSnapshot(n: number, at: Date): DemoEvidence[number] {
  return {
    kind: 'listing_snapshot',
    title: '举报时的商品页面',
    data: {
      listingId: `${6_500_000 + n}`,
      title: '【正品】经典复刻气垫运动鞋 男女同款 专柜原单',
      price: 159,
      currency: 'CNY',
      description:
        '专柜原单，与正品同一工厂生产，细节一比一还原。无吊牌、无鞋盒，介意慎拍。支持验货，假一赔十。\n尺码：36–45',
      capturedAt: new Date(at.getTime() - 6 * HOUR).toISOString(),
    },
  };
}

function exclusiveSupplyExcerpt(): DemoEvidence[number] {
  return {
    kind: 'document',
    title: '独家供货协议（摘录）',
    text:
      '第三条 独家合作\n3.1 合作期内，乙方（品牌方）不得向甲方以外的任何主播、达人或店铺供应本协议约定的商品。\n' +
      '3.2 乙方如与其他主播合作，须向甲方支付违约金人民币伍拾万元整。',
  };
}
