import { EditNote } from '@mui/icons-material';
import { Button, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { can } from '../../../../shared/auth/roles';
import type { PlatformId } from '../../../../shared/rulebook/platforms';
import { useTRPC } from '../../../lib/trpc';
import { useSession } from '../../auth/useSession';

/** On the rulebook page, for admins who may change it: the way to its drafts. */
export function DraftsLink({ platform }: { platform: PlatformId }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user || !can(user.role, 'rulebook.manage')) return null;
  return (
    <Button
      component={RouterLink}
      to={`/rulebook/drafts?platform=${platform}`}
      startIcon={<EditNote />}
      variant="outlined"
    >
      {t('rulebookAuthoring.drafts.open')}
    </Button>
  );
}

/** Which published version of the platform's rulebook is in force, and since when. */
export function PublishedVersion({ platform }: { platform: PlatformId }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const versions = useQuery(trpc.rulebook.versions.queryOptions({ platform }));
  const inForce = versions.data?.find((v) => v.inForce);
  const upcoming = versions.data?.filter((v) => !v.inForce && v.version > (inForce?.version ?? 0)) ?? [];
  if (!inForce) return null;
  return (
    <Typography variant="body2" color="text.secondary" data-testid="rulebook-published-version">
      {t('rulebookAuthoring.versions.inForce', { version: inForce.version, date: inForce.effectiveFrom })}
      {upcoming.map((v) => (
        <span key={v.version}>
          {' · '}
          {t('rulebookAuthoring.versions.upcoming', { version: v.version, date: v.effectiveFrom })}
        </span>
      ))}
    </Typography>
  );
}
