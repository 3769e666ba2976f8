import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { RecoveryCodesDialog } from '../auth/RecoveryCodesDialog';

/** The signed-in person's own account: for now, two-step verification and its recovery codes. */
export function AccountPage() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Stack spacing={2} component="section" aria-labelledby={headingId} sx={{ maxWidth: 640 }}>
      <Typography id={headingId} variant="h5" component="h1">
        {t('account.title')}
      </Typography>
      <TwoStepSection />
    </Stack>
  );
}

function TwoStepSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const status = useQuery(trpc.auth.twoStep.queryOptions());
  const [code, setCode] = useState('');
  const [shown, setShown] = useState<string[] | null>(null);
  const regenerate = useMutation(
    trpc.auth.regenerateRecoveryCodes.mutationOptions({
      onSuccess: (result) => {
        setCode('');
        setShown(result.recoveryCodes);
        void queryClient.invalidateQueries({ queryKey: trpc.auth.twoStep.queryKey() });
      },
    }),
  );
  const error = useTranslatedError(regenerate.error ?? status.error);
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: 3 }}>
      <Stack spacing={2}>
        <Typography id={headingId} variant="h6" component="h2">
          {t('account.twoStep.title')}
        </Typography>
        {error && <Alert severity="error">{error}</Alert>}
        {status.data && !status.data.enabled && (
          <Typography variant="body2" color="text.secondary">
            {t('account.twoStep.off')}
          </Typography>
        )}
        {status.data?.enabled && (
          <Stack
            component="form"
            spacing={2}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              regenerate.mutate({ code });
            }}
          >
            <Typography variant="body2" data-testid="recovery-codes-left">
              {t('account.twoStep.left', { count: status.data.recoveryCodesLeft })}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('account.twoStep.regenerateText')}
            </Typography>
            <TextField
              label={t('signInStep.code')}
              name="code"
              autoComplete="one-time-code"
              required
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\s/g, ''))}
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
              sx={{ maxWidth: 240 }}
            />
            <Button type="submit" variant="outlined" disabled={regenerate.isPending} sx={{ alignSelf: 'flex-start' }}>
              {t('account.twoStep.regenerate')}
            </Button>
          </Stack>
        )}
      </Stack>
      {shown && <RecoveryCodesDialog codes={shown} onClose={() => setShown(null)} />}
    </Paper>
  );
}
