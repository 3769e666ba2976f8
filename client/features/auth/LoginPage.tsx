import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from './useSession';

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const errorText = useTranslatedError(login.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username: username.trim(), password });
  };

  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}
    >
      <Paper component="form" onSubmit={submit} sx={{ p: 4, width: 360 }} elevation={3} aria-labelledby="login-title">
        <Stack spacing={2}>
          <div>
            <Typography variant="h5" component="h1" id="login-title">
              {t('login.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('app.name')} · {t('app.tagline')}
            </Typography>
          </div>
          {errorText && <Alert severity="error">{errorText}</Alert>}
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
      </Paper>
    </Box>
  );
}
