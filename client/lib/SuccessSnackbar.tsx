import { Alert, Snackbar } from '@mui/material';
import { type ReactNode, useCallback, useState } from 'react';

export type Notify = (message: string) => void;

interface Feedback {
  key: number;
  message: string;
}

/** One snackbar for the page, confirming what was saved; a new message replaces the one showing. */
export function useSuccessSnackbar(): { notify: Notify; snackbar: ReactNode } {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [open, setOpen] = useState(false);
  const notify = useCallback<Notify>((message) => {
    setFeedback({ key: Date.now(), message });
    setOpen(true);
  }, []);
  const close = (_event?: unknown, reason?: string) => {
    if (reason !== 'clickaway') setOpen(false);
  };
  const snackbar = feedback && (
    <Snackbar
      key={feedback.key}
      open={open}
      onClose={close}
      autoHideDuration={4000}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert severity="success" variant="filled" onClose={close} data-testid="queues-success">
        {feedback.message}
      </Alert>
    </Snackbar>
  );
  return { notify, snackbar };
}
