import { Alert, Button } from '@mui/material';
import { useTranslation } from 'react-i18next';

/**
 * The case moved on while the reviewer had it open: live (another report merged, a lead
 * reassigned it) or found out on submit (CONFLICT stale_version). Their input stays; they
 * look at the newer state and then choose to decide on it.
 */
export function CaseChangedAlert(props: {
  refused: boolean;
  status: string;
  version: number;
  canContinue: boolean;
  onContinue(): void;
}) {
  const { t } = useTranslation();
  const status = t(`status.${props.status}`, { defaultValue: props.status });
  return (
    <Alert
      severity={props.refused ? 'error' : 'warning'}
      data-testid="case-changed"
      action={
        props.canContinue ? (
          <Button color="inherit" size="small" onClick={props.onContinue}>
            {t('decision.changed.continue', { version: props.version })}
          </Button>
        ) : undefined
      }
    >
      {props.refused && `${t('decision.changed.notSaved')} `}
      {t('decision.changed.text', { status, version: props.version })}
    </Alert>
  );
}
