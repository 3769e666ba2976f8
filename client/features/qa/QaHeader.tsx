import { Stack, Tab, Tabs, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useSession } from '../auth/useSession';
import { mayAdjudicate } from './qaAccess';

export type QaTab = 'tasks' | 'mine' | 'adjudications';

const PATHS: Record<QaTab, string> = { tasks: '/qa', mine: '/qa/mine', adjudications: '/qa/adjudications' };

/** The QA pages' title and tabs: tasks to check, my results, and (for leads) adjudication. */
export function QaHeader({ tab }: { tab: QaTab }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const tabs: QaTab[] = ['tasks', 'mine', ...(user && mayAdjudicate(user.role) ? (['adjudications'] as const) : [])];
  return (
    <Stack spacing={1}>
      <Typography variant="h5" component="h1">
        {t('qa.title')}
      </Typography>
      <Tabs value={tab} aria-label={t('qa.title')} sx={{ borderBottom: 1, borderColor: 'divider' }}>
        {tabs.map((id) => (
          <Tab key={id} value={id} label={t(`qa.tabs.${id}`)} component={RouterLink} to={PATHS[id]} />
        ))}
      </Tabs>
    </Stack>
  );
}
