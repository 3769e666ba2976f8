import Add from '@mui/icons-material/Add';
import {
  Alert,
  Button,
  Chip,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenView } from '../../../shared/api/tokens';
import { can } from '../../../shared/auth/roles';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { formatPlatformTime } from '../../lib/platformTime';
import { ShownOnceDialog, shownOnceTexts } from '../../lib/ShownOnceDialog';
import { useSuccessSnackbar } from '../../lib/SuccessSnackbar';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { NewTokenDialog } from './NewTokenDialog';

const STATE_COLOR = { active: 'success', expired: 'default', revoked: 'error' } as const;

/**
 * The bearer tokens other systems call the API with: create one (with an expiry; shown once),
 * see when each was last used, and revoke it, which refuses its very next request. Administrators only.
 */
export function TokensPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user || !can(user.role, 'users.manage')) return <Alert severity="info">{t('tokens.forbidden')}</Alert>;
  return <TokensList />;
}

function TokensList() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const { notify, snackbar } = useSuccessSnackbar();
  const query = useQuery(trpc.tokens.list.queryOptions());
  const loadError = useTranslatedError(query.error);
  const revoke = useMutation(trpc.tokens.revoke.mutationOptions());
  const revokeError = useTranslatedError(revoke.error);
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
  const time = (iso: string | null, none: string) => (iso ? formatPlatformTime(iso, i18n.language) : none);

  return (
    <Stack spacing={2} component="section" aria-labelledby={headingId}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography id={headingId} variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('tokens.title')}
        </Typography>
        <Button variant="outlined" startIcon={<Add />} onClick={() => setAdding(true)}>
          {t('tokens.add')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('tokens.intro')}
      </Typography>
      {query.isPending && <LinearProgress aria-label={t('common.loading')} />}
      {loadError && (
        <Alert severity="error">
          {t('tokens.loadFailed')}: {loadError}
        </Alert>
      )}
      {query.data?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('tokens.empty')}
        </Typography>
      )}
      {!!query.data?.length && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-labelledby={headingId} data-testid="tokens-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('tokens.columns.name')}</TableCell>
                <TableCell>{t('tokens.columns.scopes')}</TableCell>
                <TableCell>{t('tokens.columns.expiresAt')}</TableCell>
                <TableCell>{t('tokens.columns.lastUsedAt')}</TableCell>
                <TableCell>{t('tokens.columns.state')}</TableCell>
                <TableCell>{t('tokens.columns.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {query.data.map((token) => (
                <TableRow key={token.id} data-testid={`token-${token.name}`}>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                      {token.name}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {t('tokens.createdAt', { time: time(token.createdAt, '') })}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                      {token.scopes.map((scope) => (
                        <Chip key={scope} size="small" label={t(`tokens.scope.${scope}`)} />
                      ))}
                    </Stack>
                  </TableCell>
                  <TableCell>{time(token.expiresAt, t('tokens.never'))}</TableCell>
                  <TableCell>{time(token.lastUsedAt, t('tokens.neverUsed'))}</TableCell>
                  <TableCell>
                    <Chip size="small" color={STATE_COLOR[token.state]} label={t(`tokens.state.${token.state}`)} />
                  </TableCell>
                  <TableCell>
                    {token.state !== 'revoked' && (
                      <Button size="small" color="error" onClick={() => setRevoking(token)}>
                        {t('tokens.revoke')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {adding && (
        <NewTokenDialog
          onClose={() => setAdding(false)}
          onCreated={async (token) => {
            setAdding(false);
            setShown(token);
            await refresh();
          }}
        />
      )}
      {shown && (
        <ShownOnceDialog
          value={shown}
          texts={shownOnceTexts(t, 'tokens.shown')}
          testId="new-token"
          onClose={() => setShown(null)}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={t('tokens.revokeTitle', { name: revoking.name })}
          text={t('tokens.revokeText')}
          confirmLabel={t('tokens.revoke')}
          busy={revoke.isPending}
          error={revokeError}
          onClose={() => {
            revoke.reset();
            setRevoking(null);
          }}
          onConfirm={async () => {
            try {
              await revoke.mutateAsync({ id: revoking.id });
              setRevoking(null);
              await refresh();
              notify(t('tokens.revoked', { name: revoking.name }));
            } catch {
              // Shown in the dialog.
            }
          }}
        />
      )}
      {snackbar}
    </Stack>
  );
}
