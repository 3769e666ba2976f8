import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from './trpc';

/** A queue's name in the staff's language (its id until the queue list has loaded). */
export function useQueueName(): (id: string | null) => string | null {
  const trpc = useTRPC();
  const { i18n } = useTranslation();
  const queues = useQuery({ ...trpc.queues.list.queryOptions(), staleTime: 60_000 });
  return (id) => {
    if (!id) return null;
    const q = queues.data?.find((x) => x.id === id);
    return q ? (i18n.language === 'en' ? q.nameEn : q.nameZh) : id;
  };
}
