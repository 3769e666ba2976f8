import {
  Alert,
  DialogContentText,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountActionAllowed } from '../../../shared/alerts/cascade';
import { ACCOUNT_ACTIONS, type AccountAction } from '../../../shared/alerts/enums';
import type { AlertView } from '../../../shared/api/alerts';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';

/** Act on the account an alert is about; every pending alert of that account is handled with it. */
export function AccountActionDialog(props: { alert: AlertView; onDone(count: number): void; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const actionLabelId = useId();
  const allowed = ACCOUNT_ACTIONS.filter((a) => accountActionAllowed(a, props.alert.accountKind));
  const [action, setAction] = useState<AccountAction>(allowed[0] ?? 'force_password_change');
  const [note, setNote] = useState('');
  const act = useMutation(
    trpc.alerts.actOnAccount.mutationOptions({ onSuccess: ({ handledIds }) => props.onDone(handledIds.length) }),
  );
  const error = useTranslatedError(act.error);
  const account = `${props.alert.nickname}（${t(`alerts.accountKind.${props.alert.accountKind}`)} ${props.alert.accountId}）`;
  return (
    <FormDialog
      title={t('alerts.actionTitle', { account })}
      pending={act.isPending}
      error={error}
      confirmLabel={t('alerts.confirmAction')}
      confirmColor="warning"
      onSubmit={() => act.mutate({ alertId: props.alert.id, action, note: note.trim() || undefined })}
      onClose={props.onClose}
    >
      <DialogContentText>{t('alerts.actionText')}</DialogContentText>
      {props.alert.accountKind === 'main' && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {t('alerts.mainAccountHint')}
        </Alert>
      )}
      <FormControl sx={{ mt: 2 }}>
        <FormLabel id={actionLabelId}>{t('alerts.action')}</FormLabel>
        <RadioGroup
          aria-labelledby={actionLabelId}
          value={action}
          onChange={(e) => setAction(e.target.value as AccountAction)}
        >
          {allowed.map((a) => (
            <FormControlLabel key={a} value={a} control={<Radio />} label={t(`alerts.resolution.${a}`)} />
          ))}
        </RadioGroup>
      </FormControl>
      <TextField
        fullWidth
        multiline
        minRows={2}
        margin="dense"
        label={t('alerts.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </FormDialog>
  );
}
