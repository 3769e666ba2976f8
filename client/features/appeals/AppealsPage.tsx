import { Box, LinearProgress, Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/roles';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { AppealsTable } from './AppealsTable';
import { APPEAL_TAB_ORDER, APPEAL_TABS, type AppealTab } from './appealTabs';
import { NextAppealButton } from './NextAppealButton';
import { useLiveAppealChanges } from './useLiveAppealChanges';

/** The appeals desk: appeals by stage, and "next appeal" for the officers who rule on them. */
export function AppealsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { user } = useSession();
  const [tab, setTab] = useState<AppealTab>('under_review');
  useLiveAppealChanges();
  const list = useQuery(trpc.appeals.list.queryOptions({ statuses: [...APPEAL_TABS[tab]] }));
  const errorText = useTranslatedError(list.error);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('appeals.title')}
        </Typography>
        {user && can(user.role, 'appeals.decide') && <NextAppealButton />}
      </Stack>
      <Paper>
        <Tabs value={tab} onChange={(_e, next: AppealTab) => setTab(next)} aria-label={t('appeals.tabsLabel')}>
          {APPEAL_TAB_ORDER.map((id) => (
            <Tab key={id} value={id} label={t(`appeals.tabs.${id}`)} />
          ))}
        </Tabs>
        {list.isFetching && <LinearProgress aria-label={t('common.loading')} />}
        {errorText && (
          <LoadErrorAlert onRetry={() => void list.refetch()}>
            {t('appeals.loadFailed')}: {errorText}
          </LoadErrorAlert>
        )}
        {list.data &&
          (list.data.length ? (
            <AppealsTable appeals={list.data} />
          ) : (
            <Box sx={{ p: 3 }}>
              <Typography color="text.secondary">{t('appeals.empty')}</Typography>
            </Box>
          ))}
      </Paper>
    </Stack>
  );
}
