import { z } from 'zod';
import { auditEvent, id, noData } from './define';

/** Fields of the single sign-on events (the company's OpenID Connect provider). */
const OIDC_FIELDS = {
  via: { zh: '来源', en: 'Through' },
  issuer: { zh: '身份提供方', en: 'Identity provider' },
  subject: { zh: '提供方账号标识', en: 'Provider account id' },
  matchedBy: { zh: '匹配方式', en: 'Matched by' },
  roleClaim: { zh: '提供方角色声明', en: 'Provider role claim' },
  email: { zh: '邮箱', en: 'Email' },
  detail: { zh: '详情', en: 'Detail' },
};

/** Signing in, staff accounts and their grants, integration tokens. */
export const staffEvents = {
  'auth.login': auditEvent(
    '登录',
    'Signed in',
    // `factor` is set when a second step is still due.
    z.strictObject({ factor: z.literal('password') }).optional(),
  ),
  'auth.login_failed': auditEvent(
    '登录失败',
    'Sign-in failed',
    z.strictObject({
      failures: z.number(),
      /** Which check failed after the password: `password_change`, `totp_enrolment`, … */
      step: z.string().optional(),
      disabled: z.boolean().optional(),
      unknownUser: z.string().optional(),
      /** The refusal's reason, e.g. `totp_code_used`, `invalid_recovery_code`. */
      reason: z.string().optional(),
    }),
  ),
  'auth.mfa_verified': auditEvent(
    '两步验证通过',
    'Second step verified',
    z
      .union([
        z.strictObject({ method: z.literal('totp') }),
        z.strictObject({ method: z.literal('recovery_code'), recoveryCodesLeft: z.number() }),
      ])
      // Desks before recovery codes recorded no data.
      .optional(),
  ),
  'user.recovery_codes_generated': auditEvent(
    '生成恢复码',
    'Recovery codes issued',
    z.strictObject({ count: z.number(), reason: z.enum(['enrolment', 'regenerated']) }),
    { reason: { zh: '场合', en: 'Occasion' } },
  ),
  'auth.logout': auditEvent('退出登录', 'Signed out', noData),
  'auth.logout_everywhere': auditEvent('退出所有会话', 'Signed out everywhere', z.strictObject({ ended: z.number() })),
  'user.created': auditEvent(
    '新建员工账号',
    'Staff account created',
    z.strictObject({
      username: z.string(),
      role: z.string(),
      displayName: z.string(),
      // Set when the company's identity provider created the account from its role map.
      via: z.literal('oidc').optional(),
      email: z.string().nullable().optional(),
      roleClaim: z.array(z.string()).optional(),
    }),
    OIDC_FIELDS,
  ),
  'user.role_changed': auditEvent(
    '变更角色',
    'Role changed',
    z.strictObject({
      before: z.string(),
      after: z.string(),
      // Set when the identity provider's role map changed it at sign-in.
      via: z.literal('oidc').optional(),
      roleClaim: z.array(z.string()).optional(),
    }),
    OIDC_FIELDS,
  ),
  'user.oidc_linked': auditEvent(
    '绑定企业账号',
    'Company account linked',
    z.strictObject({ issuer: z.string(), subject: z.string(), matchedBy: z.enum(['username', 'email']) }),
    OIDC_FIELDS,
  ),
  'auth.oidc_login': auditEvent(
    '企业账号登录',
    'Signed in with company account',
    z.strictObject({
      issuer: z.string(),
      subject: z.string(),
      matchedBy: z.enum(['subject', 'username', 'email', 'created']),
    }),
    OIDC_FIELDS,
  ),
  'auth.oidc_refused': auditEvent(
    '企业账号登录被拒',
    'Company sign-in refused',
    z.strictObject({
      reason: z.string(),
      issuer: z.string().nullable(),
      subject: z.string().nullable(),
      username: z.string().nullable(),
      email: z.string().nullable(),
      detail: z.string().optional(),
    }),
    { ...OIDC_FIELDS, reason: { zh: '拒绝原因', en: 'Why refused' } },
  ),
  'user.disabled': auditEvent('停用账号', 'Account disabled', noData),
  'user.enabled': auditEvent('启用账号', 'Account enabled', noData),
  'user.password_reset': auditEvent('重置密码', 'Password reset', noData),
  'user.password_changed': auditEvent('修改密码', 'Password changed', z.strictObject({ forced: z.boolean() })),
  'user.totp_started': auditEvent('开始设置两步验证', 'Two-step setup started', noData),
  'user.totp_enabled': auditEvent('开启两步验证', 'Two-step verification on', noData),
  'user.grant_requested': auditEvent(
    '申请授权',
    'Grant requested',
    z.union([
      z.strictObject({ kind: z.literal('create'), username: z.string(), displayName: z.string(), role: z.string() }),
      z.strictObject({ kind: z.literal('role'), userId: id, before: z.string(), after: z.string() }),
    ]),
  ),
  'user.grant_approved': auditEvent('批准授权', 'Grant approved', grantDecided()),
  'user.grant_rejected': auditEvent('驳回授权', 'Grant rejected', grantDecided()),
  'token.created': auditEvent(
    '创建接口令牌',
    'API token created',
    z.strictObject({ name: z.string(), scopes: z.array(z.string()), expiresAt: z.string().nullable() }),
  ),
  'token.revoked': auditEvent('吊销接口令牌', 'API token revoked', z.strictObject({ name: z.string() })),
};

function grantDecided() {
  return z.strictObject({
    kind: z.enum(['create', 'role']),
    username: z.string().nullable(),
    role: z.string(),
    userId: id.nullable(),
    requestedBy: id,
  });
}
