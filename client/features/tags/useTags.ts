import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TagView } from '../../../shared/api/tags';
import { useTRPC } from '../../lib/trpc';

/** The tag vocabulary, with each tag's name in the staff's language. */
export function useTags() {
  const trpc = useTRPC();
  const { i18n } = useTranslation();
  const query = useQuery({ ...trpc.tags.list.queryOptions(), staleTime: 60_000 });
  const byId = new Map((query.data ?? []).map((tag) => [tag.id, tag]));
  const nameOf = (tag: TagView) => (i18n.language === 'en' ? tag.nameEn : tag.nameZh);
  return {
    query,
    tags: query.data ?? [],
    /** Tags that may still be put on (retired ones are not offered). */
    active: (query.data ?? []).filter((tag) => !tag.retired),
    find: (id: string) => byId.get(id),
    nameOf,
  };
}
