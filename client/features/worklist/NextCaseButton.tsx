import PlayArrow from '@mui/icons-material/PlayArrow';
import { Button, Snackbar } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useTRPC } from '../../lib/trpc';
import { useHotkey } from '../../lib/useHotkey';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { foundNothingWaiting } from './nextCase';

/** Claims the most urgent case of my queues and opens it (shortcut: n). */
export function NextCaseButton({ queue }: { queue?: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(null);
  const next = useMutation(
    trpc.queue.next.mutationOptions({
      onSuccess: (claimed) => {
        if (claimed) navigate(`/cases/${claimed.caseId}`);
        else setMessage(t('queue.nextEmpty'));
      },
    }),
  );
  const errorText = useTranslatedError(next.error);
  const claim = () => {
    if (!next.isPending) next.mutate(queue && queue !== 'mine' ? { queue } : {});
  };
  useHotkey('n', claim);
  // "Next case" from a case page found nothing waiting and landed here: say so once.
  const location = useLocation();
  useEffect(() => {
    if (!foundNothingWaiting(location.state)) return;
    navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
    setMessage(t('queue.nextEmpty'));
  }, [location.state, location.pathname, location.search, navigate, t]);
  return (
    <>
      <Button
        variant="contained"
        startIcon={<PlayArrow />}
        onClick={claim}
        disabled={next.isPending}
        aria-keyshortcuts="n"
      >
        {t('queue.next')}
      </Button>
      <Snackbar
        open={Boolean(message ?? errorText)}
        autoHideDuration={4000}
        onClose={() => setMessage(null)}
        message={message ?? errorText}
      />
    </>
  );
}
