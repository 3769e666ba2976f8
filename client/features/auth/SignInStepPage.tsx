import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInGate } from '../../../shared/auth/signInGate';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { PasswordFields } from '../admin/PasswordFields';
import { checkNewPassword } from '../admin/passwordCheck';
import { RecoveryCodesDialog } from './RecoveryCodesDialog';
import { useSession } from './useSession';

/**
 * What a session must do before the desk opens (the server refuses everything else meanwhile):
 * the authenticator code, a new password, or enrolling an authenticator app.
 */
export function SignInStepPage(props: { gate: SignInGate }) {
  if (props.gate === 'totp_code') return <TotpCodeStep />;
  if (props.gate === 'password_change') return <PasswordChangeStep />;
  return <TotpEnrolmentStep />;
}

function StepFrame(props: { title: string; text: string; onSubmit(e: FormEvent): void; children: ReactNode }) {
  const { t } = useTranslation();
  const { logout } = useSession();
  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}
    >
      <Paper component="form" onSubmit={props.onSubmit} sx={{ p: 4, width: 440 }} elevation={3} noValidate>
        <Stack spacing={2}>
          <Typography variant="h5" component="h1">
            {props.title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {props.text}
          </Typography>
          {props.children}
          <Button variant="text" onClick={() => logout.mutate()}>
            {t('signInStep.signOut')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}

/** Re-reads who is signed in (and which step is left) once a step is done. */
function useStepDone() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

function CodeField(props: { value: string; onChange(value: string): void; recovery?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={props.recovery ? t('signInStep.recoveryCode') : t('signInStep.code')}
      name="code"
      autoComplete={props.recovery ? 'off' : 'one-time-code'}
      autoFocus
      required
      value={props.value}
      onChange={(e) => props.onChange(e.target.value.replace(/\s/g, ''))}
      slotProps={{ htmlInput: props.recovery ? { maxLength: 32 } : { inputMode: 'numeric', maxLength: 6 } }}
    />
  );
}

/** The code from the authenticator app, or (the phone lost) one of the recovery codes, each good once. */
function TotpCodeStep() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const verify = useMutation(trpc.auth.totpVerify.mutationOptions({ onSuccess: useStepDone() }));
  const error = useTranslatedError(verify.error);
  return (
    <StepFrame
      title={t('signInStep.totpTitle')}
      text={recovery ? t('signInStep.recoveryText') : t('signInStep.totpText')}
      onSubmit={(e) => {
        e.preventDefault();
        verify.mutate({ code });
      }}
    >
      {error && <Alert severity="error">{error}</Alert>}
      <CodeField key={String(recovery)} value={code} onChange={setCode} recovery={recovery} />
      <Button type="submit" variant="contained" disabled={verify.isPending}>
        {t('signInStep.verify')}
      </Button>
      <Button
        variant="text"
        onClick={() => {
          setRecovery(!recovery);
          setCode('');
          verify.reset();
        }}
      >
        {recovery ? t('signInStep.useApp') : t('signInStep.useRecovery')}
      </Button>
    </StepFrame>
  );
}

function PasswordChangeStep() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const change = useMutation(trpc.auth.changePassword.mutationOptions({ onSuccess: useStepDone() }));
  const error = useTranslatedError(change.error);
  const problem = checkNewPassword(password, repeated);
  return (
    <StepFrame
      title={t('signInStep.changeTitle')}
      text={t('signInStep.changeText')}
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (!problem && current) change.mutate({ currentPassword: current, newPassword: password });
      }}
    >
      {error && <Alert severity="error">{error}</Alert>}
      <TextField
        label={t('signInStep.currentPassword')}
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <PasswordFields
        label={t('signInStep.newPassword')}
        password={password}
        repeated={repeated}
        problem={problem}
        showProblem={submitted}
        onPassword={setPassword}
        onRepeated={setRepeated}
      />
      <Button type="submit" variant="contained" disabled={change.isPending}>
        {t('signInStep.save')}
      </Button>
    </StepFrame>
  );
}

function TotpEnrolmentStep() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [code, setCode] = useState('');
  const start = useMutation(trpc.auth.totpStart.mutationOptions());
  // The factor is on once confirmed; the desk opens after the recovery codes were seen.
  const confirm = useMutation(trpc.auth.totpConfirm.mutationOptions());
  const stepDone = useStepDone();
  const error = useTranslatedError(start.error ?? confirm.error);
  return (
    <StepFrame
      title={t('signInStep.enrolTitle')}
      text={t('signInStep.enrolText')}
      onSubmit={(e) => {
        e.preventDefault();
        if (start.data) confirm.mutate({ code });
        else start.mutate();
      }}
    >
      {error && <Alert severity="error">{error}</Alert>}
      {confirm.data && <RecoveryCodesDialog codes={confirm.data.recoveryCodes} onClose={() => void stepDone()} />}
      {start.data ? (
        <>
          <TextField
            label={t('signInStep.secret')}
            value={start.data.secret}
            slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'totp-secret' } }}
          />
          <TextField
            label={t('signInStep.uri')}
            value={start.data.uri}
            multiline
            slotProps={{ htmlInput: { readOnly: true } }}
          />
          <CodeField value={code} onChange={setCode} />
          <Button type="submit" variant="contained" disabled={confirm.isPending}>
            {t('signInStep.confirm')}
          </Button>
        </>
      ) : (
        <Button type="submit" variant="contained" disabled={start.isPending}>
          {t('signInStep.start')}
        </Button>
      )}
    </StepFrame>
  );
}
