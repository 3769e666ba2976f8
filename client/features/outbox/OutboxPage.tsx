import { Alert, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/roles';
import { useSuccessSnackbar } from '../../lib/SuccessSnackbar';
import { useSession } from '../auth/useSession';
import { RulebookGate } from '../rulebook/RulebookGate';
import { DeliveriesSection } from './DeliveriesSection';
import { DsaSection } from './DsaSection';
import { EndpointsSection } from './EndpointsSection';

/**
 * The enforcement outbox: what the marketplace has and has not yet been told (deliveries, with
 * "retry now"), where it is told (webhook endpoints), and the statements of reasons sent to the
 * DSA Transparency Database. Administrators only.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { notify, snackbar } = useSuccessSnackbar();
  if (!user || !can(user.role, 'users.manage')) return <Alert severity="info">{t('outbox.forbidden')}</Alert>;
  return (
    <Stack spacing={3}>
      <Stack spacing={1}>
        <Typography variant="h5" component="h1">
          {t('outbox.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('outbox.intro')}
        </Typography>
      </Stack>
      <RulebookGate>
        <DeliveriesSection notify={notify} />
      </RulebookGate>
      <EndpointsSection notify={notify} />
      <DsaSection notify={notify} />
      {snackbar}
    </Stack>
  );
}
