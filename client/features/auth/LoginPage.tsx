import { Alert, Box, Button, Divider, Paper, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from './useSession';

/** Where the company account's sign-in starts (server/http/oidc.routes.ts); it comes back to `/`. */
const COMPANY_SIGN_IN = '/api/auth/oidc/start';

export function LoginPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { login } = useSession();
  const methods = useQuery(trpc.auth.methods.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const errorText = useTranslatedError(login.error);
  const providerError = useProviderError();
  // Until the server says otherwise (or if it cannot), the password form is what a desk has.
  const passwordOn = methods.data?.password ?? !methods.isPending;
  const oidcOn = methods.data?.oidc ?? false;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username: username.trim(), password });
  };

  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}
    >
      <Paper component="section" sx={{ p: 4, width: 360 }} elevation={3} aria-labelledby="login-title">
        <Stack spacing={2}>
          <div>
            <Typography variant="h5" component="h1" id="login-title">
              {t('login.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('app.name')} · {t('app.tagline')}
            </Typography>
          </div>
          {(errorText ?? providerError) && <Alert severity="error">{errorText ?? providerError}</Alert>}
          {oidcOn && (
            <Button href={COMPANY_SIGN_IN} variant={passwordOn ? 'outlined' : 'contained'} size="large">
              {t('login.companyAccount')}
            </Button>
          )}
          {oidcOn && !passwordOn && (
            <Typography variant="body2" color="text.secondary">
              {t('login.passwordsOff')}
            </Typography>
          )}
          {oidcOn && passwordOn && <Divider>{t('login.or')}</Divider>}
          {passwordOn && (
            <Stack component="form" onSubmit={submit} spacing={2}>
              <TextField
                label={t('login.username')}
                name="username"
                autoComplete="username"
                autoFocus
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
              <TextField
                label={t('login.password')}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <Button type="submit" variant="contained" size="large" disabled={login.isPending}>
                {login.isPending ? t('login.submitting') : t('login.submit')}
              </Button>
            </Stack>
          )}
        </Stack>
      </Paper>
    </Box>
  );
}

/** The reason a company-account sign-in was refused (`?signInError=` from the server), translated. */
function useProviderError(): string | null {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const reason = params.get('signInError');
  if (!reason) return null;
  return i18n.exists(`error.${reason}`) ? t(`error.${reason}` as 'error.generic') : t('error.generic');
}
