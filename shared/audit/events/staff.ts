import { z } from 'zod';
import { auditEvent, id, noData } from './define';

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
    }),
  ),
  'auth.mfa_verified': auditEvent('两步验证通过', 'Second step verified', noData),
  'auth.logout': auditEvent('退出登录', 'Signed out', noData),
  'auth.logout_everywhere': auditEvent('退出所有会话', 'Signed out everywhere', z.strictObject({ ended: z.number() })),
  'user.created': auditEvent(
    '新建员工账号',
    'Staff account created',
    z.strictObject({ username: z.string(), role: z.string(), displayName: z.string() }),
  ),
  'user.role_changed': auditEvent(
    '变更角色',
    'Role changed',
    z.strictObject({ before: z.string(), after: z.string() }),
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
