import Add from '@mui/icons-material/Add';
import {
  Alert,
  Button,
  Chip,
  LinearProgress,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndpointView } from '../../../shared/api/outbox';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { ShownOnceDialog, shownOnceTexts } from '../../lib/ShownOnceDialog';
import type { Notify } from '../../lib/SuccessSnackbar';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { EndpointDialog } from './EndpointDialog';
import { eventTypeLabel } from './eventTypeLabel';
import { useRefreshOutbox } from './useRefreshOutbox';

/** The webhooks admins registered: add, pause/resume, rotate the secret, remove. */
export function EndpointsSection(props: { notify: Notify }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const headingId = useId();
  const refresh = useRefreshOutbox();
  const query = useQuery(trpc.outbox.endpoints.list.queryOptions());
  const loadError = useTranslatedError(query.error);
  const update = useMutation(trpc.outbox.endpoints.update.mutationOptions());
  const rotate = useMutation(trpc.outbox.endpoints.rotateSecret.mutationOptions());
  const remove = useMutation(trpc.outbox.endpoints.remove.mutationOptions());
  const actionError = useTranslatedError(update.error ?? rotate.error);
  const removeError = useTranslatedError(remove.error);
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [removing, setRemoving] = useState<EndpointView | null>(null);

  const setEnabled = async (endpoint: EndpointView, enabled: boolean) => {
    try {
      await update.mutateAsync({ id: endpoint.id, enabled });
      await refresh();
      props.notify(t('outbox.endpoints.saved'));
    } catch {
      // Shown above the table.
    }
  };
  const rotateSecret = async (endpoint: EndpointView) => {
    try {
      setSecret((await rotate.mutateAsync({ id: endpoint.id })).secret);
    } catch {
      // Shown above the table.
    }
  };

  return (
    <Stack component="section" aria-labelledby={headingId} spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography id={headingId} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('outbox.endpoints.title')}
        </Typography>
        <Button variant="outlined" startIcon={<Add />} onClick={() => setAdding(true)}>
          {t('outbox.endpoints.add')}
        </Button>
      </Stack>
      {query.isPending && <LinearProgress aria-label={t('common.loading')} />}
      {loadError && (
        <Alert severity="error">
          {t('outbox.loadFailed')}: {loadError}
        </Alert>
      )}
      {actionError && <Alert severity="error">{actionError}</Alert>}
      {query.data?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('outbox.endpoints.empty')}
        </Typography>
      )}
      {!!query.data?.length && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-labelledby={headingId} data-testid="outbox-endpoints">
            <TableHead>
              <TableRow>
                <TableCell>{t('outbox.endpoints.columns.url')}</TableCell>
                <TableCell>{t('outbox.endpoints.columns.events')}</TableCell>
                <TableCell>{t('outbox.endpoints.columns.state')}</TableCell>
                <TableCell>{t('outbox.endpoints.columns.deliveries')}</TableCell>
                <TableCell>{t('outbox.endpoints.columns.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {query.data.map((endpoint) => (
                <TableRow key={endpoint.id}>
                  <TableCell sx={{ wordBreak: 'break-all' }}>
                    <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                      {endpoint.url}
                    </Typography>
                    {endpoint.description && (
                      <Typography variant="caption" color="text.secondary">
                        {endpoint.description}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                      {endpoint.eventTypes.map((type) => (
                        <Chip key={type} size="small" label={eventTypeLabel(t, type)} />
                      ))}
                    </Stack>
                  </TableCell>
                  <TableCell>
                    <Tooltip title={endpoint.enabled ? t('outbox.endpoints.pause') : t('outbox.endpoints.resume')}>
                      <Switch
                        checked={endpoint.enabled}
                        disabled={update.isPending}
                        onChange={(e) => void setEnabled(endpoint, e.target.checked)}
                        slotProps={{
                          input: {
                            'aria-label': endpoint.enabled ? t('outbox.endpoints.pause') : t('outbox.endpoints.resume'),
                          },
                        }}
                      />
                    </Tooltip>
                    <Typography variant="caption" color={endpoint.enabled ? 'success.main' : 'text.secondary'}>
                      {endpoint.enabled ? t('outbox.endpoints.enabled') : t('outbox.endpoints.paused')}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2">{t('outbox.endpoints.counts', endpoint.counts)}</Typography>
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1}>
                      <Button size="small" onClick={() => void rotateSecret(endpoint)} disabled={rotate.isPending}>
                        {t('outbox.endpoints.rotateSecret')}
                      </Button>
                      <Button size="small" color="error" onClick={() => setRemoving(endpoint)}>
                        {t('outbox.endpoints.remove')}
                      </Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {adding && (
        <EndpointDialog
          onClose={() => setAdding(false)}
          onCreated={async (created) => {
            setAdding(false);
            setSecret(created);
            await refresh();
          }}
        />
      )}
      {secret && (
        <ShownOnceDialog
          value={secret}
          texts={shownOnceTexts(t, 'outbox.secret')}
          testId="endpoint-secret"
          onClose={() => setSecret(null)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('outbox.endpoints.removeTitle', { url: removing.url })}
          text={t('outbox.endpoints.removeText')}
          confirmLabel={t('outbox.endpoints.remove')}
          busy={remove.isPending}
          error={removeError}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            try {
              await remove.mutateAsync({ id: removing.id });
              setRemoving(null);
              await refresh();
              props.notify(t('outbox.endpoints.removed'));
            } catch {
              // Shown in the dialog.
            }
          }}
        />
      )}
    </Stack>
  );
}
