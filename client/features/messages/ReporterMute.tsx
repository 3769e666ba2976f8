import { Button } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/roles';
import { ReasonDialog } from '../../lib/ReasonDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';

/** A lead's mute (with a reason) or unmute of one reporter; audited by the server. Hidden from other roles. */
export function ReporterMuteButton({ reporterId, muted }: { reporterId: string; muted: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const done = () => {
    setOpen(false);
    void queryClient.invalidateQueries({ queryKey: trpc.reporters.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
  };
  const mute = useMutation(trpc.reporters.mute.mutationOptions({ onSuccess: done }));
  const unmute = useMutation(trpc.reporters.unmute.mutationOptions({ onSuccess: done }));
  const error = useTranslatedError(muted ? unmute.error : mute.error);
  if (!user || !can(user.role, 'reporters.mute')) return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`reporter-mute-${reporterId}`}>
        {muted ? t('messages.reporters.unmute') : t('messages.reporters.mute')}
      </Button>
      {open && (
        <ReasonDialog
          title={t(muted ? 'messages.reporters.unmuteTitle' : 'messages.reporters.muteTitle', { id: reporterId })}
          text={t(muted ? 'messages.reporters.unmuteText' : 'messages.reporters.muteText')}
          label={t(muted ? 'messages.reporters.reasonOptional' : 'messages.reporters.reason')}
          minLength={muted ? 0 : 1}
          confirmLabel={muted ? t('messages.reporters.unmute') : t('messages.reporters.mute')}
          pending={mute.isPending || unmute.isPending}
          error={error}
          onSubmit={(reason) =>
            muted
              ? unmute.mutate({ reporterId, ...(reason.trim() && { reason }) })
              : mute.mutate({ reporterId, reason })
          }
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
