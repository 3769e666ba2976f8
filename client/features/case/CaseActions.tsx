import { Alert, Button, Stack } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseDetail } from '../../../shared/api/caseDetail';
import { can } from '../../../shared/auth/roles';
import { ReasonDialog } from '../../lib/ReasonDialog';
import { useTRPC } from '../../lib/trpc';
import { useHotkey } from '../../lib/useHotkey';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { useMoveOnFromCase } from '../worklist/nextCase';
import { ChoiceDialog } from './ChoiceDialog';

type OpenDialog = 'release' | 'skip' | 'assign' | 'route' | null;

/** What the signed-in staff member may do to the case now: the state machine and their role decide. */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { user } = useSession();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
  const done = {
    onSuccess: () => {
      setDialog(null);
      void refresh();
    },
  };
  const release = useMutation(trpc.queue.release.mutationOptions({ onSuccess: () => navigate('/queue') }));
  const skip = useMutation(trpc.queue.skip.mutationOptions({ onSuccess: () => navigate('/queue') }));
  const assign = useMutation(trpc.cases.assign.mutationOptions(done));
  const route = useMutation(trpc.cases.route.mutationOptions(done));
  const staff = useQuery({ ...trpc.users.directory.queryOptions(), enabled: dialog === 'assign' });
  const queues = useQuery({ ...trpc.queues.list.queryOptions(), enabled: dialog === 'route' });
  // n: next case. An undecided case of mine goes back to its queue; "keep and go next" holds it.
  const next = useMoveOnFromCase(c.id);
  useHotkey('n', () => next.moveOn(false), Boolean(user && can(user.role, 'cases.claim')));
  const nextError = useTranslatedError(next.error);
  const giveBackError = useTranslatedError(release.error ?? skip.error);
  const assignError = useTranslatedError(assign.error);
  const routeError = useTranslatedError(route.error);
  // A dialog opened again starts clean: no refusal left over from the last try.
  const close = () => {
    setDialog(null);
    for (const m of [release, skip, assign, route]) m.reset();
  };
  if (!user) return null;

  const mine = c.assignee?.id === user.id && c.status === 'assigned';
  const canAssign = can(user.role, 'queues.manage') && c.allowedEvents.some((e) => e === 'claim' || e === 'reassign');
  // A case a reviewer holds is theirs: only a lead may route it away (shared/cases/caseHolder.ts).
  const canRoute =
    can(user.role, 'cases.intake') &&
    c.allowedEvents.includes('route') &&
    (c.status !== 'assigned' || can(user.role, 'queues.manage'));
  const reviewers = (staff.data ?? []).filter((u) => ['reviewer', 'senior_reviewer', 'lead'].includes(u.role));

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {mine && (
          <>
            <Button variant="outlined" onClick={() => setDialog('release')}>
              {t('case.release')}
            </Button>
            <Button variant="outlined" onClick={() => setDialog('skip')}>
              {t('case.skip')}
            </Button>
            <Button variant="outlined" onClick={() => next.moveOn(false)} disabled={next.pending} aria-keyshortcuts="n">
              {t('case.releaseAndNext')}
            </Button>
            <Button variant="outlined" onClick={() => next.moveOn(true)} disabled={next.pending}>
              {t('case.keepAndNext')}
            </Button>
          </>
        )}
        {canAssign && (
          <Button variant="outlined" onClick={() => setDialog('assign')}>
            {c.assignee ? t('case.reassign') : t('case.assign')}
          </Button>
        )}
        {canRoute && (
          <Button variant="outlined" onClick={() => setDialog('route')}>
            {t('case.route')}
          </Button>
        )}
      </Stack>
      {nextError && (
        <Alert severity="warning" onClose={next.reset}>
          {nextError}
        </Alert>
      )}
      {(dialog === 'release' || dialog === 'skip') && (
        <ReasonDialog
          title={dialog === 'skip' ? t('case.skip') : t('case.release')}
          label={t('case.reason')}
          confirmLabel={t('common.confirm')}
          pending={release.isPending || skip.isPending}
          error={giveBackError}
          onClose={close}
          onSubmit={(reason) => (dialog === 'skip' ? skip : release).mutate({ caseId: c.id, reason })}
        />
      )}
      {dialog === 'assign' && (
        <ChoiceDialog
          title={c.assignee ? t('case.reassign') : t('case.assign')}
          label={t('queue.columns.assignee')}
          choices={reviewers.map((u) => ({
            value: String(u.id),
            label: `${u.displayName} · ${t(`role.${u.role}` as 'role.reviewer')}`,
          }))}
          pending={assign.isPending}
          error={assignError}
          onClose={close}
          onSubmit={(userId) => assign.mutate({ caseId: c.id, userId: Number(userId) })}
        />
      )}
      {dialog === 'route' && (
        <ChoiceDialog
          title={t('case.route')}
          label={t('case.queue')}
          choices={(queues.data ?? []).map((q) => ({
            value: q.id,
            label: i18n.language === 'en' ? q.nameEn : q.nameZh,
          }))}
          pending={route.isPending}
          error={routeError}
          onClose={close}
          onSubmit={(queueId) => route.mutate({ caseId: c.id, queueId })}
        />
      )}
    </Stack>
  );
}
