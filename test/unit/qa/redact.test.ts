import { describe, expect, it } from 'vitest';
import { REDACTED, redactDeep, redactor, sendersIn } from '../../../shared/qa/redact';

const none = { names: [], ids: [], phones: [], addresses: [] };

describe('redacting a gold case into its training copy', () => {
  it('replaces what the desk knows of the case’s people wherever it appears, longest first', () => {
    const redact = redactor({
      names: ['王小明', '王小明数码专营店'],
      ids: ['M-1001'],
      phones: ['13812345678'],
      addresses: ['浙江省杭州市西湖区文三路388号'],
    });
    expect(redact('王小明数码专营店（M-1001）店主王小明，寄往浙江省杭州市西湖区文三路388号')).toBe(
      `${REDACTED.name}（${REDACTED.id}）店主${REDACTED.name}，寄往${REDACTED.address}`,
    );
  });

  it('finds ID cards, mobile and landline numbers, e-mail, links, street addresses and long ids in free text', () => {
    const redact = redactor(none);
    expect(redact('身份证 33010619900101123X')).toBe(`身份证 ${REDACTED.id}`);
    expect(redact('手机 +86 138-1234-5678，座机 0571-88886666')).toBe(`手机 ${REDACTED.phone}，座机 ${REDACTED.phone}`);
    expect(redact('邮箱 a.b@example.com 链接 https://shop.example.com/item?id=1')).toBe(
      `邮箱 ${REDACTED.email} 链接 ${REDACTED.link}`,
    );
    expect(redact('收货地址：上海市浦东新区世纪大道100号2201室')).toBe(`收货地址：${REDACTED.address}`);
    expect(redact('订单 4012345678901')).toBe(`订单 ${REDACTED.id}`);
  });

  it('keeps what is not personal: amounts, short numbers, dates, the allegation', () => {
    const redact = redactor(none);
    const text = '2024-11-01 共 120 笔交易，金额 3999 元，疑似刷单';
    expect(redact(text)).toBe(text);
  });

  it('redacts every string inside typed evidence and reported facts, numbers untouched', () => {
    const redact = redactor({ ...none, names: ['张三'] });
    expect(redactDeep({ rows: [{ buyer: '张三', amount: 12, orderId: '12345678' }], n: ['张三说'] }, redact)).toEqual({
      rows: [{ buyer: REDACTED.name, amount: 12, orderId: REDACTED.id }],
      n: [`${REDACTED.name}说`],
    });
  });

  it('names the people in chat and order evidence', () => {
    expect(
      sendersIn({ messages: [{ from: '张三', text: 'x' }], rows: [{ buyer: '李四' }], title: '不是人名' }).sort(),
    ).toEqual(['张三', '李四']);
  });
});
