import Edit from '@mui/icons-material/Edit';
import Group from '@mui/icons-material/Group';
import { Alert, Box, Button, Chip, FormControlLabel, Paper, Stack, Switch, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../../shared/api/queues';
import { REPORT_SOURCES } from '../../../shared/cases/enums';
import { formatPlatformTime } from '../../lib/platformTime';
import type { Notify } from '../../lib/SuccessSnackbar';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { queueSaveInputOf } from './queueForm';
import { queueName } from './queueName';
import { useRefreshQueues } from './useRefreshQueues';

/** One queue: its settings, members and how fast its backlog is going down. */
export function QueueCard(props: {
  queue: QueueView;
  canManage: boolean;
  notify: Notify;
  onEdit(): void;
  onEditMembers(): void;
}) {
  const { queue, canManage } = props;
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const name = queueName(queue, i18n.language);

  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
          <Typography id={headingId} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            {name}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {queue.id}
          </Typography>
        </Stack>
        <QueueStats queue={queue} />
        <Typography variant="body2">
          {t('queues.slaLine', {
            list: REPORT_SOURCES.map((s) =>
              t('queues.slaOfSource', { source: t(`source.${s}`), days: queue.slaDays[s] }),
            ).join(' · '),
          })}
        </Typography>
        <Typography variant="body2">{t('queues.holdLimit', { n: queue.holdLimit })}</Typography>
        <Box>
          <Typography variant="subtitle2" component="h3" gutterBottom>
            {t('queues.members')}
          </Typography>
          {queue.members.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {t('queues.noMembers')}
            </Typography>
          ) : (
            <Stack
              direction="row"
              useFlexGap
              spacing={0.5}
              component="ul"
              aria-label={t('queues.members')}
              sx={{ flexWrap: 'wrap', m: 0, p: 0, listStyle: 'none' }}
            >
              {queue.members.map((m) => (
                <li key={m.id}>
                  <Chip size="small" label={m.displayName} />
                </li>
              ))}
            </Stack>
          )}
          {queue.memberRole && (
            <Typography variant="caption" color="text.secondary">
              {t('queues.membersByRole', { role: t(`role.${queue.memberRole}`, { defaultValue: '' }) })}
            </Typography>
          )}
        </Box>
        {canManage ? (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <AutoAssignSwitch queue={queue} notify={props.notify} />
            <Box sx={{ flexGrow: 1 }} />
            <Button
              size="small"
              startIcon={<Group />}
              onClick={props.onEditMembers}
              aria-label={t('queues.editMembersOf', { name })}
            >
              {t('queues.editMembers')}
            </Button>
            <Button
              size="small"
              startIcon={<Edit />}
              onClick={props.onEdit}
              aria-label={t('queues.editQueueOf', { name })}
            >
              {t('queues.editQueue')}
            </Button>
          </Stack>
        ) : (
          <Typography variant="body2">
            {t(queue.autoAssign ? 'queues.autoAssignOn' : 'queues.autoAssignOff')}
          </Typography>
        )}
      </Stack>
    </Paper>
  );
}

function QueueStats({ queue }: { queue: QueueView }) {
  const { t, i18n } = useTranslation();
  // The server gives "now" for an empty queue and null when nothing closed lately (no pace).
  const forecast =
    queue.open === 0
      ? t('queues.cleared')
      : queue.clearsAt
        ? formatPlatformTime(queue.clearsAt, i18n.language)
        : t('queues.noForecast');
  const stats = [
    { label: t('queues.backlog'), value: t('queues.backlogValue', { n: queue.open }) },
    { label: t('queues.pace'), value: t('queues.paceValue', { n: queue.closedPerDay }) },
    { label: t('queues.clearsAt'), value: forecast },
  ];
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, auto)', gap: 1, m: 0 }}>
      {stats.map((s) => (
        <Box key={s.label}>
          <Typography component="dt" variant="caption" color="text.secondary">
            {s.label}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>
            {s.value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** Turns least-loaded automatic assignment on or off right away, keeping the rest of the queue as it is. */
function AutoAssignSwitch({ queue, notify }: { queue: QueueView; notify: Notify }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshQueues();
  const save = useMutation(trpc.queues.save.mutationOptions());
  const errorText = useTranslatedError(save.error);
  const toggle = (autoAssign: boolean) =>
    save.mutate(
      { ...queueSaveInputOf(queue), autoAssign },
      {
        onSuccess: async () => {
          await refresh();
          notify(t(autoAssign ? 'queues.autoAssignTurnedOn' : 'queues.autoAssignTurnedOff'));
        },
      },
    );
  return (
    <Stack>
      <FormControlLabel
        control={
          <Switch checked={queue.autoAssign} disabled={save.isPending} onChange={(e) => toggle(e.target.checked)} />
        }
        label={t('queues.autoAssign')}
      />
      {errorText && (
        <Alert severity="error" sx={{ py: 0 }}>
          {errorText}
        </Alert>
      )}
    </Stack>
  );
}
