import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../lib/trpc';
import { useHotkey } from '../../lib/useHotkey';
import { useTranslatedError } from '../../lib/useTranslatedError';

/**
 * Takes the next QA task (one the reviewer already holds comes first) and opens it; `n`, as for
 * the next case in the queue. `empty` turns true when nothing is waiting.
 */
export function useNextQaTask(enabled = true) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [empty, setEmpty] = useState(false);
  const next = useMutation(
    trpc.qa.next.mutationOptions({
      onSuccess: (task) => {
        if (task) navigate(`/qa/tasks/${task.taskId}`);
        else setEmpty(true);
      },
    }),
  );
  const error = useTranslatedError(next.error);
  const take = () => {
    if (next.isPending) return;
    setEmpty(false);
    next.mutate({});
  };
  useHotkey('n', take, enabled);
  const dismiss = () => {
    setEmpty(false);
    next.reset();
  };
  return { take, dismiss, pending: next.isPending, empty, error };
}
