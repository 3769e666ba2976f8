import { Alert, Button } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What failed to load and why, with a retry that asks again (greyed out while it does). */
export function LoadErrorAlert(props: { children: ReactNode; onRetry(): void; retrying?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={props.onRetry} disabled={props.retrying}>
          {t('common.retry')}
        </Button>
      }
    >
      {props.children}
    </Alert>
  );
}
