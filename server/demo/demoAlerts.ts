import type { Transaction } from 'kysely';
import type { AlertSubmitInput } from '../../shared/api/alerts';
import { SYSTEM_ACTOR } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { actOnAccountIn, handlerAs, markNoRiskIn } from '../services/alertHandling.service';
import { intakeAlert } from '../services/alertIntake.service';

const HOUR = 3_600_000;

type DemoAlert = Omit<AlertSubmitInput, 'externalId' | 'detectedAt'> & { hoursAgo: number };

/** The customer-service sub-account two of the alerts are about. */
const KEFU_WANG = {
  subjectId: 'M10000',
  shopName: '杭州悦享数码专营店',
  accountId: 'sub-kefu-01',
  accountKind: 'sub',
  nickname: '客服小王',
  phone: '13812345678',
} as const;

/** Seed 002's own examples on a few demo merchants (ids as seedDemo.ts gives them: M10000…). */
const DEMO_ALERTS: DemoAlert[] = [
  {
    ...KEFU_WANG,
    level: 'high',
    type: 'unusual_login_location',
    details: '子账号异地登录，登录地香港；近 30 天常用登录地为浙江杭州',
    suggestion: '核实子账号持有人是否为在职员工；如不知情，请督促修改密码，或停用、删除子账号',
    hoursAgo: 3,
  },
  {
    ...KEFU_WANG,
    level: 'high',
    type: 'abnormal_access_volume',
    details: '子账号访问量异常：历史最高日访问订单 1000 次，当日访问订单 10000 次',
    suggestion: '核实是否为正常业务；如账号已交给外包或离职人员，请停用、删除子账号',
    hoursAgo: 2,
  },
  {
    subjectId: 'M10000',
    shopName: '杭州悦享数码专营店',
    accountId: 'main',
    accountKind: 'main',
    nickname: '悦享数码',
    phone: '13987654321',
    level: 'medium',
    type: 'unusual_login_location',
    details: '主账号在新设备上登录，登录地广东深圳',
    suggestion: '如非本人操作，请立即修改主账号密码',
    hoursAgo: 20,
  },
  {
    subjectId: 'M10001',
    shopName: '义乌小商品优选店',
    accountId: 'sub-yunying-03',
    accountKind: 'sub',
    nickname: '运营阿杰',
    phone: '15011112222',
    level: 'medium',
    type: 'abnormal_access_volume',
    details: '子账号单日导出订单收件信息 3200 条，历史日均 150 条',
    suggestion: '核实导出用途；如无正当业务需要，请停用子账号并修改密码',
    hoursAgo: 8,
  },
  {
    subjectId: 'M10002',
    shopName: '深圳极客电子旗舰店',
    accountId: 'sub-cangku-02',
    accountKind: 'sub',
    nickname: '仓库老李',
    phone: '18622223333',
    level: 'low',
    type: 'unusual_login_location',
    details: '子账号异地登录，登录地北京',
    suggestion: '如为员工出差，可核实无风险',
    hoursAgo: 30,
  },
  {
    subjectId: 'M10002',
    shopName: '深圳极客电子旗舰店',
    accountId: 'sub-waibao-05',
    accountKind: 'sub',
    nickname: '外包客服',
    phone: '17733334444',
    level: 'high',
    type: 'other',
    details: '子账号在 10 分钟内从 3 个城市登录，疑似账号被共享',
    suggestion: '账号不应交给不可信任的外部人员：请删除子账号',
    hoursAgo: 50,
  },
];

/**
 * Account-security alerts for a few demo merchants, filed through the real intake; two are
 * already handled (a business trip verified as no risk; an outsourced account deleted), so
 * both lists have something in them.
 */
export async function seedDemoAlerts(trx: Transaction<Database>, userIds: Map<string, number>, now: Date) {
  const ids: number[] = [];
  for (const [i, a] of DEMO_ALERTS.entries()) {
    const { hoursAgo, ...input } = a;
    const detectedAt = new Date(now.getTime() - hoursAgo * HOUR).toISOString();
    const { alertId } = await intakeAlert(
      trx,
      SYSTEM_ACTOR,
      { ...input, externalId: `demo-alert-${i + 1}`, detectedAt },
      now,
    );
    ids.push(alertId);
  }
  const reviewer = userIds.get('reviewer');
  if (!reviewer) return { alerts: ids.length };
  const asReviewer = { actor: { type: 'user' as const, id: String(reviewer) } };
  await markNoRiskIn(trx, handlerAs(asReviewer, reviewer, now), {
    ids: [ids[4] as number],
    note: '员工在北京出差，已与本人确认',
  });
  await actOnAccountIn(trx, handlerAs(asReviewer, reviewer, now), {
    alertId: ids[5] as number,
    action: 'delete_sub_account',
    note: '外包合作已结束，删除子账号',
  });
  return { alerts: ids.length };
}
