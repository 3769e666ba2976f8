import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatPlatformTime } from '../../lib/platformTime';
import type { StaffMember } from './staffTypes';

/** Disabled beats locked: a disabled account cannot sign in whatever its lock says. */
export function StaffStatus({ member, now }: { member: StaffMember; now: number }) {
  const { t, i18n } = useTranslation();
  if (member.disabled) return <Chip size="small" label={t('admin.staff.status.disabled')} />;
  if (member.lockedUntil && Date.parse(member.lockedUntil) > now) {
    const time = formatPlatformTime(member.lockedUntil, i18n.language);
    return <Chip size="small" color="warning" label={t('admin.staff.status.lockedUntil', { time })} />;
  }
  return <Chip size="small" color="success" variant="outlined" label={t('admin.staff.status.active')} />;
}
