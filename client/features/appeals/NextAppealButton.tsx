import PlayArrow from '@mui/icons-material/PlayArrow';
import { Button, Snackbar } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';

/** Claims the oldest appeal this officer may rule on (never their own decision) and opens it. */
export function NextAppealButton() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(null);
  const next = useMutation(
    trpc.appeals.next.mutationOptions({
      onSuccess: (claimed) => {
        if (claimed) navigate(`/appeals/${claimed.appealId}`);
        else setMessage(t('appeals.nextEmpty'));
      },
    }),
  );
  const errorText = useTranslatedError(next.error);
  return (
    <>
      <Button variant="contained" startIcon={<PlayArrow />} onClick={() => next.mutate()} disabled={next.isPending}>
        {t('appeals.next')}
      </Button>
      <Snackbar
        open={Boolean(message ?? errorText)}
        autoHideDuration={4000}
        onClose={() => {
          setMessage(null);
          next.reset();
        }}
        message={message ?? errorText}
      />
    </>
  );
}
